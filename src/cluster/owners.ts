// Who controls what: controller owner references, and the workload (Deployment, StatefulSet, DaemonSet…) a pod belongs to.
import type { V1ObjectMeta, V1OwnerReference, V1ReplicaSet } from '@kubernetes/client-node';

export interface WorkloadRef {
  kind: string;
  name: string;
}

/** The owner reference marked `controller: true`, as `metav1.GetControllerOf` finds it. */
export function controllerOf(metadata: V1ObjectMeta | undefined): V1OwnerReference | undefined {
  return metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/** Whether `owner` (by uid) controls the object, as `metav1.IsControlledBy` decides. */
export function isControlledBy(
  metadata: V1ObjectMeta | undefined,
  owner: V1ObjectMeta | undefined,
): boolean {
  const uid = owner?.uid;
  return uid !== undefined && controllerOf(metadata)?.uid === uid;
}

/** ReplicaSets of one namespace by name, to find the Deployment behind a pod quickly. */
export type ReplicaSetIndex = Map<string, V1ReplicaSet>;

export function indexReplicaSets(replicaSets: readonly V1ReplicaSet[]): ReplicaSetIndex {
  const index: ReplicaSetIndex = new Map();
  for (const rs of replicaSets) {
    const { namespace, name } = rs.metadata ?? {};
    if (name) index.set(`${namespace ?? ''}/${name}`, rs);
  }
  return index;
}

/** The workload a pod belongs to: ReplicaSet pods resolve to their Deployment, bare pods to themselves. */
export function workloadOfPod(
  pod: { metadata?: V1ObjectMeta },
  replicaSets: ReplicaSetIndex,
): WorkloadRef {
  const owner = controllerOf(pod.metadata);
  if (!owner) return { kind: 'Pod', name: pod.metadata?.name ?? '' };
  if (owner.kind !== 'ReplicaSet') return { kind: owner.kind, name: owner.name };
  const rs = replicaSets.get(`${pod.metadata?.namespace ?? ''}/${owner.name}`);
  const rsOwner = controllerOf(rs?.metadata);
  if (rsOwner) return { kind: rsOwner.kind, name: rsOwner.name };
  if (rs) return { kind: 'ReplicaSet', name: owner.name };
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  return hash && owner.name.endsWith(`-${hash}`)
    ? { kind: 'Deployment', name: owner.name.slice(0, -(hash.length + 1)) }
    : { kind: 'ReplicaSet', name: owner.name };
}
