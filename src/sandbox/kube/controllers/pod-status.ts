// A pod's status as kubelet and scheduler would report it for a scenario behaviour at a given instant.
import { crashMoment } from './crash-timeline.js';
import { fnv1a32, formatTime } from '../random.js';
import type { PodBehaviour } from './behaviour.js';
import type { Condition, Container, Fields, Pod } from '../types.js';

export interface PodPlacement {
  nodeName: string;
  nodeReady: boolean;
  hostIP: string;
  podIP: string;
}

export interface PodStatusInput {
  pod: Pod;
  behaviour: PodBehaviour;
  now: Date;
  /** Where the pod runs; absent while it is unscheduled. */
  placement?: PodPlacement;
  /** Why it is unscheduled, when it is. */
  unschedulableMessage?: string;
  previous?: Fields;
}

export interface ContainerView {
  status: Fields;
  ready: boolean;
  started: boolean;
  restarts: number;
  /** The waiting or terminated reason worth telling, e.g. CrashLoopBackOff. */
  reason?: string;
}

export function longHex(seed: string, length = 64): string {
  let text = '';
  for (let i = 0; text.length < length; i += 1)
    text += fnv1a32(`${seed}#${i}`).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

const imageIds = new Map<string, string>();

function imageId(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    id = `${image.split(':')[0] ?? image}@sha256:${longHex(image)}`;
    imageIds.set(image, id);
  }
  return id;
}

