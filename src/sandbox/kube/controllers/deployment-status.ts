// A Deployment's status from its ReplicaSets, with the Available and Progressing conditions the
// deployment controller sets (NewReplicaSetAvailable, ReplicaSetUpdated, ProgressDeadlineExceeded, ...).
import { formatTime } from '../random.js';
import type { Condition, Fields, Workload } from '../types.js';

export const REVISION = 'deployment.kubernetes.io/revision';

export interface RolloutFacts {
  deployment: Workload;
  newRS: Workload | undefined;
  allRS: Workload[];
  maxUnavailable: number;
  /** How the new ReplicaSet came about in this sync, if it did. */
  newRSEvent?: 'created' | 'found';
  now: Date;
}

function count(rs: Workload, field: string): number {
  const value = rs.status?.[field];
  return typeof value === 'number' ? value : 0;
}

function sum(list: Workload[], field: string): number {
  return list.reduce((total, rs) => total + count(rs, field), 0);
}

export function revisionOf(object: { metadata: { annotations?: Record<string, string> } }): number {
  const value = Number.parseInt(object.metadata.annotations?.[REVISION] ?? '0', 10);
  return Number.isNaN(value) ? 0 : value;
}

function condition(
  previous: Condition | undefined,
  now: string,
  next: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>,
  touch: boolean,
): Condition {
  const same = previous && previous.status === next.status;
  const unchanged = same && previous.reason === next.reason && previous.message === next.message;
  return {
    ...next,
    lastUpdateTime: unchanged && !touch ? (previous.lastUpdateTime ?? now) : now,
    lastTransitionTime: same ? (previous.lastTransitionTime ?? now) : now,
  };
}

function timedOut(previous: Condition | undefined, deadlineSeconds: number, now: Date): boolean {
  if (!previous || previous.reason === 'NewReplicaSetAvailable') return false;
  if (previous.reason === 'ProgressDeadlineExceeded') return true;
  const from = Date.parse(previous.lastUpdateTime ?? '');
  return !Number.isNaN(from) && now.getTime() > from + deadlineSeconds * 1000;
}

function omitZero(fields: Record<string, number>): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== 0));
}

export function deploymentStatus(facts: RolloutFacts): Fields {
  const { deployment, newRS, allRS, now } = facts;
  const at = formatTime(now);
  const desired = deployment.spec.replicas ?? 1;
  const previous = (deployment.status ?? {}) as {
    conditions?: Condition[];
    [field: string]: unknown;
  };
  const prior = (type: string) => previous.conditions?.find((c) => c.type === type);
  const replicas = sum(allRS, 'replicas');
  const updated = newRS ? count(newRS, 'replicas') : 0;
  const ready = sum(allRS, 'readyReplicas');
  const available = sum(allRS, 'availableReplicas');
  const total = allRS.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
  const name = newRS?.metadata.name ?? '';
  const old = (field: string) =>
    typeof previous[field] === 'number' ? (previous[field] as number) : 0;
  const progressed =
    updated > old('updatedReplicas') ||
    replicas - updated < old('replicas') - old('updatedReplicas') ||
    ready > old('readyReplicas') ||
    available > old('availableReplicas');
  const complete = updated === desired && replicas === desired && available === desired;
  const wasProgressing = prior('Progressing');
  const deadline = deployment.spec.progressDeadlineSeconds ?? 600;
  let progressing: Condition;
  if (deployment.spec.paused) {
    progressing = condition(
      wasProgressing,
      at,
      {
        type: 'Progressing',
        status: 'Unknown',
        reason: 'DeploymentPaused',
        message: 'Deployment is paused',
      },
      false,
    );
  } else if (wasProgressing?.reason === 'DeploymentPaused') {
    progressing = condition(
      wasProgressing,
      at,
      {
        type: 'Progressing',
        status: 'Unknown',
        reason: 'DeploymentResumed',
        message: 'Deployment is resumed',
      },
      true,
    );
  } else if (complete) {
    progressing = condition(
      wasProgressing,
      at,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${name}" has successfully progressed.`,
      },
      false,
    );
  } else if (facts.newRSEvent === 'created') {
    progressing = condition(
      wasProgressing,
      at,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetCreated',
        message: `Created new replica set "${name}"`,
      },
      true,
    );
  } else if (facts.newRSEvent === 'found' && !wasProgressing) {
    progressing = condition(
      wasProgressing,
      at,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'FoundNewReplicaSet',
        message: `Found new replica set "${name}"`,
      },
      true,
    );
  } else if (progressed) {
    progressing = condition(
      wasProgressing,
      at,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: `ReplicaSet "${name}" is progressing.`,
      },
      true,
    );
  } else if (timedOut(wasProgressing, deadline, now)) {
    progressing = condition(
      wasProgressing,
      at,
      {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${name}" has timed out progressing.`,
      },
      false,
    );
  } else {
    progressing =
      wasProgressing ??
      condition(
        undefined,
        at,
        {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: `ReplicaSet "${name}" is progressing.`,
        },
        true,
      );
  }
  const minimum = available >= desired - facts.maxUnavailable;
  const availableCondition = condition(
    prior('Available'),
    at,
    minimum
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
    false,
  );
  return {
    observedGeneration: deployment.metadata.generation ?? 1,
    ...omitZero({
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
    }),
    conditions: [availableCondition, progressing],
  };
}
