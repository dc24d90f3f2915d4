// Whether a pod can give the logs asked for, decided from the cached pod before asking the API: pure.
import type { V1Pod } from '@kubernetes/client-node';

export interface LogRequest {
  container?: string;
  tailLines: number;
  previous?: boolean;
}

const NOT_STARTED = new Set([
  'ContainerCreating',
  'PodInitializing',
  'ImagePullBackOff',
  'ErrImagePull',
]);

/** A sentence saying why these logs cannot be read, or undefined when the API should be asked. */
export function logRequestProblem(pod: V1Pod, request: LogRequest): string | undefined {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const containers = pod.spec?.containers.map((c) => c.name) ?? [];
  if (!request.container && containers.length > 1) {
    return `pod ${name} in ${namespace} has several containers (${containers.join(', ')}); name one`;
  }
  const container = request.container ?? containers[0];
  if (container === undefined) return `pod ${name} in ${namespace} has no containers`;
  const initContainers = pod.spec?.initContainers?.map((c) => c.name) ?? [];
  if (!containers.includes(container) && !initContainers.includes(container)) {
    return `pod ${name} in ${namespace} has no container ${container}; it has ${containers.join(', ')}`;
  }
  const status = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ].find((s) => s.name === container);
  if (request.previous && !status?.lastState?.terminated) {
    return `container ${container} of pod ${name} has not restarted, so it has no previous logs`;
  }
  const waiting = status?.state?.waiting?.reason;
  if (!request.previous && !pod.spec?.nodeName) {
    return `pod ${name} in ${namespace} is not scheduled on a node yet, so it has no logs`;
  }
  if (!request.previous && waiting && NOT_STARTED.has(waiting)) {
    return `container ${container} of pod ${name} has not started (${waiting}), so it has no logs yet`;
  }
  return undefined;
}
