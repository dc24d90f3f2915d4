// The shapes of the sandbox's demo clusters: nodes, and workloads with a history of revisions.
import type { BehaviourInput, NodeOptions, WorkloadKind } from '../kube/index.js';

export interface DemoRevision {
  tag: string;
  changeCause: string;
  /** When it was rolled out, in hours before the sandbox started. */
  hoursAgo: number;
  behaviour?: BehaviourInput;
}

export interface DemoWorkload {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  /** The image without its tag. */
  repository: string;
  replicas?: number;
  revisions: DemoRevision[];
  env?: Record<string, string>;
  logs?: string[];
  previousLogs?: string[];
}

export interface DemoNode {
  name: string;
  options: NodeOptions;
}

export interface DemoClusterData {
  nodes: DemoNode[];
  /** A node that is NotReady from the start (before any pod is scheduled, so only DaemonSets land on it). */
  notReadyNode?: string;
  workloads: DemoWorkload[];
}

/** Hours in a day, for `hoursAgo`. */
export const day = 24;

/** `count` nodes named `<prefix>-01`… spread over `zones`. */
export function demoNodes(
  prefix: string,
  count: number,
  zones: string[],
  type: string,
): DemoNode[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}-${String(i + 1).padStart(2, '0')}`,
    options: {
      zone: zones[i % zones.length] ?? 'zone-a',
      instanceType: type,
      kubeletVersion: 'v1.30.4',
      cpu: '8',
      memory: '32Gi',
    },
  }));
}
