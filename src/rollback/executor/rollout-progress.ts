// How far a rollout has come, judged as `kubectl rollout status` does, from the object in the watch cache: pure.
import type { V1DaemonSet, V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import type { WorkloadKind } from '../engine/index.js';

export type RolloutProgress =
  | { state: 'progressing' | 'complete' | 'stuck'; detail: string }
  | { state: 'gone'; detail: string };

type Watched =
  | { kind: 'Deployment'; object: V1Deployment }
  | { kind: 'StatefulSet'; object: V1StatefulSet }
  | { kind: 'DaemonSet'; object: V1DaemonSet };

const progressing = (detail: string): RolloutProgress => ({ state: 'progressing', detail });

function replicas(count: number): string {
  return `${count} replica${count === 1 ? '' : 's'}`;
}

/** `generation` is the one the rollback's patch produced; older observations say nothing yet. */
export function rolloutProgress(
  kind: WorkloadKind,
  object: Watched['object'] | undefined,
  generation: number | null,
): RolloutProgress {
  if (!object) return { state: 'gone', detail: `the ${kind} was deleted` };
  const observed = object.status?.observedGeneration ?? 0;
  if (generation !== null && observed < generation)
    return progressing('waiting for the controller to pick up the change');
  const watched = { kind, object } as Watched;
  switch (watched.kind) {
    case 'Deployment':
      return deploymentProgress(watched.object);
    case 'StatefulSet':
      return statefulSetProgress(watched.object);
    case 'DaemonSet':
      return daemonSetProgress(watched.object);
  }
}

function deploymentProgress(deployment: V1Deployment): RolloutProgress {
  const status = deployment.status ?? {};
  const condition = status.conditions?.find((c) => c.type === 'Progressing');
  if (condition?.reason === 'ProgressDeadlineExceeded') {
    const why = condition.message ? ` — ${condition.message}` : '';
    return { state: 'stuck', detail: `ProgressDeadlineExceeded${why}` };
  }
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < desired) return progressing(`${updated} of ${replicas(desired)} updated`);
  if (total > updated)
    return progressing(`${replicas(total - updated)} of the old revision still running`);
  if (available < updated)
    return progressing(`${available} of ${replicas(updated)} updated and available`);
  return { state: 'complete', detail: `${replicas(desired)} updated and available` };
}

function statefulSetProgress(statefulSet: V1StatefulSet): RolloutProgress {
  const status = statefulSet.status;
  const desired = statefulSet.spec?.replicas ?? 1;
  const updated = status?.updatedReplicas ?? 0;
  const ready = status?.readyReplicas ?? 0;
  if (updated < desired) return progressing(`${updated} of ${replicas(desired)} updated`);
  if (status?.updateRevision && status.currentRevision !== status.updateRevision)
    return progressing('waiting for the last pods to be replaced');
  if (ready < desired) return progressing(`${ready} of ${replicas(desired)} ready`);
  return { state: 'complete', detail: `${replicas(desired)} updated and ready` };
}

function daemonSetProgress(daemonSet: V1DaemonSet): RolloutProgress {
  const status = daemonSet.status;
  const desired = status?.desiredNumberScheduled ?? 0;
  const updated = status?.updatedNumberScheduled ?? 0;
  const available = status?.numberAvailable ?? 0;
  const pods = (n: number) => `${n} pod${n === 1 ? '' : 's'}`;
  if (updated < desired) return progressing(`${updated} of ${pods(desired)} updated`);
  if (available < desired) return progressing(`${available} of ${pods(desired)} available`);
  return { state: 'complete', detail: `${pods(desired)} updated and available` };
}
