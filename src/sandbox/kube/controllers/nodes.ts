// Nodes as kubelet and the node lifecycle controller report them: conditions, taints, capacity,
// nodeInfo, addresses, and the pod IPs handed out from each node's podCIDR.
import { formatTime } from '../random.js';
import { resourceTypeForKind } from '../resources.js';
import type { EventRecorder } from './events.js';
import type { Registry } from '../store/registry.js';
import type { Clock } from '../../../clock.js';
import type { Condition, KubeObject, StringMap } from '../types.js';

export const NODE = resourceTypeForKind('Node');

export type NodeReadiness = boolean | 'Unknown';
export type PressureCondition = 'MemoryPressure' | 'DiskPressure' | 'PIDPressure';

export interface NodeOptions {
  labels?: StringMap;
  cpu?: string;
  memory?: string;
  pods?: string;
  kubeletVersion?: string;
  ready?: NodeReadiness;
  zone?: string;
  instanceType?: string;
  roles?: string[];
  unschedulable?: boolean;
}

interface NodeObject extends KubeObject {
  spec: {
    podCIDR: string;
    podCIDRs: string[];
    unschedulable?: boolean;
    taints?: { key: string; effect: string; timeAdded?: string }[];
  };
  status: {
    conditions: Condition[];
    addresses: { type: string; address: string }[];
    [field: string]: unknown;
  };
}

const PRESSURE_TEXT: Record<PressureCondition, [string, string, string, string]> = {
  MemoryPressure: [
    'KubeletHasSufficientMemory',
    'kubelet has sufficient memory available',
    'KubeletHasInsufficientMemory',
    'kubelet has insufficient memory available',
  ],
  DiskPressure: [
    'KubeletHasNoDiskPressure',
    'kubelet has no disk pressure',
    'KubeletHasDiskPressure',
    'kubelet has disk pressure',
  ],
  PIDPressure: [
    'KubeletHasSufficientPID',
    'kubelet has sufficient PID available',
    'KubeletHasInsufficientPID',
    'kubelet has insufficient PID available',
  ],
};

function readyCondition(ready: NodeReadiness, at: string): Condition {
  if (ready === true) {
    return {
      type: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      lastHeartbeatTime: at,
      lastTransitionTime: at,
    };
  }
  if (ready === false) {
    return {
      type: 'Ready',
      status: 'False',
      reason: 'KubeletNotReady',
      message:
        'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
      lastHeartbeatTime: at,
      lastTransitionTime: at,
    };
  }
  return {
    type: 'Ready',
    status: 'Unknown',
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
    lastHeartbeatTime: at,
    lastTransitionTime: at,
  };
}

function pressureCondition(type: PressureCondition, under: boolean, at: string): Condition {
  const [okReason, okMessage, badReason, badMessage] = PRESSURE_TEXT[type];
  return {
    type,
    status: under ? 'True' : 'False',
    reason: under ? badReason : okReason,
    message: under ? badMessage : okMessage,
    lastHeartbeatTime: at,
    lastTransitionTime: at,
  };
}

function taintsFor(
  ready: NodeReadiness,
  unschedulable: boolean,
  at: string,
): NodeObject['spec']['taints'] {
  const taints: NonNullable<NodeObject['spec']['taints']> = [];
  if (unschedulable)
    taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at });
  const key =
    ready === false
      ? 'node.kubernetes.io/not-ready'
      : ready === 'Unknown'
        ? 'node.kubernetes.io/unreachable'
        : undefined;
  if (key)
    taints.push(
      { key, effect: 'NoSchedule', timeAdded: at },
      { key, effect: 'NoExecute', timeAdded: at },
    );
  return taints.length ? taints : undefined;
}

