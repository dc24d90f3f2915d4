// Is a rollout progressing, complete or failing? The deadline and grace rules that keep notices quiet: pure.
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { instant } from '../cluster/instant.js';
import { podProblem, type PodProblem, type PodProblemReason } from '../cluster/pod-problems.js';
import type { RolloutCounts, RolloutFailure, RolloutProgress } from './types.js';

export interface ClassifyOptions {
  now: Date;
  /** How long a new pod may be pending or not ready before it counts as a problem (default 5 min). */
  graceMs: number;
  /** Restarts of one new pod that make a crash a failure even inside the progress deadline (default 3). */
  crashRestarts: number;
}

export const DEFAULT_GRACE_MS = 5 * 60_000;
export const DEFAULT_CRASH_RESTARTS = 3;
/** Kubernetes' default `progressDeadlineSeconds`. */
export const DEFAULT_PROGRESS_DEADLINE_S = 600;

const CRASHES: ReadonlySet<PodProblemReason> = new Set(['CrashLoopBackOff', 'OOMKilled', 'Error']);

/** Lower is worse: the reason a failure is named after when new pods fail in several ways. */
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
  'Evicted',
  'Failed',
  'Pending',
  'ContainerCreating',
  'NotReady',
];

export interface PodTrouble {
  pod: V1Pod;
  problem: PodProblem;
}

function condition(deployment: V1Deployment, type: string) {
  return deployment.status?.conditions?.find((c) => c.type === type);
}

function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** kubectl rollout status: the spec was observed and every replica is updated and available. */
export function rolloutComplete(deployment: V1Deployment): boolean {
  const status = deployment.status;
  if (!status) return false;
  if ((deployment.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return false;
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  return (
    updated >= desired &&
    (status.replicas ?? 0) <= updated &&
    (status.availableReplicas ?? 0) >= updated
  );
}

/** The new pods that have something wrong with them, worst first. */
export function podTroubles(pods: readonly V1Pod[], now: Date, graceMs: number): PodTrouble[] {
  const troubles: PodTrouble[] = [];
  for (const pod of pods) {
    const problem = podProblem(pod, now, graceMs);
    if (problem) troubles.push({ pod, problem });
  }
  return troubles.sort(
    (a, b) =>
      SEVERITY.indexOf(a.problem.reason) - SEVERITY.indexOf(b.problem.reason) ||
      b.problem.restarts - a.problem.restarts,
  );
}

/** The exit code of the container that last terminated abnormally, if any. */
export function lastExitCode(pod: V1Pod): number | undefined {
  for (const status of pod.status?.containerStatuses ?? []) {
    const terminated = status.state?.terminated ?? status.lastState?.terminated;
    if (terminated && terminated.exitCode !== 0) return terminated.exitCode;
  }
  return undefined;
}

/** The failure named after `worst` (a crash when there is one), counting every new pod with the same problem. */
function failureOf(
  troubles: readonly PodTrouble[],
  worst: PodTrouble | undefined,
  deadlineExceeded: boolean,
  deadlineMessage: string | undefined,
): RolloutFailure {
  if (!worst) {
    return {
      reason: 'ProgressDeadlineExceeded',
      ...(deadlineMessage ? { message: deadlineMessage } : {}),
      pods: 0,
      restarts: 0,
      deadlineExceeded,
    };
  }
  const same = troubles.filter((t) => t.problem.reason === worst.problem.reason);
  const exitCode = lastExitCode(worst.pod);
  return {
    reason: worst.problem.reason,
    ...(worst.problem.message ? { message: worst.problem.message } : {}),
    pods: same.length,
    restarts: same.reduce((sum, t) => sum + t.problem.restarts, 0),
    ...(exitCode !== undefined ? { exitCode } : {}),
    deadlineExceeded,
  };
}

/**
 * How the rollout to `pods` (the new ReplicaSet's pods) goes. It fails when the controller reports
 * ProgressDeadlineExceeded, when a new pod crashed `crashRestarts` times, or when the deadline has passed
 * with new pods still in trouble; inside the deadline, slow or not-yet-ready pods are only progress.
 */
export function rolloutProgress(
  deployment: V1Deployment,
  pods: readonly V1Pod[],
  startedAt: number | undefined,
  options: ClassifyOptions,
): RolloutProgress {
  const counts: RolloutCounts = {
    updated: pods.length,
    ready: pods.filter(isReady).length,
    desired: deployment.spec?.replicas ?? 1,
  };
  if (rolloutComplete(deployment)) return { phase: 'complete', ...counts };
  const progressing = condition(deployment, 'Progressing');
  const deadlineExceeded = progressing?.reason === 'ProgressDeadlineExceeded';
  const troubles = podTroubles(pods, options.now, options.graceMs);
  const crashed = troubles.filter(
    (t) => CRASHES.has(t.problem.reason) && t.problem.restarts >= options.crashRestarts,
  );
  const deadlineMs =
    (deployment.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_S) * 1000;
  const since = instant(progressing?.lastUpdateTime) ?? startedAt;
  const pastDeadline = since !== undefined && options.now.getTime() - since > deadlineMs;
  if (deadlineExceeded || crashed.length > 0 || (pastDeadline && troubles.length > 0)) {
    const worst = crashed[0] ?? troubles[0];
    return {
      phase: 'failing',
      failure: failureOf(troubles, worst, deadlineExceeded, progressing?.message),
      ...counts,
    };
  }
  return { phase: 'progressing', ...counts };
}
