// Pods of the simulated workloads: created from a template, placed on a node (the scheduler's part),
// given a status for their behaviour (the kubelet's part), with the events both would record.
import { deepEqual } from '../patch/json.js';
import { resourceTypeForKind } from '../resources.js';
import { NODE, type NodeManager } from './nodes.js';
import { controllerRef } from './owners.js';
import { podReport, type ContainerView, type PodPlacement } from './pod-status.js';
import type { PodBehaviour, ScenarioState } from './behaviour.js';
import type { EventRecorder } from './events.js';
import type { Registry } from '../store/registry.js';
import type { Clock } from '../../../clock.js';
import type { Fields, KubeObject, Pod, PodTemplate, StringMap } from '../types.js';

export const POD = resourceTypeForKind('Pod');

/** Which scenario settings apply to a pod: its workload (for logs) and template hash (for behaviour). */
export interface PodOrigin {
  workload: string;
  templateHash: string;
}

export interface NewPod {
  owner: KubeObject;
  template: PodTemplate;
  origin: PodOrigin;
  name?: string;
  labels?: StringMap;
  nodeName?: string;
}

interface ContainerStatusJson {
  name: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string } };
}

export class PodManager {
  private readonly origins = new Map<string, PodOrigin>();
  private readonly lastInputs = new Map<string, string>();
  private readonly behaviourIds = new Map<PodBehaviour, number>();
  private schedulable: string[] | undefined;
  private cursor = 0;

  constructor(
    private readonly registry: Registry,
    private readonly nodes: NodeManager,
    private readonly events: EventRecorder,
    private readonly scenario: ScenarioState,
    private readonly clock: Clock,
  ) {}

