// The scheduled-posts tick job with the outbox delivery outcomes of each pass counted for /metrics.
import type { PostScheduler } from '../scheduler/post-scheduler.js';
import type { TickJob } from '../scheduler/ticker.js';
import type { AppMetrics } from './app-metrics.js';

export function countedPostJob(
  scheduler: Pick<PostScheduler, 'tick'>,
  metrics: AppMetrics,
): TickJob {
  return {
    name: 'scheduled-posts',
    run: async (now) => metrics.outboxDelivered((await scheduler.tick(now)).delivery),
  };
}
