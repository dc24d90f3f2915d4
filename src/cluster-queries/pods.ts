// /k8s pods: the pods of a namespace (or of every namespace in view), filtered by a label selector
// or a forgiving name, problems first, with kubectl's STATUS, READY and RESTARTS columns.
import type { V1Pod } from '@kubernetes/client-node';
import { instant } from '../cluster/instant.js';
import { podProblem } from '../cluster/pod-problems.js';
import { matchesSelector, parseSelector } from './labels.js';
import type { PodList, PodRow } from './models.js';
import { filterByName } from './find.js';
import { namespacesFor, type Target } from './target.js';

export const PENDING_GRACE_MS = 5 * 60_000;

export interface PodQuery {
  namespace?: string;
  /** A label selector (`app=web,tier!=db`) or a name to match forgivingly (`web`). */
  filter?: string;
  problemsOnly: boolean;
}

export function listPods(target: Target, query: PodQuery): PodList {
  const { filter, namespaces } = namespacesFor(target, query.namespace);
  let pods = namespaces
    ? namespaces.flatMap((ns) => target.snapshot.pods(ns))
    : target.snapshot.pods();
  if (query.filter !== undefined) pods = filterPods(pods, query.filter, target, query.namespace);
  const now = target.source.at;
  const rows = pods
    .map((pod) => podRow(pod, now))
    .filter((row) => row.problem || !query.problemsOnly)
    .sort(
      (a, b) =>
        Number(b.problem) - Number(a.problem) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
  return {
    source: target.source,
    where: filter,
    ...(query.filter !== undefined ? { filter: query.filter } : {}),
    problemsOnly: query.problemsOnly,
    rows,
  };
}

function filterPods(pods: V1Pod[], filter: string, target: Target, namespace?: string): V1Pod[] {
  const selector = parseSelector(filter);
  if (selector) return pods.filter((pod) => matchesSelector(selector, pod.metadata?.labels ?? {}));
  const { view } = target;
  const where = namespace
    ? `in \`${namespace}\``
    : view.namespaces === 'all'
      ? `on ${view.cluster}`
      : `in ${view.namespaces.join(', ')}`;
  return filterByName(pods, filter, { kind: 'pod', where });
}

export function podRow(pod: V1Pod, now: Date): PodRow {
  const statuses = pod.status?.containerStatuses ?? [];
  const containers = pod.spec?.containers.length ?? statuses.length;
  const ready = statuses.filter((s) => s.ready).length;
  const restarts = [...(pod.status?.initContainerStatuses ?? []), ...statuses].reduce(
    (sum, s) => sum + (s.restartCount ?? 0),
    0,
  );
  const problem = podProblem(pod, now, PENDING_GRACE_MS);
  const created = instant(pod.metadata?.creationTimestamp);
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    status: problem?.reason ?? statusColumn(pod),
    ready: `${ready}/${containers}`,
    restarts,
    ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}),
    createdAt: created === undefined ? null : new Date(created),
    problem: problem !== undefined,
  };
}

/** kubectl's STATUS column for a pod without a problem. */
function statusColumn(pod: V1Pod): string {
  if (pod.metadata?.deletionTimestamp) return 'Terminating';
  if (pod.status?.phase === 'Succeeded') return 'Completed';
  if (pod.status?.reason) return pod.status.reason;
  for (const status of pod.status?.containerStatuses ?? []) {
    const reason = status.state?.waiting?.reason ?? status.state?.terminated?.reason;
    if (reason) return reason;
  }
  return pod.status?.phase ?? 'Unknown';
}
