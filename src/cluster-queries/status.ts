// /k8s status and /k8s clusters: health and freshness of each cluster in view; one cluster that does
// not answer never sinks the answer for the others.
import { chooseCluster, type ClusterView, type RequestScope } from '../access/cluster-scope.js';
import { clusterHealth } from '../cluster/health.js';
import { isUserFacingError } from '../errors.js';
import type { ClusterRow, ClusterStatus } from './models.js';
import { nodeRow } from './nodes.js';
import { requireSynced, type ClusterSource } from './target.js';

export function clusterStatuses(
  clusters: ClusterSource,
  scope: RequestScope,
  cluster: string | undefined,
  now: Date,
): ClusterStatus[] {
  const views = cluster !== undefined ? [chooseCluster(scope, cluster)] : scope.clusters;
  if (views.length === 0) chooseCluster(scope);
  return views.map((view) => statusOf(clusters, view, now));
}

function statusOf(clusters: ClusterSource, view: ClusterView, now: Date): ClusterStatus {
  try {
    const snapshot = requireSynced(clusters, view.cluster);
    const namespaces = view.namespaces === 'all' ? undefined : [...view.namespaces];
    return {
      source: { cluster: view.cluster, state: snapshot.state(), at: now },
      health: clusterHealth(snapshot, { now, ...(namespaces ? { namespaces } : {}) }),
    };
  } catch (error) {
    if (!isUserFacingError(error)) throw error;
    const state = clusters.snapshot(view.cluster).state();
    return {
      source: { cluster: view.cluster, state, at: now },
      health: null,
      unavailable: error.message,
    };
  }
}

export function clusterRows(clusters: ClusterSource, scope: RequestScope, now: Date): ClusterRow[] {
  if (scope.clusters.length === 0) chooseCluster(scope);
  return scope.clusters.map((view) => {
    const snapshot = clusters.snapshot(view.cluster);
    const state = snapshot.state();
    const nodes = state.lastSyncedAt ? snapshot.nodes().map(nodeRow) : undefined;
    return {
      source: { cluster: view.cluster, state, at: now },
      namespaces: view.namespaces,
      ...(nodes
        ? { nodes: { ready: nodes.filter((n) => n.ready === 'Ready').length, total: nodes.length } }
        : {}),
    };
  });
}
