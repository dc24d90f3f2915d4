// The JSON shapes the simulated API server stores and serves: plain objects, as on the wire.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export type StringMap = Record<string, string>;

/** A loosely typed JSON object, for statuses and other shapes built by the controllers. */
export type Fields = Record<string, unknown>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  generateName?: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  labels?: StringMap;
  annotations?: StringMap;
  ownerReferences?: OwnerReference[];
}

/** Any stored object. Objects handed out by the store are shared: copy before changing. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
  resources?: { requests?: StringMap; limits?: StringMap };
  ports?: { containerPort: number; protocol?: string; name?: string }[];
  [field: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  nodeName?: string;
  [field: string]: unknown;
}

export interface PodTemplate {
  metadata: { labels?: StringMap; annotations?: StringMap; [field: string]: unknown };
  spec: PodSpec;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastHeartbeatTime?: string;
  lastProbeTime?: string | null;
}

export interface WorkloadSpec {
  replicas?: number;
  selector: { matchLabels?: StringMap; [field: string]: unknown };
  template: PodTemplate;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
  [field: string]: unknown;
}

export interface Workload extends KubeObject {
  spec: WorkloadSpec;
  status?: Fields;
}

export interface Pod extends KubeObject {
  spec: PodSpec;
  status?: Fields;
}

/** A watch event as the store records it; `previous` lets a filtered watch turn updates into adds or deletes. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resourceVersion: number;
  object: KubeObject;
  previous?: KubeObject;
}
