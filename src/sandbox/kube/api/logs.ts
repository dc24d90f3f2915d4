// pods/log: the lines a scenario set for the pod's workload, with container, previous, tailLines,
// limitBytes and timestamps, and the 400s kubelet gives for containers that never started.
import { textResponse, type ApiResponse } from './http.js';
import { badRequest } from './status.js';
import { formatTime } from '../random.js';
import type { ScenarioState } from '../controllers/behaviour.js';
import type { PodManager } from '../controllers/pods.js';
import type { ResourcePath } from './router.js';
import type { Registry } from '../store/registry.js';
import type { Clock } from '../../../clock.js';
import type { Pod } from '../types.js';

interface ContainerStatusJson {
  name: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string } };
  lastState?: { terminated?: unknown };
}

export interface LogSources {
  registry: Registry;
  pods: PodManager;
  scenario: ScenarioState;
  clock: Clock;
}

function pickContainer(pod: Pod, requested: string | null): string {
  const names = pod.spec.containers.map((c) => c.name);
  if (!requested) {
    if (names.length === 1 && names[0]) return names[0];
    throw badRequest(
      `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`,
    );
  }
  if (!names.includes(requested))
    throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
  return requested;
}

export function podLogs(
  sources: LogSources,
  path: ResourcePath,
  name: string,
  query: URLSearchParams,
): ApiResponse {
  const pod = sources.registry.require<Pod>(path.type, path.namespace ?? '', name);
  const container = pickContainer(pod, query.get('container'));
  const previous = query.get('previous') === 'true' || query.get('previous') === '1';
  if (!pod.spec.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const status = ((pod.status?.containerStatuses ?? []) as unknown as ContainerStatusJson[]).find(
    (s) => s.name === container,
  );
  const waiting = status?.state?.waiting?.reason;
  if (previous && !status?.lastState?.terminated) {
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  }
  if (
    !previous &&
    (waiting === 'ContainerCreating' ||
      waiting === 'ImagePullBackOff' ||
      waiting === 'ErrImagePull')
  ) {
    const why =
      waiting === 'ContainerCreating' ? 'ContainerCreating' : 'trying and failing to pull image';
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${why}`);
  }
  const workload = sources.pods.originOf(pod)?.workload;
  let lines = sources.scenario.logLines(workload, previous ? 'previous' : 'current', container);
  const tail = query.get('tailLines');
  if (tail !== null) lines = Number(tail) > 0 ? lines.slice(-Number(tail)) : [];
  if (query.get('timestamps') === 'true') {
    const stamp = formatTime(sources.clock.now()).replace('Z', '.000000000Z');
    lines = lines.map((line) => `${stamp} ${line}`);
  }
  let text = lines.map((line) => `${line}\n`).join('');
  const limitBytes = Number(query.get('limitBytes') ?? 0);
  if (limitBytes > 0) text = Buffer.from(text).subarray(0, limitBytes).toString('utf8');
  return textResponse(200, text);
}
