// Follows each rolled-back workload in the watch cache and rewrites its card as the rollout goes:
// progress at most every few seconds, then complete (with the time taken) or stuck, once per request.
import type { ClusterSnapshot } from '../../cluster/snapshot.js';
import type { Logger } from '../../log.js';
import type { TickJob } from '../../scheduler/ticker.js';
import type { WorkloadKind } from '../engine/index.js';
import type { RequestCards } from '../service/request-cards.js';
import type { RollbackRun, RunStore } from '../service/runs.js';
import type { RollbackStore, Workload } from '../store/index.js';
import { rolloutProgress, type RolloutProgress } from './rollout-progress.js';

export interface FollowDeps {
  runs: RunStore;
  store: RollbackStore;
  snapshot: (cluster: string) => ClusterSnapshot;
  cards: RequestCards;
  logger: Logger;
  /** Progress lines are written at most this often (default 5 s). */
  intervalMs?: number;
  /** A rollout still going after this long is reported as stuck and no longer followed (default 1 h). */
  maxFollowMs?: number;
}

function cachedObject(snapshot: ClusterSnapshot, workload: Workload) {
  const byName = <T extends { metadata?: { name?: string } }>(list: T[]) =>
    list.find((object) => object.metadata?.name === workload.name);
  const lists: Record<WorkloadKind, () => Parameters<typeof rolloutProgress>[1]> = {
    Deployment: () => byName(snapshot.deployments(workload.namespace)),
    StatefulSet: () => byName(snapshot.statefulSets(workload.namespace)),
    DaemonSet: () => byName(snapshot.daemonSets(workload.namespace)),
  };
  return lists[workload.kind]();
}

export function rolloutFollowJob(deps: FollowDeps): TickJob {
  const intervalMs = deps.intervalMs ?? 5_000;
  const maxFollowMs = deps.maxFollowMs ?? 3_600_000;

  async function follow(run: RollbackRun, now: Date): Promise<void> {
    const rollout = run.rollout;
    const request = await deps.store.get(run.requestId);
    if (!rollout || !request) return;
    const elapsedMs = now.getTime() - rollout.startedAt.getTime();
    const progress = watched(request.workload, rollout.generation);
    if (await settle(run.requestId, progress, now, elapsedMs)) await deps.cards.show(run.requestId);
  }

  /** The rollout as the watch cache shows it; "still progressing" while the cache cannot tell. */
  function watched(workload: Workload, generation: number | null): RolloutProgress {
    const { cluster } = workload;
    const waiting = `the watch cache of ${cluster} cannot tell right now`;
    let snapshot: ClusterSnapshot;
    try {
      snapshot = deps.snapshot(cluster);
    } catch {
      return { state: 'gone', detail: `cluster ${cluster} is no longer configured` };
    }
    if (!snapshot.state().synced) return { state: 'progressing', detail: waiting };
    return rolloutProgress(workload.kind, cachedObject(snapshot, workload), generation);
  }

  async function settle(id: string, progress: RolloutProgress, now: Date, elapsedMs: number) {
    if (progress.state !== 'progressing')
      return deps.runs.finishRollout(id, progress.state, progress.detail, now);
    if (elapsedMs > maxFollowMs) {
      const minutes = Math.round(maxFollowMs / 60_000);
      const detail = `not complete after ${minutes} min (${progress.detail}); look at it with /k8s describe`;
      return deps.runs.finishRollout(id, 'stuck', detail, now);
    }
    return deps.runs.progress(id, progress.detail, now, intervalMs);
  }

  return {
    name: 'rollback-rollouts',
    async run(now) {
      for (const run of await deps.runs.following()) {
        try {
          await follow(run, now);
        } catch (error) {
          deps.logger.warn({ err: error, requestId: run.requestId }, 'could not follow a rollout');
        }
      }
    },
  };
}
