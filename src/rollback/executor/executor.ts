// Carries out an approved rollback exactly once: claim it, read the workload fresh, re-plan to the same
// revision, refuse if it moved on, patch, record the result, and start following the rollout.
import type { Clock } from '../../clock.js';
import type { RollbackPolicy } from '../../config/schema.js';
import { isUserFacingError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { BOT_ACTOR } from '../audit/index.js';
import { isStale, planRollback } from '../engine/index.js';
import type { RequestCards } from '../service/request-cards.js';
import type { RunStore } from '../service/runs.js';
import type { WorkloadReader } from '../service/workload-reader.js';
import { workloadLabel, type RollbackRequest, type RollbackStore } from '../store/index.js';
import type { Patcher } from './patcher.js';

export interface ExecutorDeps {
  store: RollbackStore;
  runs: RunStore;
  reader: WorkloadReader;
  patcher: Patcher;
  cards: RequestCards;
  policy: RollbackPolicy;
  clock: Clock;
  logger: Logger;
}

type Outcome = { outcome: 'succeeded' | 'failed'; result: string };

export class RollbackExecutor {
  constructor(private readonly deps: ExecutorDeps) {}

  /** Runs request `id` if it is approved and nobody claimed it yet; otherwise does nothing. */
  async run(id: string): Promise<void> {
    const { store, clock } = this.deps;
    const claimed = await store.claimExecution(id, clock.now());
    if (!claimed) return;
    const { outcome, result } = await this.execute(claimed);
    await store.finish(id, outcome, result, clock.now());
    await this.deps.cards.show(id);
  }

  private async execute(request: RollbackRequest): Promise<Outcome> {
    const { workload } = request;
    try {
      const state = await this.deps.reader.read(workload);
      const snapshot = { ...request.snapshot, currentRevision: request.fromRevision };
      const stale = isStale(snapshot, state);
      if (stale.stale)
        return { outcome: 'failed', result: `${stale.sentence}; nothing was changed` };
      const plan = planRollback({
        ...state,
        toRevision: request.toRevision,
        gitopsPolicy: this.deps.policy.gitops,
      });
      if (plan.kind !== 'patch') return { outcome: 'failed', result: plan.sentence };
      const patched = await this.deps.patcher.patch(workload, plan);
      const now = this.deps.clock.now();
      await this.deps.store.record({
        requestId: request.id,
        at: now,
        actor: BOT_ACTOR,
        action: 'patched',
        workload,
        details: {
          contentType: plan.contentType,
          fromRevision: plan.fromRevision,
          toRevision: plan.toRevision,
          ...(patched.resourceVersion ? { resourceVersion: patched.resourceVersion } : {}),
        },
      });
      await this.deps.runs.startRollout(
        request.id,
        patched.generation,
        'waiting for the new pods',
        now,
      );
      return {
        outcome: 'succeeded',
        result: `Rolled back ${workloadLabel(workload)} to revision ${plan.toRevision}.`,
      };
    } catch (error) {
      if (isUserFacingError(error)) return { outcome: 'failed', result: error.message };
      this.deps.logger.error({ err: error, requestId: request.id }, 'rollback failed unexpectedly');
      return {
        outcome: 'failed',
        result: "Something went wrong on our side; the bot's log has the details.",
      };
    }
  }
}
