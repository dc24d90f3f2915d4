// The DaemonSet controller: one pod per node from the current ControllerRevision, replaced node by
// node on a template change, stopping while an updated pod is not ready (maxUnavailable 1).
import { deepEqual } from '../patch/json.js';
import { resourceTypeForKind } from '../resources.js';
import { templateHash } from './hash.js';
import { NODE } from './nodes.js';
import { isControlledBy } from './owners.js';
import { isPodReady } from './pod-status.js';
import { POD, type PodManager } from './pods.js';
import {
  hashOf,
  REVISION_HASH_LABEL,
  templateOf,
  type ControllerRevision,
  type RevisionHistory,
} from './revisions.js';
import { workloadKey } from './behaviour.js';
import type { Registry } from '../store/registry.js';
import type { Fields, Pod, Workload } from '../types.js';

export const DAEMON_SET = resourceTypeForKind('DaemonSet');

export class DaemonSetController {
  constructor(
    private readonly registry: Registry,
    private readonly pods: PodManager,
    private readonly history: RevisionHistory,
  ) {}

  sync(set: Workload): void {
    const revision = this.history.ensureCurrent(set);
    const hash = hashOf(revision);
    const nodes = this.registry.store
      .objects(NODE)
      .map((n) => n.metadata.name)
      .sort();
    const byNode = new Map<string, Pod>();
    for (const d of this.registry.store.dependents(set.metadata.uid)) {
      if (d.type !== POD || !isControlledBy(d.object, set)) continue;
      const pod = this.pods.refresh(d.object as Pod);
      const node = pod.spec.nodeName ?? '';
      if (!nodes.includes(node) || byNode.has(node)) this.pods.delete(pod);
      else byNode.set(node, pod);
    }
    for (const node of nodes)
      if (!byNode.has(node)) byNode.set(node, this.createPod(set, revision, node));
    for (const node of nodes) {
      const stalled = [...byNode.values()].some(
        (p) => p.metadata.labels?.[REVISION_HASH_LABEL] === hash && !isPodReady(p),
      );
      if (stalled) break;
      const pod = byNode.get(node);
      if (pod && pod.metadata.labels?.[REVISION_HASH_LABEL] !== hash) {
        this.pods.delete(pod);
        byNode.set(node, this.createPod(set, revision, node));
      }
    }
    this.writeStatus(set, revision, nodes.length, [...byNode.values()]);
  }

  private createPod(set: Workload, revision: ControllerRevision, nodeName: string): Pod {
    const template = templateOf(revision);
    const namespace = set.metadata.namespace ?? '';
    return this.pods.create({
      owner: set,
      template,
      nodeName,
      origin: {
        workload: workloadKey('DaemonSet', namespace, set.metadata.name),
        templateHash: templateHash(template),
      },
      labels: {
        [REVISION_HASH_LABEL]: hashOf(revision),
        'pod-template-generation': String(set.metadata.generation ?? 1),
      },
    });
  }

  private writeStatus(
    set: Workload,
    revision: ControllerRevision,
    desired: number,
    pods: Pod[],
  ): void {
    const current = this.registry.require<Workload>(
      DAEMON_SET,
      set.metadata.namespace ?? '',
      set.metadata.name,
    );
    const ready = pods.filter(isPodReady).length;
    const updated = pods.filter(
      (p) => p.metadata.labels?.[REVISION_HASH_LABEL] === hashOf(revision),
    ).length;
    const status: Fields = {
      currentNumberScheduled: pods.length,
      desiredNumberScheduled: desired,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: current.metadata.generation ?? 1,
      ...(updated ? { updatedNumberScheduled: updated } : {}),
      ...(ready ? { numberAvailable: ready } : {}),
      ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
    };
    const live = new Set(
      pods.map((p) => `${set.metadata.name}-${p.metadata.labels?.[REVISION_HASH_LABEL] ?? ''}`),
    );
    live.add(revision.metadata.name);
    this.history.trim(current, live);
    if (!deepEqual(status, current.status))
      this.registry.update(DAEMON_SET, { ...current, status });
  }
}
