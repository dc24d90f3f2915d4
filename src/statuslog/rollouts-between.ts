// Rollouts that happened in a time window, read off the watch caches: every ReplicaSet a Deployment
// created in the window, within the namespaces a team may see. Pure.
import type { ClusterView } from '../access/cluster-scope.js';
import { imagesOf, revisionOf } from '../cluster/history.js';
import { controllerOf } from '../cluster/owners.js';
import type { ClusterSnapshot } from '../cluster/registry.js';

export interface WindowRollout {
  cluster: string;
  namespace: string;
  deployment: string;
  revision: number;
  at: Date;
  images: string[];
}

export function rolloutsBetween(
  snapshot: Pick<ClusterSnapshot, 'replicaSets'>,
  view: ClusterView,
  from: Date,
  to: Date,
): WindowRollout[] {
  const rollouts: WindowRollout[] = [];
  for (const rs of snapshot.replicaSets()) {
    const namespace = rs.metadata?.namespace ?? '';
    if (view.namespaces !== 'all' && !view.namespaces.includes(namespace)) continue;
    const owner = controllerOf(rs.metadata);
    const created = rs.metadata?.creationTimestamp ? new Date(rs.metadata.creationTimestamp) : null;
    if (owner?.kind !== 'Deployment' || !created || created < from || created >= to) continue;
    rollouts.push({
      cluster: view.cluster,
      namespace,
      deployment: owner.name,
      revision: revisionOf(rs) ?? 0,
      at: created,
      images: imagesOf(rs.spec?.template),
    });
  }
  return rollouts.sort((a, b) => a.at.getTime() - b.at.getTime());
}
