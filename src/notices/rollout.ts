// The newest rollout of a Deployment as its watch cache shows it: revision, the one before, its pods, its progress. Pure.
import type { V1Deployment, V1ObjectMeta, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { rolloutHistory, type RolloutRevision } from '../cluster/history.js';
import { instant } from '../cluster/instant.js';
import { controllerOf } from '../cluster/owners.js';
import { rolloutProgress, type ClassifyOptions } from './classify.js';
import type { NoticeKey, RolloutProgress } from './types.js';

export interface ObserveOptions extends ClassifyOptions {
  /** A revision whose ReplicaSet is younger than this is news even once complete (default 30 min). */
  freshMs: number;
}

export const DEFAULT_FRESH_MS = 30 * 60_000;

export interface ObservedRollout {
  key: NoticeKey;
  deployment: V1Deployment;
  current: RolloutRevision;
  /** The highest revision below the current one, if the cluster still keeps it. */
  previous: RolloutRevision | undefined;
  /** Pods of the current revision's ReplicaSet. */
  pods: V1Pod[];
  /** When the current revision's ReplicaSet was created (ms). */
  startedAt: number | undefined;
  progress: RolloutProgress;
  /** Worth a new notice: it started within the fresh window, or it is rolling out right now. */
  noticeable: boolean;
}

/** Objects of one namespace by the uid of their controller, so a Deployment finds its ReplicaSets and pods at once. */
export function byController<T extends { metadata?: V1ObjectMeta }>(
  objects: readonly T[],
): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const object of objects) {
    const uid = controllerOf(object.metadata)?.uid;
    if (uid === undefined) continue;
    const list = index.get(uid);
    if (list) list.push(object);
    else index.set(uid, [object]);
  }
  return index;
}

function rollingOut(deployment: V1Deployment, progress: RolloutProgress): boolean {
  if (deployment.spec?.paused || progress.phase === 'complete') return false;
  const progressing = deployment.status?.conditions?.find((c) => c.type === 'Progressing');
  return progressing?.reason !== 'NewReplicaSetAvailable';
}

/**
 * The rollout of the Deployment's current revision, or undefined while the cache does not hold its
 * ReplicaSet yet. `replicaSets` and `podsByReplicaSet` come from `byController` over the namespace.
 */
export function observeRollout(
  cluster: string,
  deployment: V1Deployment,
  replicaSets: readonly V1ReplicaSet[],
  podsByReplicaSet: ReadonlyMap<string, V1Pod[]>,
  options: ObserveOptions,
): ObservedRollout | undefined {
  const history = rolloutHistory(deployment, replicaSets);
  const current = history.find((revision) => revision.current);
  if (!current) return undefined;
  const previous = history.filter((revision) => revision.revision < current.revision).at(-1);
  const pods = podsByReplicaSet.get(current.replicaSet.metadata?.uid ?? '') ?? [];
  const startedAt = instant(current.replicaSet.metadata?.creationTimestamp);
  const progress = rolloutProgress(deployment, pods, startedAt, options);
  const age = startedAt === undefined ? Infinity : options.now.getTime() - startedAt;
  return {
    key: {
      cluster,
      namespace: deployment.metadata?.namespace ?? '',
      workload: deployment.metadata?.name ?? '',
      revision: current.revision,
    },
    deployment,
    current,
    previous,
    pods,
    startedAt,
    progress,
    noticeable: age <= options.freshMs || rollingOut(deployment, progress),
  };
}
