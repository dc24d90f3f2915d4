// Periodic work on cover requests: reminders 3 days, 1 day and 12 hours before, and expiry once started.
import type { OncallStore } from '../oncall/store/index.js';
import type { SlackPoster } from '../slack/message.js';
import { renderCoverClosed, renderCoverReminder } from '../slack/views/cover-request-views.js';
import type { TickJob } from './ticker.js';

const labels = { '3d': '3 days', '1d': '1 day', '12h': '12 hours' } as const;

export function coverRequestJobs(store: OncallStore, poster: SlackPoster): TickJob[] {
  return [
    {
      name: 'cover-request reminders',
      async run(now) {
        for (const { request, reminder } of await store.dueCoverReminders(now)) {
          if (!(await store.markCoverReminderSent(request.id, reminder))) continue;
          if (!request.message) continue;
          await poster.post(
            request.message.channel,
            renderCoverReminder(request, labels[reminder]),
            {
              threadTs: request.message.ts,
            },
          );
        }
      },
    },
    {
      name: 'cover-request expiry',
      async run(now) {
        for (const request of await store.expireCoverRequests(now)) {
          if (request.message) {
            await poster.update(
              request.message.channel,
              request.message.ts,
              renderCoverClosed(request),
            );
          }
        }
      },
    },
  ];
}