function qosClass(containers: Container[]): string {
  const resources = containers.map((c) => c.resources ?? {});
  const none = resources.every(
    (r) => !Object.keys(r.requests ?? {}).length && !Object.keys(r.limits ?? {}).length,
  );
  if (none) return 'BestEffort';
  const guaranteed = resources.every((r) => {
    const limits = r.limits ?? {};
    return ['cpu', 'memory'].every(
      (key) => limits[key] && (r.requests?.[key] ?? limits[key]) === limits[key],
    );
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function appliesTo(behaviour: PodBehaviour, container: Container): boolean {
  return (
    !('container' in behaviour) || !behaviour.container || behaviour.container === container.name
  );
}

export function containerView(
  pod: Pod,
  container: Container,
  behaviour: PodBehaviour,
  now: Date,
): ContainerView {
  const startMs = Date.parse(pod.metadata.creationTimestamp);
  const at = (seconds: number) => formatTime(new Date(startMs + seconds * 1000));
  const base = { name: container.name, image: container.image };
  const idFor = (restarts: number) =>
    `containerd://${longHex(`${pod.metadata.uid}/${container.name}/${restarts}`)}`;
  const running = (
    restarts: number,
    since: number,
    ready: boolean,
    lastState: Fields = {},
  ): ContainerView => ({
    status: {
      ...base,
      state: { running: { startedAt: at(since) } },
      lastState,
      ready,
      restartCount: restarts,
      imageID: imageId(container.image),
      containerID: idFor(restarts),
      started: true,
    },
    ready,
    started: true,
    restarts,
  });
  const waiting = (reason: string, message?: string): ContainerView => ({
    status: {
      ...base,
      state: { waiting: { reason, ...(message ? { message } : {}) } },
      lastState: {},
      ready: false,
      restartCount: 0,
      imageID: '',
      started: false,
    },
    ready: false,
    started: false,
    restarts: 0,
    reason,
  });
  const kind = appliesTo(behaviour, container) ? behaviour.kind : 'Running';
  switch (kind) {
    case 'Running':
    case 'Pending':
      return running(0, 0, true);
    case 'NotReady':
      return { ...running(0, 0, false), reason: 'NotReady' };
    case 'ContainerCreating':
      return waiting('ContainerCreating');
    case 'ImagePullBackOff':
      return waiting('ImagePullBackOff', `Back-off pulling image "${container.image}"`);
    case 'ErrImagePull':
      return waiting(
        'ErrImagePull',
        `rpc error: code = NotFound desc = failed to pull and unpack image "${container.image}": not found`,
      );
    case 'CrashLoopBackOff':
    case 'OOMKilled': {
      const oom = kind === 'OOMKilled';
      const runSeconds = 'runSeconds' in behaviour ? (behaviour.runSeconds ?? 0) : 0;
      const exitCode = oom ? 137 : 'exitCode' in behaviour ? (behaviour.exitCode ?? 1) : 1;
      const moment = crashMoment(Math.max(0, (now.getTime() - startMs) / 1000), runSeconds);
      const lastRun = moment.lastRun;
      const lastState: Fields = lastRun
        ? {
            terminated: {
              exitCode,
              reason: oom ? 'OOMKilled' : 'Error',
              startedAt: at(lastRun.startedAt),
              finishedAt: at(lastRun.finishedAt),
              containerID: idFor(moment.running ? moment.restarts - 1 : moment.restarts),
            },
          }
        : {};
      if (moment.running)
        return {
          ...running(moment.restarts, moment.runStartedAt, false, lastState),
          reason: oom ? 'OOMKilled' : 'Error',
        };
      const message = `back-off ${moment.backoff}s restarting failed container=${container.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
      return {
        status: {
          ...base,
          state: { waiting: { reason: 'CrashLoopBackOff', message } },
          lastState,
          ready: false,
          restartCount: moment.restarts,
          imageID: imageId(container.image),
          containerID: idFor(moment.restarts),
          started: false,
        },
        ready: false,
        started: false,
        restarts: moment.restarts,
        reason: 'CrashLoopBackOff',
      };
    }
  }
}

function condition(
  previous: Fields | undefined,
  now: string,
  fields: Omit<Condition, 'lastTransitionTime'>,
): Condition {
  const before = (previous?.conditions as Condition[] | undefined)?.find(
    (c) => c.type === fields.type,
  );
  const lastTransitionTime =
    before && before.status === fields.status ? before.lastTransitionTime : now;
  return { ...fields, lastProbeTime: null, lastTransitionTime };
}

/** The full `status` of a pod and its container views; deterministic for the same inputs, so unchanged pods are not rewritten. */
export interface PodReport {
  status: Fields;
  /** Per container, in spec order; empty while the pod is unscheduled. */
  views: ContainerView[];
}

export function podReport(input: PodStatusInput): PodReport {
  const { pod, behaviour, placement, previous } = input;
  const now = formatTime(input.now);
  const qos = qosClass(pod.spec.containers);
  if (!placement) {
    const scheduled = condition(previous, now, {
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message: input.unschedulableMessage ?? 'no nodes available to schedule pods',
    });
    return { status: { phase: 'Pending', conditions: [scheduled], qosClass: qos }, views: [] };
  }
  const views = pod.spec.containers.map((c) => containerView(pod, c, behaviour, input.now));
  const unready = pod.spec.containers.filter((_, i) => !views[i]?.ready).map((c) => c.name);
  const containersReady = unready.length === 0;
  const unreadyFields = containersReady
    ? {}
    : {
        reason: 'ContainersNotReady',
        message: `containers with unready status: [${unready.join(' ')}]`,
      };
  const creating = views.some((v) => v.reason === 'ContainerCreating');
  const ready = containersReady && placement.nodeReady;
  const status = {
    phase: views.some((v) => v.started || v.restarts > 0) ? 'Running' : 'Pending',
    conditions: [
      condition(previous, now, {
        type: 'PodReadyToStartContainers',
        status: creating ? 'False' : 'True',
      }),
      condition(previous, now, { type: 'Initialized', status: 'True' }),
      condition(previous, now, {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        ...(placement.nodeReady ? unreadyFields : {}),
      }),
      condition(previous, now, {
        type: 'ContainersReady',
        status: containersReady ? 'True' : 'False',
        ...unreadyFields,
      }),
      condition(previous, now, { type: 'PodScheduled', status: 'True' }),
    ],
    hostIP: placement.hostIP,
    hostIPs: [{ ip: placement.hostIP }],
    podIP: placement.podIP,
    podIPs: [{ ip: placement.podIP }],
    startTime: pod.metadata.creationTimestamp,
    containerStatuses: views.map((v) => v.status),
    qosClass: qos,
  };
  return { status, views };
}

export function isPodReady(pod: Pod): boolean {
  const conditions = (pod.status?.conditions ?? []) as Condition[];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}
