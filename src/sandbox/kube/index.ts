// The simulated Kubernetes API: what tests and the sandbox import.
export { SimulatedCluster, type SimulatedClusterOptions, type LogOptions } from './cluster.js';
export {
  generateLargeCluster,
  type LargeClusterOptions,
  type LargeClusterSummary,
} from './scenario/large-cluster.js';
export type { RecordedRequest } from './api/server.js';
export type { Faults } from './faults.js';
export type { PodBehaviour, BehaviourInput } from './controllers/behaviour.js';
export type { NodeOptions, NodeReadiness, PressureCondition } from './controllers/nodes.js';
export type {
  ContainerOptions,
  DeploymentOptions,
  WorkloadOptions,
  WorkloadKind,
} from './scenario/workloads.js';
export type { KubeObject, Workload, Pod } from './types.js';
