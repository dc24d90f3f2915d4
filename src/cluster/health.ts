// One screen of cluster health from a snapshot: nodes, degraded workloads, failing pods, recent rollouts, warnings. Pure.
import type { CoreV1Event, V1Node, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { controllerOf, indexReplicaSets, workloadOfPod } from './owners.js';
import { imagesOf, revisionOf } from './history.js';
import { instant } from './instant.js';
import { podProblem, type PodProblemReason } from './pod-problems.js';
import {
  daemonSetDegradation,
  deploymentDegradation,
  statefulSetDegradation,
  type DegradedWorkload,
} from './workloads.js';
import type { ClusterSnapshot } from './snapshot.js';

export interface NotReadyNode {
  name: string;
  reason: string;
}

export interface FailingPods {
  namespace: string;
  /** The owning Deployment/StatefulSet/DaemonSet (or Job, ReplicaSet), or the pod's own name. */
  workload: string;
  workloadKind: string;
  pods: number;
  reason: PodProblemReason;
  restarts: number;
  message?: string;
}

export interface RecentRollout {
  namespace: string;
  name: string;
  revision: number;
  at: Date;
  images: string[];
}

export interface WarningSummary {
  reason: string;
  count: number;
  example: string;
}

export interface ClusterHealth {
  cluster: string;
  nodes: { ready: number; total: number; notReady: NotReadyNode[] };
  degradedDeployments: DegradedWorkload[];
  failingPods: FailingPods[];
  /** Newest first. */
  recentRollouts: RecentRollout[];
  /** Most frequent first. */
  topWarnings: WarningSummary[];
  healthy: boolean;
}

export interface HealthOptions {
  now: Date;
  /** Namespaces to look at; undefined means all. Nodes are always included. */
  namespaces?: string[];
  /** How long a pod may stay Pending (or not ready), or a new Deployment unavailable, before it counts; default 5 minutes. */
  pendingGraceMs?: number;
}

export const DEFAULT_PENDING_GRACE_MS = 5 * 60_000;
export const RECENT_ROLLOUT_MS = 24 * 60 * 60_000;
export const WARNING_WINDOW_MS = 60 * 60_000;
export const TOP_WARNINGS = 10;

function inNamespaces<T>(list: (namespace?: string) => T[], namespaces: string[] | undefined): T[] {
  return namespaces === undefined ? list() : namespaces.flatMap((namespace) => list(namespace));
}

function nodeProblem(node: V1Node): string | undefined {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (!ready) return 'no Ready condition reported';
  if (ready.status === 'True') return undefined;
  if (ready.status === 'Unknown') return 'kubelet stopped reporting';
  return `not ready${ready.reason ? `: ${ready.reason}` : ''}`;
}

function nodeHealth(nodes: V1Node[]): ClusterHealth['nodes'] {
  const notReady: NotReadyNode[] = [];
  for (const node of nodes) {
    const reason = nodeProblem(node);
    if (reason) notReady.push({ name: node.metadata?.name ?? '', reason });
  }
  notReady.sort((a, b) => a.name.localeCompare(b.name));
  return { ready: nodes.length - notReady.length, total: nodes.length, notReady };
}

function byNamespaceAndName<T extends { namespace: string; name: string }>(a: T, b: T): number {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}

function failingPods(
  pods: V1Pod[],
  replicaSets: V1ReplicaSet[],
  now: Date,
  pendingGraceMs: number,
): FailingPods[] {
  const index = indexReplicaSets(replicaSets);
  const groups = new Map<string, FailingPods>();
  for (const pod of pods) {
    const problem = podProblem(pod, now, pendingGraceMs);
    if (!problem) continue;
    const namespace = pod.metadata?.namespace ?? '';
    const workload = workloadOfPod(pod, index);
    const key = `${namespace}/${workload.kind}/${workload.name}/${problem.reason}`;
    const group = groups.get(key);
    if (group) {
      group.pods += 1;
      group.restarts += problem.restarts;
      continue;
    }
    groups.set(key, {
      namespace,
      workload: workload.name,
      workloadKind: workload.kind,
      pods: 1,
      reason: problem.reason,
      restarts: problem.restarts,
      ...(problem.message !== undefined ? { message: problem.message } : {}),
    });
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.pods - a.pods ||
      a.namespace.localeCompare(b.namespace) ||
      a.workload.localeCompare(b.workload),
  );
}

function recentRollouts(replicaSets: V1ReplicaSet[], nowMs: number): RecentRollout[] {
  const rollouts: RecentRollout[] = [];
  for (const rs of replicaSets) {
    const owner = controllerOf(rs.metadata);
    const created = rs.metadata?.creationTimestamp;
    const at = instant(created);
    if (owner?.kind !== 'Deployment' || !created || at === undefined) continue;
    if (nowMs - at > RECENT_ROLLOUT_MS || at > nowMs) continue;
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    rollouts.push({
      namespace: rs.metadata?.namespace ?? '',
      name: owner.name,
      revision,
      at: new Date(at),
      images: imagesOf(rs.spec?.template),
    });
  }
  return rollouts.sort((a, b) => b.at.getTime() - a.at.getTime() || byNamespaceAndName(a, b));
}

function lastSeen(event: CoreV1Event): number | undefined {
  return (
    instant(event.lastTimestamp) ??
    instant(event.series?.lastObservedTime) ??
    instant(event.eventTime) ??
    instant(event.firstTimestamp) ??
    instant(event.metadata?.creationTimestamp)
  );
}

function exampleOf(event: CoreV1Event): string {
  const object = event.involvedObject;
  const where = object.namespace ? `${object.namespace}/${object.name ?? ''}` : (object.name ?? '');
  const text = `${object.kind ?? 'object'} ${where}: ${event.message ?? ''}`.trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function topWarnings(events: CoreV1Event[], nowMs: number): WarningSummary[] {
  const byReason = new Map<string, { summary: WarningSummary; latest: number }>();
  for (const event of events) {
    const at = lastSeen(event);
    if (at === undefined || nowMs - at > WARNING_WINDOW_MS) continue;
    const reason = event.reason ?? 'Unknown';
    const count = event.series?.count ?? event.count ?? 1;
    const entry = byReason.get(reason);
    if (!entry) {
      byReason.set(reason, { summary: { reason, count, example: exampleOf(event) }, latest: at });
      continue;
    }
    entry.summary.count += count;
    if (at > entry.latest) {
      entry.latest = at;
      entry.summary.example = exampleOf(event);
    }
  }
  return [...byReason.values()]
    .map((entry) => entry.summary)
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, TOP_WARNINGS);
}

/** The health of a cluster (or of some of its namespaces) as its cache shows it at `now`. */
export function clusterHealth(snapshot: ClusterSnapshot, options: HealthOptions): ClusterHealth {
  const { now, namespaces } = options;
  const pendingGraceMs = options.pendingGraceMs ?? DEFAULT_PENDING_GRACE_MS;
  const nowMs = now.getTime();
  const replicaSets = inNamespaces((ns) => snapshot.replicaSets(ns), namespaces);
  const degradedDeployments = [
    ...inNamespaces((ns) => snapshot.deployments(ns), namespaces).map((d) =>
      deploymentDegradation(d, { now, graceMs: pendingGraceMs }),
    ),
    ...inNamespaces((ns) => snapshot.statefulSets(ns), namespaces).map(statefulSetDegradation),
    ...inNamespaces((ns) => snapshot.daemonSets(ns), namespaces).map(daemonSetDegradation),
  ]
    .filter((item): item is DegradedWorkload => item !== undefined)
    .sort((a, b) => byNamespaceAndName(a, b) || a.kind.localeCompare(b.kind));
  const nodes = nodeHealth(snapshot.nodes());
  const pods = inNamespaces((ns) => snapshot.pods(ns), namespaces);
  const failing = failingPods(pods, replicaSets, now, pendingGraceMs);
  return {
    cluster: snapshot.name,
    nodes,
    degradedDeployments,
    failingPods: failing,
    recentRollouts: recentRollouts(replicaSets, nowMs),
    topWarnings: topWarnings(
      inNamespaces((ns) => snapshot.warningEvents(ns), namespaces),
      nowMs,
    ),
    healthy:
      nodes.notReady.length === 0 && degradedDeployments.length === 0 && failing.length === 0,
  };
}