/** The first three octets of a node's /24 pod range: 10.244.0, 10.244.1, ... */
function podSubnet(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}`;
}

export class NodeManager {
  private readonly indexes = new Map<string, number>();
  private readonly podCounters = new Map<string, number>();

  constructor(
    private readonly registry: Registry,
    private readonly events: EventRecorder,
    private readonly clock: Clock,
  ) {}

  add(name: string, options: NodeOptions = {}): KubeObject {
    const index = this.indexes.size;
    this.indexes.set(name, index);
    const at = formatTime(this.clock.now());
    const ready = options.ready ?? true;
    const capacity = {
      cpu: options.cpu ?? '4',
      memory: options.memory ?? '16Gi',
      pods: options.pods ?? '110',
      'ephemeral-storage': '100Gi',
    };
    const roles = Object.fromEntries(
      (options.roles ?? []).map((role) => [`node-role.kubernetes.io/${role}`, '']),
    );
    const node: NodeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: {
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'node.kubernetes.io/instance-type': options.instanceType ?? 'm5.xlarge',
          'topology.kubernetes.io/zone':
            options.zone ?? `zone-${String.fromCharCode(97 + (index % 3))}`,
          ...roles,
          ...options.labels,
        },
        annotations: {
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: {
        podCIDR: `${podSubnet(index)}.0/24`,
        podCIDRs: [`${podSubnet(index)}.0/24`],
        ...(options.unschedulable ? { unschedulable: true } : {}),
        taints: taintsFor(ready, options.unschedulable ?? false, at),
      },
      status: {
        capacity,
        allocatable: { ...capacity, cpu: capacity.cpu, memory: capacity.memory },
        conditions: [
          ...(['MemoryPressure', 'DiskPressure', 'PIDPressure'] as const).map((t) =>
            pressureCondition(t, false, at),
          ),
          readyCondition(ready, at),
        ],
        addresses: [
          { type: 'InternalIP', address: this.hostIP(index) },
          { type: 'Hostname', address: name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: name,
          systemUUID: name,
          bootID: name,
          kernelVersion: '6.1.0-18-cloud-amd64',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          containerRuntimeVersion: 'containerd://1.7.13',
          kubeletVersion: options.kubeletVersion ?? 'v1.30.2',
          kubeProxyVersion: options.kubeletVersion ?? 'v1.30.2',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    };
    if (!node.spec.taints) delete node.spec.taints;
    return this.registry.create(NODE, node);
  }

  setReady(name: string, ready: NodeReadiness): void {
    const node = this.registry.require<NodeObject>(NODE, '', name);
    const at = formatTime(this.clock.now());
    const conditions = node.status.conditions.map((c) => {
      if (c.type === 'Ready') return readyCondition(ready, at);
      if (ready === 'Unknown')
        return {
          ...c,
          status: 'Unknown' as const,
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: at,
        };
      return c;
    });
    const spec = { ...node.spec, taints: taintsFor(ready, node.spec.unschedulable ?? false, at) };
    if (!spec.taints) delete spec.taints;
    const updated = this.registry.update(NODE, {
      ...node,
      spec,
      status: { ...node.status, conditions },
    });
    const status = ready === true ? 'NodeReady' : 'NodeNotReady';
    this.events.record(updated, {
      type: 'Normal',
      reason: status,
      message: `Node ${name} status is now: ${status}`,
      source:
        ready === true ? { component: 'kubelet', host: name } : { component: 'node-controller' },
    });
  }

  setPressure(name: string, type: PressureCondition, under: boolean): void {
    const node = this.registry.require<NodeObject>(NODE, '', name);
    const at = formatTime(this.clock.now());
    const conditions = node.status.conditions.map((c) =>
      c.type === type ? pressureCondition(type, under, at) : c,
    );
    this.registry.update(NODE, { ...node, status: { ...node.status, conditions } });
  }

  isReady(node: KubeObject): boolean {
    return ((node as NodeObject).status.conditions ?? []).some(
      (c) => c.type === 'Ready' && c.status === 'True',
    );
  }

  isSchedulable(node: KubeObject): boolean {
    return this.isReady(node) && !(node as NodeObject).spec.unschedulable;
  }

  hostIPOf(name: string): string {
    return this.hostIP(this.indexes.get(name) ?? 0);
  }

  nextPodIP(name: string): string {
    const index = this.indexes.get(name) ?? 0;
    const next = (this.podCounters.get(name) ?? 1) + 1;
    this.podCounters.set(name, next);
    return `${podSubnet(index)}.${(next % 254) + 1}`;
  }

  private hostIP(index: number): string {
    return `10.0.${Math.floor(index / 250)}.${(index % 250) + 4}`;
  }
}
