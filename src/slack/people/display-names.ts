// People's display names from users.info, cached for the process (names are cosmetic; ids stay the truth).
import type { WebClient } from '@slack/web-api';

export function slackDisplayNames(client: WebClient): (userId: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (userId) => {
    let name = cache.get(userId);
    if (!name) {
      name = client.users.info({ user: userId }).then(
        (answer) =>
          answer.user?.profile?.display_name ||
          answer.user?.real_name ||
          answer.user?.name ||
          userId,
        () => {
          cache.delete(userId);
          return userId;
        },
      );
      cache.set(userId, name);
    }
    return name;
  };
}
