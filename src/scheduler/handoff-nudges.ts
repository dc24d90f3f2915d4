// Nudges the incoming person once when a handoff post has gone an hour without acknowledgement.
import type { SlackPoster } from '../slack/message.js';
import { renderNudge } from '../slack/views/handoff-views.js';
import type { HandoffStore } from '../statuslog/handoff-store.js';
import type { Handoffs } from '../statuslog/handoffs.js';
import type { TickJob } from './ticker.js';

const HOUR = 3_600_000;

export function handoffNudgeJob(
  store: HandoffStore,
  handoffs: Handoffs,
  poster: SlackPoster,
): TickJob {
  return {
    name: 'handoff nudges',
    async run(now) {
      const due = await store.unacknowledged(
        new Date(now.getTime() - HOUR),
        new Date(now.getTime() - 24 * HOUR),
      );
      for (const post of due) {
        if (!(await store.claimNudge(post.key, now))) continue;
        const people = await handoffs.people(post.key);
        await poster.post(post.channel, renderNudge(people.incoming), { threadTs: post.ts });
      }
    },
  };
}
