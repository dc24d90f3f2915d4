// Why a pod is failing, in the words kubectl shows (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Pending…): pure.
import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { instant } from './instant.js';

export type PodProblemReason =
  | 'OOMKilled'
  | 'CrashLoopBackOff'
  | 'ImagePullBackOff'
  | 'ErrImagePull'
  | 'InvalidImageName'
  | 'CreateContainerConfigError'
  | 'CreateContainerError'
  | 'RunContainerError'
  | 'Error'
  | 'Evicted'
  | 'Failed'
  | 'Pending'
  | 'ContainerCreating'
  | 'NotReady';

export interface PodProblem {
  reason: PodProblemReason;
  /** Restarts of all the pod's containers. */
  restarts: number;
  message?: string;
}

/** A termination this recent still counts against a pod that has come back up. */
export const RECENT_TERMINATION_MS = 60 * 60_000;

const WAITING_REASONS: ReadonlySet<string> = new Set<PodProblemReason>([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

/** Lower is worse: the reason shown when a pod has several problems. */
const SEVERITY: readonly PodProblemReason[] = [
  'OOMKilled',
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'Error',
];

type Found = { reason: PodProblemReason; message?: string };

function memoryLimit(pod: V1Pod, container: string): string | undefined {
  return pod.spec?.containers.find((c) => c.name === container)?.resources?.limits?.memory;
}

function oomMessage(pod: V1Pod, container: string): string {
  const limit = memoryLimit(pod, container);
  return `container ${container} ran out of memory${limit ? ` (limit ${limit})` : ''}`;
}

function containerProblem(pod: V1Pod, status: V1ContainerStatus, nowMs: number): Found | undefined {
  const last = status.lastState?.terminated;
  if (status.ready && !last) return undefined;
  const { waiting, running, terminated } = status.state ?? {};
  const lastAt = instant(last?.finishedAt);
  const recent =
    last !== undefined && lastAt !== undefined && nowMs - lastAt <= RECENT_TERMINATION_MS;
  if (waiting?.reason && WAITING_REASONS.has(waiting.reason)) {
    if (waiting.reason === 'CrashLoopBackOff' && last?.reason === 'OOMKilled')
      return { reason: 'OOMKilled', message: oomMessage(pod, status.name) };
    if (waiting.reason === 'CrashLoopBackOff' && last)
      return {
        reason: 'CrashLoopBackOff',
        message: `container ${status.name} keeps exiting with code ${last.exitCode}`,
      };
    return {
      reason: waiting.reason as PodProblemReason,
      ...(waiting.message ? { message: waiting.message } : {}),
    };
  }
  if (terminated && terminated.reason !== 'Completed' && terminated.exitCode !== 0) {
    if (terminated.reason === 'OOMKilled')
      return { reason: 'OOMKilled', message: oomMessage(pod, status.name) };
    return {
      reason: 'Error',
      message: `container ${status.name} exited with code ${terminated.exitCode}`,
    };
  }
  if (running && recent && last.reason === 'OOMKilled')
    return { reason: 'OOMKilled', message: oomMessage(pod, status.name) };
  if (running && recent && !status.ready) {
    const reason = status.restartCount >= 2 ? 'CrashLoopBackOff' : 'Error';
    return { reason, message: `container ${status.name} keeps exiting with code ${last.exitCode}` };
  }
  return undefined;
}

/** The worst problem among a pod's containers (init containers first), or undefined. */
function worstContainerProblem(
  pod: V1Pod,
  statuses: V1ContainerStatus[],
  nowMs: number,
): Found | undefined {
  let worst: Found | undefined;
  for (const status of statuses) {
    const found = containerProblem(pod, status, nowMs);
    if (found && (!worst || SEVERITY.indexOf(found.reason) < SEVERITY.indexOf(worst.reason)))
      worst = found;
  }
  return worst;
}

function condition(pod: V1Pod, type: string) {
  return pod.status?.conditions?.find((c) => c.type === type);
}

function pendingProblem(pod: V1Pod, nowMs: number, graceMs: number): Found | undefined {
  const created = instant(pod.metadata?.creationTimestamp);
  if (created === undefined || nowMs - created < graceMs) return undefined;
  const scheduled = condition(pod, 'PodScheduled');
  if (scheduled?.status === 'False')
    return { reason: 'Pending', ...(scheduled.message ? { message: scheduled.message } : {}) };
  const creating = pod.status?.containerStatuses?.some(
    (s) => s.state?.waiting?.reason === 'ContainerCreating',
  );
  return creating ? { reason: 'ContainerCreating' } : { reason: 'Pending' };
}

function notReadyProblem(pod: V1Pod, nowMs: number, graceMs: number): Found | undefined {
  const ready = condition(pod, 'Ready');
  if (ready?.status !== 'False') return undefined;
  const since = instant(ready.lastTransitionTime) ?? instant(pod.metadata?.creationTimestamp);
  if (since === undefined || nowMs - since < graceMs) return undefined;
  return { reason: 'NotReady', ...(ready.message ? { message: ready.message } : {}) };
}

function failedProblem(pod: V1Pod, statuses: V1ContainerStatus[], nowMs: number): Found {
  if (pod.status?.reason === 'Evicted')
    return { reason: 'Evicted', ...(pod.status.message ? { message: pod.status.message } : {}) };
  const fromContainers = worstContainerProblem(pod, statuses, nowMs);
  if (fromContainers) return fromContainers;
  return { reason: 'Failed', ...(pod.status?.message ? { message: pod.status.message } : {}) };
}

/** What is wrong with a pod, or undefined when nothing is (terminating and completed pods never fail). */
export function podProblem(pod: V1Pod, now: Date, pendingGraceMs: number): PodProblem | undefined {
  if (pod.metadata?.deletionTimestamp) return undefined;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return undefined;
  const init = pod.status?.initContainerStatuses;
  const statuses = init?.length
    ? [...init, ...(pod.status?.containerStatuses ?? [])]
    : (pod.status?.containerStatuses ?? []);
  const nowMs = now.getTime();
  const found =
    phase === 'Failed'
      ? failedProblem(pod, statuses, nowMs)
      : (worstContainerProblem(pod, statuses, nowMs) ??
        (phase === 'Pending' || phase === undefined
          ? pendingProblem(pod, nowMs, pendingGraceMs)
          : notReadyProblem(pod, nowMs, pendingGraceMs)));
  if (!found) return undefined;
  const restarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
  return { ...found, restarts };
}
