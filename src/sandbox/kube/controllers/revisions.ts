// ControllerRevisions of StatefulSets and DaemonSets, as their controllers keep them: `data` is the
// strategic-merge patch `{spec:{template:{…, $patch: replace}}}`, `.revision` numbers move on when an
// older equal revision is brought back, and history is trimmed to revisionHistoryLimit.
import { canonicalJson, deepEqual } from '../patch/json.js';
import { fnv1a32, safeEncode } from '../random.js';
import { resourceTypeForKind } from '../resources.js';
import { controllerRef, isControlledBy } from './owners.js';
import type { Registry } from '../store/registry.js';
import type { JsonObject, KubeObject, PodTemplate, Workload } from '../types.js';

export const CONTROLLER_REVISION = resourceTypeForKind('ControllerRevision');
export const REVISION_HASH_LABEL = 'controller-revision-hash';

export interface ControllerRevision extends KubeObject {
  data: JsonObject;
  revision: number;
}

export function revisionData(owner: Workload): JsonObject {
  return {
    spec: {
      template: {
        ...(structuredClone(owner.spec.template) as unknown as JsonObject),
        $patch: 'replace',
      },
    },
  };
}

export class RevisionHistory {
  constructor(private readonly registry: Registry) {}

  revisionsOf(owner: Workload): ControllerRevision[] {
    return this.registry.store
      .dependents(owner.metadata.uid)
      .filter((d) => d.type === CONTROLLER_REVISION && isControlledBy(d.object, owner))
      .map((d) => d.object as ControllerRevision)
      .sort((a, b) => a.revision - b.revision);
  }

  /** The revision holding the owner's current template, created or renumbered to be the newest. */
  ensureCurrent(owner: Workload): ControllerRevision {
    const revisions = this.revisionsOf(owner);
    const data = revisionData(owner);
    const newest = revisions[revisions.length - 1];
    const equal = revisions.find((r) => deepEqual(r.data, data));
    if (equal && equal === newest) return equal;
    const next = (newest?.revision ?? 0) + 1;
    if (equal) return this.registry.update(CONTROLLER_REVISION, { ...equal, revision: next });
    const hash = safeEncode(fnv1a32(canonicalJson(data)));
    return this.registry.create<ControllerRevision>(CONTROLLER_REVISION, {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${owner.metadata.name}-${hash}`,
        namespace: owner.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: { ...owner.spec.template.metadata.labels, 'controller.kubernetes.io/hash': hash },
        ownerReferences: [controllerRef(owner)],
      },
      data,
      revision: next,
    });
  }

  /** Deletes the oldest revisions not in use beyond `revisionHistoryLimit`. */
  trim(owner: Workload, live: Set<string>): void {
    const limit = owner.spec.revisionHistoryLimit ?? 10;
    const unused = this.revisionsOf(owner).filter((r) => !live.has(r.metadata.name));
    for (const revision of unused.slice(0, Math.max(0, unused.length - limit))) {
      this.registry.delete(
        CONTROLLER_REVISION,
        revision.metadata.namespace ?? '',
        revision.metadata.name,
      );
    }
  }
}

export function hashOf(revision: ControllerRevision): string {
  return revision.metadata.labels?.['controller.kubernetes.io/hash'] ?? '';
}

/** The pod template a revision records, without the `$patch` directive. */
export function templateOf(revision: ControllerRevision): PodTemplate {
  const template = structuredClone(
    (revision.data.spec as unknown as { template: PodTemplate & { $patch?: string } }).template,
  );
  delete template.$patch;
  return template;
}
