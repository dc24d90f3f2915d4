// Opens what one /k8s question reads: the cluster the request may see, its synced cache, and the
// namespaces in view — refusing anything outside the request's scope before looking anything up.
import type { CoreV1Api } from '@kubernetes/client-node';
import {
  chooseCluster,
  requireNamespace,
  visibleNamespaces,
  type ClusterView,
  type RequestScope,
} from '../access/cluster-scope.js';
import type { ClusterSnapshot } from '../cluster/snapshot.js';
import { closestWord } from '../config/suggest.js';
import { isUserFacingError, UserFacingError } from '../errors.js';
import { asSentence } from './live-errors.js';
import type { NamespaceFilter, Source } from './models.js';

/** What the questions need from the cluster adapter (ClusterRegistry provides it). */
export interface ClusterSource {
  snapshot(cluster: string): ClusterSnapshot;
  /** The snapshot, or a UserFacingError when the cluster has never answered. */
  requireSynced(cluster: string): ClusterSnapshot;
  podLogs(
    cluster: string,
    namespace: string,
    pod: string,
    options: { container?: string; tailLines: number; previous?: boolean },
  ): Promise<string>;
  api(cluster: string): { core: CoreV1Api };
}

export interface Target {
  scope: RequestScope;
  view: ClusterView;
  snapshot: ClusterSnapshot;
  source: Source;
}

export function openTarget(
  clusters: ClusterSource,
  scope: RequestScope,
  cluster: string | undefined,
  now: Date,
): Target {
  const view = chooseCluster(scope, cluster);
  const snapshot = requireSynced(clusters, view.cluster);
  return {
    scope,
    view,
    snapshot,
    source: { cluster: view.cluster, state: snapshot.state(), at: now },
  };
}

/** The cluster's cache if it can answer now; the adapter's reason as a sentence otherwise. */
export function requireSynced(clusters: ClusterSource, cluster: string): ClusterSnapshot {
  try {
    return clusters.requireSynced(cluster);
  } catch (error) {
    throw isUserFacingError(error) ? asSentence(error) : error;
  }
}

/** The namespaces a list covers: the one named (checked against scope and cache), or all visible. */
export function namespacesFor(
  target: Target,
  namespace: string | undefined,
): { filter: NamespaceFilter; namespaces: string[] | undefined } {
  if (namespace !== undefined) {
    requireExistingNamespace(target, namespace);
    return { filter: { namespace }, namespaces: [namespace] };
  }
  const { view } = target;
  if (view.namespaces === 'all') return { filter: { visible: 'all' }, namespaces: undefined };
  return { filter: { visible: view.namespaces }, namespaces: [...view.namespaces] };
}

/** Refuses a namespace outside scope (same sentence whether it exists), then one the cache lacks. */
export function requireExistingNamespace(target: Target, namespace: string): void {
  requireNamespace(target.scope, target.view, namespace);
  const known = target.snapshot.namespaces().map((ns) => ns.metadata?.name ?? '');
  if (known.includes(namespace)) return;
  const visible = visibleNamespaces(target.view, known);
  const guess = closestWord(namespace, visible);
  throw new UserFacingError(
    `There is no namespace \`${namespace}\` on ${target.view.cluster}.` +
      (guess ? ` Did you mean \`${guess}\`?` : '') +
      ` Namespaces you can ask about: ${shortList(visible)}.`,
  );
}

export function shortList(names: readonly string[], max = 15): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} …and ${names.length - max} more` : shown;
}
