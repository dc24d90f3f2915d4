// Which Deployments, StatefulSets and DaemonSets are degraded, and why, in plain words: pure.
import type { V1DaemonSet, V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import { instant } from './instant.js';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface DegradedWorkload {
  namespace: string;
  name: string;
  kind: WorkloadKind;
  ready: number;
  desired: number;
  /** Plain words: "2 of 3 replicas unavailable", "rollout stuck: ProgressDeadlineExceeded". */
  reason: string;
}

function degraded(
  kind: WorkloadKind,
  metadata: { namespace?: string; name?: string } | undefined,
  ready: number,
  desired: number,
  reason: string,
): DegradedWorkload {
  return {
    namespace: metadata?.namespace ?? '',
    name: metadata?.name ?? '',
    kind,
    ready,
    desired,
    reason,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The instant and grace within which a Deployment that just became unavailable is still starting, not degraded. */
export interface StartGrace {
  now: Date;
  graceMs: number;
}

function stillStarting(deployment: V1Deployment, grace: StartGrace | undefined): boolean {
  if (!grace) return false;
  const available = deployment.status?.conditions?.find((c) => c.type === 'Available');
  if (available?.status === 'True') return false;
  const since =
    instant(available?.lastTransitionTime) ?? instant(deployment.metadata?.creationTimestamp);
  return since !== undefined && grace.now.getTime() - since < grace.graceMs;
}

export function deploymentDegradation(
  deployment: V1Deployment,
  grace?: StartGrace,
): DegradedWorkload | undefined {
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status;
  const ready = status?.readyReplicas ?? 0;
  const conditions = status?.conditions ?? [];
  const progressing = conditions.find((c) => c.type === 'Progressing');
  const failure = conditions.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
  const unavailable = Math.max(0, desired - (status?.availableReplicas ?? 0));
  const reasons: string[] = [];
  if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded')
    reasons.push('rollout stuck: ProgressDeadlineExceeded');
  if (failure) reasons.push(`cannot create pods: ${failure.reason ?? 'ReplicaFailure'}`);
  if (unavailable > 0 && (reasons.length > 0 || !stillStarting(deployment, grace)))
    reasons.push(`${unavailable} of ${plural(desired, 'replica')} unavailable`);
  if (reasons.length === 0) return undefined;
  return degraded('Deployment', deployment.metadata, ready, desired, reasons.join('; '));
}

export function statefulSetDegradation(statefulSet: V1StatefulSet): DegradedWorkload | undefined {
  const desired = statefulSet.spec?.replicas ?? 1;
  const ready = statefulSet.status?.readyReplicas ?? 0;
  if (ready >= desired) return undefined;
  const reason = `${desired - ready} of ${plural(desired, 'replica')} not ready`;
  return degraded('StatefulSet', statefulSet.metadata, ready, desired, reason);
}

export function daemonSetDegradation(daemonSet: V1DaemonSet): DegradedWorkload | undefined {
  const status = daemonSet.status;
  const desired = status?.desiredNumberScheduled ?? 0;
  const ready = status?.numberReady ?? 0;
  const unavailable = status?.numberUnavailable ?? Math.max(0, desired - ready);
  const misscheduled = status?.numberMisscheduled ?? 0;
  const reasons: string[] = [];
  if (unavailable > 0) reasons.push(`${unavailable} of ${plural(desired, 'pod')} unavailable`);
  if (misscheduled > 0)
    reasons.push(`${plural(misscheduled, 'pod')} on nodes they should not run on`);
  if (reasons.length === 0) return undefined;
  return degraded('DaemonSet', daemonSet.metadata, ready, desired, reasons.join('; '));
}
