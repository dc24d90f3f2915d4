// Reads the watch caches of the clusters `notices:` routes: every routed Deployment's current rollout, and
// where the Deployment of a notice stands now. No I/O beyond the caches.
import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import type { ClusterSnapshot } from '../cluster/snapshot.js';
import type { Notice } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Sighting } from './advance.js';
import { noticeChannel, noticeScopes } from './routes.js';
import {
  byController,
  observeRollout,
  type ObserveOptions,
  type ObservedRollout,
} from './rollout.js';
import { workloadKey, type NoticeKey } from './types.js';

export interface RoutedRollout {
  rollout: ObservedRollout;
  channel: string;
}

export interface Observation {
  rollouts: RoutedRollout[];
  /** What became of a notice's Deployment; undefined when its cache cannot tell now. */
  sighting(key: NoticeKey): Sighting | undefined;
}

export interface SnapshotSource {
  snapshot(cluster: string): ClusterSnapshot;
}

function observeNamespace(
  snapshot: ClusterSnapshot,
  namespace: string,
  options: ObserveOptions,
  found: { rollouts: Map<string, ObservedRollout>; deployments: Set<string> },
): void {
  const replicaSets = byController<V1ReplicaSet>(snapshot.replicaSets(namespace));
  const pods = byController<V1Pod>(snapshot.pods(namespace));
  for (const deployment of snapshot.deployments(namespace)) {
    const uid = deployment.metadata?.uid ?? '';
    const owned = replicaSets.get(uid) ?? [];
    const workload = deployment.metadata?.name ?? '';
    const key = workloadKey({ cluster: snapshot.name, namespace, workload });
    found.deployments.add(key);
    const rollout = observeRollout(snapshot.name, deployment, owned, pods, options);
    if (rollout) found.rollouts.set(key, rollout);
  }
}

export function observeClusters(
  notices: readonly Notice[],
  source: SnapshotSource,
  options: ObserveOptions,
  logger: Logger,
): Observation {
  const found = { rollouts: new Map<string, ObservedRollout>(), deployments: new Set<string>() };
  const synced = new Set<string>();
  for (const scope of noticeScopes(notices)) {
    let snapshot: ClusterSnapshot;
    try {
      snapshot = source.snapshot(scope.cluster);
    } catch (error) {
      logger.warn({ err: error, cluster: scope.cluster }, 'rollout notices: no such cluster');
      continue;
    }
    if (!snapshot.state().synced) continue;
    synced.add(scope.cluster);
    const namespaces =
      scope.namespaces ??
      [...new Set(snapshot.deployments().map((d) => d.metadata?.namespace ?? ''))].sort();
    for (const namespace of namespaces) observeNamespace(snapshot, namespace, options, found);
  }
  const rollouts: RoutedRollout[] = [];
  for (const rollout of found.rollouts.values()) {
    const channel = noticeChannel(notices, rollout.key.cluster, rollout.key.namespace);
    if (channel) rollouts.push({ rollout, channel });
  }
  return {
    rollouts,
    sighting(key) {
      if (!synced.has(key.cluster)) return undefined;
      if (!noticeChannel(notices, key.cluster, key.namespace)) return undefined;
      const rollout = found.rollouts.get(workloadKey(key));
      if (rollout) {
        return rollout.key.revision === key.revision
          ? { kind: 'same', rollout }
          : { kind: 'newer', revision: rollout.key.revision };
      }
      return found.deployments.has(workloadKey(key)) ? undefined : { kind: 'gone' };
    },
  };
}
