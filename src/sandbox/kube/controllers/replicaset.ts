// The ReplicaSet controller: keeps `spec.replicas` pods of the template and reports their readiness.
import { deepEqual } from '../patch/json.js';
import { resourceTypeForKind } from '../resources.js';
import { POD_TEMPLATE_HASH } from './hash.js';
import { controllerOf, isControlledBy } from './owners.js';
import { isPodReady } from './pod-status.js';
import { POD, type PodManager } from './pods.js';
import { workloadKey } from './behaviour.js';
import type { EventRecorder } from './events.js';
import type { Registry } from '../store/registry.js';
import type { Fields, Pod, Workload } from '../types.js';

export const REPLICA_SET = resourceTypeForKind('ReplicaSet');

/** Pods to remove first when scaling down: unscheduled, then not ready, then the youngest. */
function deletionOrder(a: Pod, b: Pod): number {
  const rank = (pod: Pod) => (pod.spec.nodeName ? 0 : 2) + (isPodReady(pod) ? 0 : 1);
  return (
    rank(b) - rank(a) || b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp)
  );
}

export class ReplicaSetController {
  constructor(
    private readonly registry: Registry,
    private readonly pods: PodManager,
    private readonly events: EventRecorder,
  ) {}

  podsOf(rs: Workload): Pod[] {
    return this.registry.store
      .dependents(rs.metadata.uid)
      .filter((d) => d.type === POD && isControlledBy(d.object, rs))
      .map((d) => d.object as Pod);
  }

  sync(rs: Workload): Workload {
    const source = { component: 'replicaset-controller' };
    let pods = this.podsOf(rs).map((pod) => this.pods.refresh(pod));
    const desired = rs.spec.replicas ?? 1;
    const owner = controllerOf(rs);
    const namespace = rs.metadata.namespace ?? '';
    const workload = owner
      ? workloadKey(owner.kind, namespace, owner.name)
      : workloadKey('ReplicaSet', namespace, rs.metadata.name);
    const templateHash = rs.metadata.labels?.[POD_TEMPLATE_HASH] ?? '';
    while (pods.length < desired) {
      const pod = this.pods.create({
        owner: rs,
        template: rs.spec.template,
        origin: { workload, templateHash },
      });
      this.events.record(rs, {
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `Created pod: ${pod.metadata.name}`,
        source,
      });
      pods.push(pod);
    }
    if (pods.length > desired) {
      const doomed = [...pods].sort(deletionOrder).slice(0, pods.length - desired);
      for (const pod of doomed) {
        this.pods.delete(pod);
        this.events.record(rs, {
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${pod.metadata.name}`,
          source,
        });
      }
      pods = pods.filter((pod) => !doomed.includes(pod));
    }
    const ready = pods.filter(isPodReady).length;
    const status: Fields = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
      observedGeneration: rs.metadata.generation ?? 1,
    };
    if (pods.length === 0) delete status.fullyLabeledReplicas;
    const current = this.registry.require<Workload>(REPLICA_SET, namespace, rs.metadata.name);
    if (deepEqual(current.status, status)) return current;
    return this.registry.update(REPLICA_SET, { ...current, status });
  }
}
