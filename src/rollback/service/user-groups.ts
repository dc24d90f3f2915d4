// Which Slack user groups a person is in, for the rollback policy: read with usergroups.list, cached briefly.
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../clock.js';

export interface GroupMembership {
  /** The groups `userId` is in; `problem` says why membership could not be read (then no group counts). */
  groupsOf(userId: string): Promise<{ groups: string[]; problem?: string }>;
}

/** The groups and their members, as usergroups.list with include_users answers. */
export type ListUserGroups = () => Promise<Array<{ id: string; users: string[] }>>;

export function slackGroupLister(client: WebClient): ListUserGroups {
  return async () => {
    const answer = await client.usergroups.list({ include_users: true });
    return (answer.usergroups ?? []).map((group) => ({
      id: group.id ?? '',
      users: group.users ?? [],
    }));
  };
}

/** Membership from Slack, read at most once per `ttlMs`; a failed read is retried on the next question. */
export function cachedGroupMembership(
  list: ListUserGroups,
  clock: Clock,
  ttlMs = 60_000,
): GroupMembership {
  let cached: { at: number; groups: Array<{ id: string; users: string[] }> } | undefined;
  return {
    async groupsOf(userId) {
      const now = clock.now().getTime();
      if (!cached || now - cached.at > ttlMs || now < cached.at) {
        try {
          cached = { at: now, groups: await list() };
        } catch (error) {
          const code = (error as { data?: { error?: string } }).data?.error;
          return {
            groups: [],
            problem: `Slack did not tell me who is in which user group${code ? ` (${code})` : ''}, so user-group membership was not counted`,
          };
        }
      }
      return { groups: cached.groups.filter((g) => g.users.includes(userId)).map((g) => g.id) };
    },
  };
}
