// What the /k8s questions answer: plain data the views render, with no Kubernetes client types in it.
import type { ClusterHealth } from '../cluster/health.js';
import type { RolloutRevision } from '../cluster/history.js';
import type { ClusterState } from '../cluster/snapshot.js';

/** Where an answer comes from: a cluster's cache and how fresh it is, at the instant asked. */
export interface Source {
  cluster: string;
  state: ClusterState;
  at: Date;
}

/** Which namespaces a list covers: one, or every namespace the viewer may see. */
export type NamespaceFilter = { namespace: string } | { visible: readonly string[] | 'all' };

export interface PodRow {
  namespace: string;
  name: string;
  /** kubectl's STATUS column: CrashLoopBackOff, Pending, Running, Completed… */
  status: string;
  ready: string;
  restarts: number;
  node?: string;
  createdAt: Date | null;
  problem: boolean;
}

export interface PodList {
  source: Source;
  where: NamespaceFilter;
  /** A label selector or a name the user gave, as typed. */
  filter?: string;
  problemsOnly: boolean;
  rows: PodRow[];
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface WorkloadRow {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  ready: number;
  desired: number;
  upToDate: number;
  images: string[];
  createdAt: Date | null;
  /** Why it is degraded, when it is. */
  problem?: string;
  paused: boolean;
}

export interface WorkloadList {
  source: Source;
  where: NamespaceFilter;
  rows: WorkloadRow[];
}

export interface NodeRow {
  name: string;
  ready: 'Ready' | 'NotReady' | 'Unknown';
  reason?: string;
  roles: string[];
  version: string;
  createdAt: Date | null;
  /** Conditions that are True but should not be: MemoryPressure, DiskPressure, PIDPressure… */
  pressures: string[];
  unschedulable: boolean;
}

export interface NodeList {
  source: Source;
  rows: NodeRow[];
}

export interface EventRow {
  namespace: string;
  type: string;
  reason: string;
  /** Kind/name of the object the event is about. */
  object: string;
  message: string;
  count: number;
  lastSeen: Date | null;
}

export interface EventList {
  source: Source;
  where: NamespaceFilter;
  warningsOnly: boolean;
  rows: EventRow[];
}

export type DescribeKind = 'pod' | 'deployment' | 'statefulset' | 'daemonset' | 'node';

export interface Description {
  source: Source;
  kind: DescribeKind;
  namespace?: string;
  name: string;
  lines: string[];
}

export interface PodLogs {
  source: Source;
  namespace: string;
  pod: string;
  container: string;
  /** Every container of the pod, so the answer can say which others there are. */
  containers: string[];
  previous: boolean;
  tail: number;
  lines: string[];
}

export interface RolloutHistory {
  source: Source;
  namespace: string;
  name: string;
  /** Oldest first. */
  revisions: RolloutRevision[];
}

/** One cluster in `status`: its health, or why there is none (never synced). */
export interface ClusterStatus {
  source: Source;
  health: ClusterHealth | null;
  /** Why there is no health, as a sentence (e.g. the cluster has not answered yet). */
  unavailable?: string;
}

export interface ClusterRow {
  source: Source;
  namespaces: readonly string[] | 'all';
  nodes?: { ready: number; total: number };
}
