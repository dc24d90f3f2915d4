// The rollback flow's periodic work: expire unanswered requests (their cards say so), run approved
// requests nobody picked up (a replica stopped after the click), and close the ones left half-done.
import type { TickJob } from '../../scheduler/ticker.js';
import type { RollbackExecutor } from '../executor/executor.js';
import type { RollbackStore } from '../store/index.js';
import type { RequestCards } from './request-cards.js';

export interface RollbackJobDeps {
  store: RollbackStore;
  executor: RollbackExecutor;
  cards: RequestCards;
  /** An approved request unclaimed for this long is run by the job (default 30 s). */
  pickUpAfterMs?: number;
  /** An execution unfinished for this long is closed as failed (default 10 min). */
  interruptedAfterMs?: number;
}

export function rollbackJobs(deps: RollbackJobDeps): TickJob[] {
  const pickUpAfterMs = deps.pickUpAfterMs ?? 30_000;
  const interruptedAfterMs = deps.interruptedAfterMs ?? 600_000;
  return [
    {
      name: 'rollback-expiry',
      async run(now) {
        for (const expired of await deps.store.expireDue(now)) await deps.cards.show(expired.id);
      },
    },
    {
      name: 'rollback-pick-up',
      async run(now) {
        const cutoff = now.getTime() - pickUpAfterMs;
        const waiting = (await deps.store.openRequests()).filter(
          (r) => r.state === 'approved' && (r.decidedAt?.getTime() ?? 0) <= cutoff,
        );
        for (const request of waiting) await deps.executor.run(request.id);
        const cut = new Date(now.getTime() - interruptedAfterMs);
        for (const failed of await deps.store.failInterrupted(cut, now))
          await deps.cards.show(failed.id);
      },
    },
  ];
}
