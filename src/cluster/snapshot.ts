// The read-only view of one cluster's watch cache that commands and the health domain read from.
import type {
  CoreV1Event,
  V1DaemonSet,
  V1Deployment,
  V1Namespace,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';

export interface ResourceState {
  /** Plural resource name: `pods`, `deployments`, `events`… */
  resource: string;
  synced: boolean;
  /** The last list/watch problem of this resource, a plain sentence. */
  lastError: string | null;
}

export interface ClusterState {
  name: string;
  /** Every resource a command needs (all but warning events) is listed and watched right now. */
  synced: boolean;
  /** When the cache was last known complete and current: now while synced, the moment it lost the cluster otherwise. */
  lastSyncedAt: Date | null;
  /** The current watch/list problem of any resource (warning events included), a plain sentence; null when none. */
  lastError: string | null;
  resources: ResourceState[];
}

/** A read-only view of one cluster's cache; arrays hold the cached objects (do not mutate them). */
export interface ClusterSnapshot {
  name: string;
  state(): ClusterState;
  nodes(): V1Node[];
  namespaces(): V1Namespace[];
  deployments(namespace?: string): V1Deployment[];
  replicaSets(namespace?: string): V1ReplicaSet[];
  statefulSets(namespace?: string): V1StatefulSet[];
  daemonSets(namespace?: string): V1DaemonSet[];
  pods(namespace?: string): V1Pod[];
  warningEvents(namespace?: string): CoreV1Event[];
}
