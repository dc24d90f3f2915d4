// Builds Deployments, StatefulSets and DaemonSets from short scenario options, the way a manifest
// applied with kubectl would look: selector `app: <name>`, one container named after the workload.
import {
  toBehaviour,
  workloadKey,
  type BehaviourInput,
  type ScenarioState,
} from '../controllers/behaviour.js';
import { templateHash } from '../controllers/hash.js';
import { resourceTypeForKind } from '../resources.js';
import type { Registry } from '../store/registry.js';
import type { Container, StringMap, Workload } from '../types.js';

export interface ContainerOptions {
  name: string;
  image: string;
  env?: StringMap;
  resources?: { requests?: StringMap; limits?: StringMap };
  ports?: number[];
}

export interface WorkloadOptions {
  /** Image of the single container (named after the workload); ignored when `containers` is given. */
  image?: string;
  containers?: ContainerOptions[];
  replicas?: number;
  /** Environment of the single container. */
  env?: StringMap;
  /** Resources of the single container. */
  resources?: { requests?: StringMap; limits?: StringMap };
  labels?: StringMap;
  annotations?: StringMap;
  podLabels?: StringMap;
  podAnnotations?: StringMap;
  /** Recorded as the `kubernetes.io/change-cause` annotation. */
  changeCause?: string;
  revisionHistoryLimit?: number;
  /** How the pods of this template behave; other templates keep theirs. */
  behaviour?: BehaviourInput;
}

export interface DeploymentOptions extends WorkloadOptions {
  progressDeadlineSeconds?: number;
  paused?: boolean;
  strategy?: 'RollingUpdate' | 'Recreate';
  minReadySeconds?: number;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

function container(options: ContainerOptions): Container {
  return {
    name: options.name,
    image: options.image,
    ...(options.ports
      ? { ports: options.ports.map((containerPort) => ({ containerPort, protocol: 'TCP' })) }
      : {}),
    ...(options.env
      ? { env: Object.entries(options.env).map(([name, value]) => ({ name, value })) }
      : {}),
    ...(options.resources ? { resources: options.resources } : {}),
  };
}

export function buildWorkload(
  kind: WorkloadKind,
  namespace: string,
  name: string,
  options: DeploymentOptions,
): Workload {
  const containers = options.containers ?? [
    {
      name,
      image: options.image ?? `registry.example.com/${namespace}/${name}:1.0.0`,
      ...(options.env ? { env: options.env } : {}),
      ...(options.resources ? { resources: options.resources } : {}),
    },
  ];
  const annotations: StringMap = { ...options.annotations };
  if (options.changeCause !== undefined)
    annotations['kubernetes.io/change-cause'] = options.changeCause;
  const spec: Workload['spec'] = {
    ...(kind !== 'DaemonSet' ? { replicas: options.replicas ?? 1 } : {}),
    selector: { matchLabels: { app: name } },
    template: {
      metadata: {
        labels: { app: name, ...options.podLabels },
        ...(options.podAnnotations ? { annotations: options.podAnnotations } : {}),
      },
      spec: { containers: containers.map(container) },
    },
    ...(options.revisionHistoryLimit !== undefined
      ? { revisionHistoryLimit: options.revisionHistoryLimit }
      : {}),
  };
  if (kind === 'Deployment') {
    if (options.progressDeadlineSeconds !== undefined)
      spec.progressDeadlineSeconds = options.progressDeadlineSeconds;
    if (options.paused) spec.paused = true;
    if (options.minReadySeconds !== undefined) spec.minReadySeconds = options.minReadySeconds;
    if (options.strategy === 'Recreate') spec.strategy = { type: 'Recreate' };
  }
  if (kind === 'StatefulSet') spec.serviceName = name;
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name,
      namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { app: name, ...options.labels },
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec,
  };
}

/** What `kubectl apply` of the built manifest changes on an existing object: labels, the annotations
 * it names, and the spec fields it sets. Everything else (controller annotations, status) stays. */
export function appliedOver(current: Workload, built: Workload): Workload {
  const annotations = { ...current.metadata.annotations, ...built.metadata.annotations };
  const spec = { ...current.spec, ...built.spec };
  if (built.kind === 'Deployment' && !built.spec.paused) delete spec.paused;
  return {
    ...current,
    metadata: {
      ...current.metadata,
      labels: built.metadata.labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec,
  };
}

/** Creates or updates the workload as `kubectl apply` would, and records the behaviour its template's
 * pods should have. The controllers react when the caller settles them. */
export function applyWorkload(
  registry: Registry,
  scenario: ScenarioState,
  kind: WorkloadKind,
  namespace: string,
  name: string,
  options: DeploymentOptions,
): void {
  const type = resourceTypeForKind(kind);
  const built = buildWorkload(kind, namespace, name, options);
  const current = registry.get<Workload>(type, namespace, name);
  const stored = current
    ? registry.update(type, appliedOver(current, built), { keepStatus: true })
    : registry.create(type, built);
  if (options.behaviour !== undefined) {
    const key = workloadKey(kind, namespace, name);
    scenario.setTemplateBehaviour(
      key,
      templateHash(stored.spec.template),
      toBehaviour(options.behaviour),
    );
  }
}
