// Finds Slack member ids by email with users.lookupByEmail, remembering answers for the process.
import type { WebClient } from '@slack/web-api';
import { slackFailure } from './slack-error.js';

/** Where people written as emails in app.yaml are looked up. */
export interface PeopleDirectory {
  /** The member id of the Slack user with this email, null when Slack has none; throws otherwise. */
  lookupByEmail(email: string): Promise<string | null>;
}

/**
 * The directory backed by `users.lookupByEmail` (scope users:read.email). Answers, including "no
 * such user", are cached for the life of the process; failed lookups are not, so they can be retried.
 */
export function slackDirectory(client: WebClient): PeopleDirectory {
  const answers = new Map<string, Promise<string | null>>();
  const lookup = async (email: string): Promise<string | null> => {
    try {
      const result = await client.users.lookupByEmail({ email });
      return result.user?.id ?? null;
    } catch (error) {
      if (slackFailure(error).code === 'users_not_found') return null;
      throw error;
    }
  };
  return {
    lookupByEmail(email) {
      const key = email.toLowerCase();
      let answer = answers.get(key);
      if (!answer) {
        answer = lookup(email);
        answers.set(key, answer);
        answer.catch(() => answers.delete(key));
      }
      return answer;
    },
  };
}