  create(spec: NewPod): Pod {
    const { owner, template } = spec;
    const images = template.spec.containers.map((c) => c.image);
    const behaviour = this.scenario.behaviourFor(
      spec.origin.workload,
      spec.origin.templateHash,
      images,
    );
    const nodeName = spec.nodeName ?? (behaviour.kind === 'Pending' ? undefined : this.pickNode());
    const pod = this.registry.create<Pod>(POD, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: spec.name ?? '',
        ...(spec.name ? {} : { generateName: `${owner.metadata.name}-` }),
        namespace: owner.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: { ...template.metadata.labels, ...spec.labels },
        ...(template.metadata.annotations ? { annotations: template.metadata.annotations } : {}),
        ownerReferences: [controllerRef(owner)],
      },
      spec: { ...template.spec, ...(nodeName ? { nodeName } : {}) },
    });
    this.origins.set(pod.metadata.uid, spec.origin);
    return this.refresh(pod);
  }

  originOf(pod: Pod): PodOrigin | undefined {
    return this.origins.get(pod.metadata.uid);
  }

  behaviourOf(pod: Pod): PodBehaviour {
    const origin = this.origins.get(pod.metadata.uid);
    return this.scenario.behaviourFor(
      origin?.workload,
      origin?.templateHash,
      pod.spec.containers.map((c) => c.image),
    );
  }

  /** Schedules the pod if it can be and brings its status up to date with the clock and its node. */
  refresh(pod: Pod): Pod {
    const behaviour = this.behaviourOf(pod);
    const inputs = this.inputsOf(pod, behaviour);
    if (this.lastInputs.get(pod.metadata.uid) === inputs) return pod;
    let current = pod;
    if (!current.spec.nodeName && behaviour.kind !== 'Pending') {
      const nodeName = this.pickNode();
      if (nodeName)
        current = this.registry.update(
          POD,
          { ...current, spec: { ...current.spec, nodeName } },
          { keepStatus: true },
        );
    }
    const placement = this.placement(current);
    const { status, views } = podReport({
      pod: current,
      behaviour,
      now: this.clock.now(),
      placement,
      previous: current.status,
      unschedulableMessage:
        behaviour.kind === 'Pending'
          ? (behaviour.message ?? this.unschedulableMessage(true))
          : this.unschedulableMessage(false),
    });
    if (deepEqual(status, current.status)) {
      this.lastInputs.set(pod.metadata.uid, this.inputsOf(current, behaviour));
      return current;
    }
    const updated = this.registry.update(POD, { ...current, status });
    this.recordEvents(updated, current.status, views);
    this.lastInputs.set(pod.metadata.uid, this.inputsOf(updated, behaviour));
    return updated;
  }

  /** What a pod's status depends on; the same inputs give the same status, so refresh can skip it. */
  private inputsOf(pod: Pod, behaviour: PodBehaviour): string {
    const node = pod.spec.nodeName ? this.registry.get(NODE, '', pod.spec.nodeName) : undefined;
    const behaviourId =
      this.behaviourIds.get(behaviour) ??
      this.behaviourIds.set(behaviour, this.behaviourIds.size).size - 1;
    const nodes = this.registry.store.count(NODE);
    return `${pod.metadata.resourceVersion}|${this.clock.now().getTime()}|${behaviourId}|${node?.metadata.resourceVersion ?? '-'}|${nodes}`;
  }

  delete(pod: Pod): void {
    const namespace = pod.metadata.namespace ?? '';
    if (this.registry.get(POD, namespace, pod.metadata.name))
      this.registry.delete(POD, namespace, pod.metadata.name);
  }

  /** Drops what was kept about a pod once it is gone, however it was deleted. */
  forget(pod: KubeObject): void {
    this.origins.delete(pod.metadata.uid);
    this.lastInputs.delete(pod.metadata.uid);
  }

  nodesChanged(): void {
    this.schedulable = undefined;
  }

  private placement(pod: Pod): PodPlacement | undefined {
    const nodeName = pod.spec.nodeName;
    if (!nodeName) return undefined;
    const node = this.registry.get(NODE, '', nodeName);
    const previousIP = typeof pod.status?.podIP === 'string' ? pod.status.podIP : undefined;
    return {
      nodeName,
      nodeReady: node ? this.nodes.isReady(node) : false,
      hostIP: this.nodes.hostIPOf(nodeName),
      podIP: previousIP ?? this.nodes.nextPodIP(nodeName),
    };
  }

  private pickNode(): string | undefined {
    this.schedulable ??= this.registry.store
      .objects(NODE)
      .filter((node) => this.nodes.isSchedulable(node))
      .map((node) => node.metadata.name)
      .sort();
    if (this.schedulable.length === 0) return undefined;
    this.cursor = (this.cursor + 1) % this.schedulable.length;
    return this.schedulable[this.cursor];
  }

  private unschedulableMessage(insufficient: boolean): string {
    const total = this.registry.store.count(NODE);
    if (total === 0) return 'no nodes available to schedule pods';
    const why = insufficient
      ? `${total} Insufficient memory`
      : `${total} node(s) had untolerated taint {node.kubernetes.io/not-ready: }`;
    const preemption = insufficient
      ? `${total} No preemption victims found for incoming pod`
      : `${total} Preemption is not helpful for scheduling`;
    return `0/${total} nodes are available: ${why}. preemption: 0/${total} nodes are available: ${preemption}.`;
  }

  private recordEvents(pod: Pod, previous: Fields | undefined, views: ContainerView[]): void {
    const kubelet = { component: 'kubelet', host: pod.spec.nodeName ?? '' };
    if (!pod.spec.nodeName) {
      const message =
        (pod.status?.conditions as { message?: string }[] | undefined)?.[0]?.message ?? '';
      this.events.record(pod, {
        type: 'Warning',
        reason: 'FailedScheduling',
        message,
        source: { component: 'default-scheduler' },
      });
      return;
    }
    const before = (previous?.containerStatuses ?? []) as ContainerStatusJson[];
    pod.spec.containers.forEach((container, index) => {
      const view = views[index];
      if (!view) return;
      const old = before.find((s) => s.name === container.name);
      const oldReason = old?.state?.waiting?.reason;
      const fieldPath = `spec.containers{${container.name}}`;
      const warn = (reason: string, message: string, times = 1) =>
        this.events.record(pod, {
          type: 'Warning',
          reason,
          message,
          source: kubelet,
          fieldPath,
          times,
        });
      if (
        view.reason === 'CrashLoopBackOff' &&
        (oldReason !== 'CrashLoopBackOff' || view.restarts > (old?.restartCount ?? 0))
      ) {
        warn(
          'BackOff',
          `Back-off restarting failed container ${container.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
          Math.max(1, view.restarts - (old?.restartCount ?? 0)),
        );
      }
      if (
        (view.reason === 'ImagePullBackOff' || view.reason === 'ErrImagePull') &&
        oldReason !== view.reason
      ) {
        warn(
          'Failed',
          `Failed to pull image "${container.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${container.image}": not found`,
        );
        warn('Failed', `Error: ${view.reason}`);
        if (view.reason === 'ImagePullBackOff') {
          this.events.record(pod, {
            type: 'Normal',
            reason: 'BackOff',
            message: `Back-off pulling image "${container.image}"`,
            source: kubelet,
            fieldPath,
          });
        }
      }
      if (
        view.reason === 'NotReady' &&
        old?.state?.waiting === undefined &&
        !previousWasUnready(previous)
      ) {
        warn('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503');
      }
    });
  }
}

function previousWasUnready(previous: Fields | undefined): boolean {
  const statuses = (previous?.containerStatuses ?? []) as { ready?: boolean }[];
  return statuses.length > 0 && statuses.some((s) => s.ready === false);
}
