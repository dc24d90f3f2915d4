// The StatefulSet controller: ordinal pods `<name>-N` from the current ControllerRevision, created in
// order, updated from the highest ordinal down, each waiting for the one before to be ready.
import { deepEqual } from '../patch/json.js';
import { resourceTypeForKind } from '../resources.js';
import { templateHash } from './hash.js';
import { isControlledBy } from './owners.js';
import { isPodReady } from './pod-status.js';
import { POD, type PodManager } from './pods.js';
import {
  REVISION_HASH_LABEL,
  templateOf,
  type ControllerRevision,
  type RevisionHistory,
} from './revisions.js';
import { workloadKey } from './behaviour.js';
import type { Registry } from '../store/registry.js';
import type { Fields, Pod, Workload } from '../types.js';

export const STATEFUL_SET = resourceTypeForKind('StatefulSet');

function ordinalOf(pod: Pod, set: Workload): number {
  return Number(pod.metadata.name.slice(set.metadata.name.length + 1));
}

export class StatefulSetController {
  constructor(
    private readonly registry: Registry,
    private readonly pods: PodManager,
    private readonly history: RevisionHistory,
  ) {}

  sync(set: Workload): void {
    const revision = this.history.ensureCurrent(set);
    const desired = set.spec.replicas ?? 1;
    const parallel = set.spec.podManagementPolicy === 'Parallel';
    const pods = new Map<number, Pod>();
    for (const d of this.registry.store.dependents(set.metadata.uid)) {
      if (d.type === POD && isControlledBy(d.object, set))
        pods.set(ordinalOf(d.object as Pod, set), this.pods.refresh(d.object as Pod));
    }
    for (const [ordinal, pod] of pods) {
      if (ordinal >= desired) {
        this.pods.delete(pod);
        pods.delete(ordinal);
      }
    }
    for (let ordinal = 0; ordinal < desired; ordinal += 1) {
      let pod = pods.get(ordinal);
      if (!pod) {
        pod = this.createPod(set, revision, ordinal);
        pods.set(ordinal, pod);
      }
      if (!parallel && !isPodReady(pod)) break;
    }
    for (let ordinal = desired - 1; ordinal >= 0; ordinal -= 1) {
      const pod = pods.get(ordinal);
      if (!pod) continue;
      if (pod.metadata.labels?.[REVISION_HASH_LABEL] !== revision.metadata.name) {
        this.pods.delete(pod);
        pods.set(ordinal, this.createPod(set, revision, ordinal));
      }
      if (!isPodReady(pods.get(ordinal) ?? pod)) break;
    }
    this.writeStatus(set, revision, [...pods.values()]);
  }

  private createPod(set: Workload, revision: ControllerRevision, ordinal: number): Pod {
    const plain = templateOf(revision);
    const namespace = set.metadata.namespace ?? '';
    return this.pods.create({
      owner: set,
      template: plain,
      name: `${set.metadata.name}-${ordinal}`,
      origin: {
        workload: workloadKey('StatefulSet', namespace, set.metadata.name),
        templateHash: templateHash(plain),
      },
      labels: {
        [REVISION_HASH_LABEL]: revision.metadata.name,
        'statefulset.kubernetes.io/pod-name': `${set.metadata.name}-${ordinal}`,
        'apps.kubernetes.io/pod-index': String(ordinal),
      },
    });
  }

  private writeStatus(set: Workload, revision: ControllerRevision, pods: Pod[]): void {
    const current = this.registry.require<Workload>(
      STATEFUL_SET,
      set.metadata.namespace ?? '',
      set.metadata.name,
    );
    const updated = pods.filter(
      (p) => p.metadata.labels?.[REVISION_HASH_LABEL] === revision.metadata.name,
    );
    const ready = pods.filter(isPodReady).length;
    const previousCurrent =
      typeof current.status?.currentRevision === 'string'
        ? current.status.currentRevision
        : revision.metadata.name;
    const currentRevision =
      updated.length === pods.length ? revision.metadata.name : previousCurrent;
    const atCurrent = pods.filter(
      (p) => p.metadata.labels?.[REVISION_HASH_LABEL] === currentRevision,
    ).length;
    const status: Fields = {
      observedGeneration: current.metadata.generation ?? 1,
      replicas: pods.length,
      ...(ready ? { readyReplicas: ready } : {}),
      ...(atCurrent ? { currentReplicas: atCurrent } : {}),
      ...(updated.length ? { updatedReplicas: updated.length } : {}),
      currentRevision,
      updateRevision: revision.metadata.name,
      collisionCount: 0,
      availableReplicas: ready,
    };
    const live = new Set([currentRevision, revision.metadata.name]);
    this.history.trim(current, live);
    if (!deepEqual(status, current.status))
      this.registry.update(STATEFUL_SET, { ...current, status });
  }
}
