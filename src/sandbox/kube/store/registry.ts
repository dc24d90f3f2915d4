// Object lifecycle as kube-apiserver applies it: uid, creationTimestamp, generation bumped on spec
// changes, optimistic concurrency on resourceVersion, status kept apart, defaults, cascading deletes.
import { alreadyExists, conflict, notFound } from '../api/status.js';
import { withDefaults } from '../controllers/defaults.js';
import { deepEqual } from '../patch/json.js';
import { formatTime, type SeededRandom } from '../random.js';
import { RESOURCE_TYPES, resourceTypeForKind, type ResourceType } from '../resources.js';
import type { ObjectStore } from './object-store.js';
import type { Clock } from '../../../clock.js';
import type { KubeObject } from '../types.js';

const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
const NAMESPACE = resourceTypeForKind('Namespace');

export type ChangeListener = (type: ResourceType, object: KubeObject, deleted: boolean) => void;

export interface UpdateOptions {
  /** Keep the stored status whatever the new object says (writes through the main resource). */
  keepStatus?: boolean;
}

export class Registry {
  private readonly listeners: ChangeListener[] = [];

  constructor(
    readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly random: SeededRandom,
  ) {}

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  get<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string,
    name: string,
  ): T | undefined {
    return this.store.get<T>(type, namespace, name);
  }

  require<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string,
    name: string,
  ): T {
    const object = this.store.get<T>(type, namespace, name);
    if (!object) throw notFound(type, name);
    return object;
  }

  create<T extends KubeObject>(type: ResourceType, object: T): T {
    const namespace = type.namespaced ? (object.metadata.namespace ?? 'default') : undefined;
    if (namespace !== undefined) this.require(NAMESPACE, '', namespace);
    const name =
      object.metadata.name || `${object.metadata.generateName ?? ''}${this.random.suffix()}`;
    if (this.store.get(type, namespace ?? '', name)) throw alreadyExists(type, name);
    const metadata: KubeObject['metadata'] = {
      ...object.metadata,
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      uid: this.random.uid(),
      resourceVersion: '',
      creationTimestamp: formatTime(this.clock.now()),
      ...(GENERATION_KINDS.has(type.kind) ? { generation: 1 } : {}),
    };
    if (namespace === undefined) delete metadata.namespace;
    const stored = this.store.put(type, withDefaults({ ...object, metadata }));
    this.notify(type, stored, false);
    return stored;
  }

  /** Replaces an object; a resourceVersion in `next` must match the stored one (409 Conflict otherwise). */
  update<T extends KubeObject>(type: ResourceType, next: T, options: UpdateOptions = {}): T {
    const current = this.require<T>(type, next.metadata.namespace ?? '', next.metadata.name);
    const expected = next.metadata.resourceVersion;
    if (expected && expected !== current.metadata.resourceVersion) {
      throw conflict(type, next.metadata.name);
    }
    const metadata = {
      ...next.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      resourceVersion: current.metadata.resourceVersion,
    };
    // A spec passed on unchanged (a status or metadata write) was defaulted when it was stored.
    const specUnchanged = next.spec === current.spec;
    const candidate: KubeObject = specUnchanged
      ? { ...next, metadata }
      : withDefaults({ ...next, metadata });
    if (options.keepStatus) {
      if (current.status === undefined) delete candidate.status;
      else candidate.status = current.status;
    }
    if (GENERATION_KINDS.has(type.kind)) {
      const generation = current.metadata.generation ?? 1;
      const same = specUnchanged || deepEqual(candidate.spec, current.spec);
      candidate.metadata.generation = same ? generation : generation + 1;
    }
    if (deepEqual(candidate, current)) return current;
    const stored = this.store.put(type, candidate) as T;
    this.notify(type, stored, false);
    return stored;
  }

  /** Deletes an object and, as the garbage collector would, everything it owns or contains. */
  delete(type: ResourceType, namespace: string, name: string): KubeObject {
    const removed = this.store.remove(type, namespace, name);
    if (!removed) throw notFound(type, name);
    this.notify(type, removed, true);
    for (const dependent of this.store.dependents(removed.metadata.uid)) {
      this.deleteIfPresent(dependent.type, dependent.object);
    }
    if (type.kind === 'Namespace') {
      for (const contained of RESOURCE_TYPES.filter((t) => t.namespaced)) {
        for (const object of this.store.objects(contained, name))
          this.deleteIfPresent(contained, object);
      }
    }
    return removed;
  }

  private deleteIfPresent(type: ResourceType, object: KubeObject): void {
    const namespace = object.metadata.namespace ?? '';
    if (this.store.get(type, namespace, object.metadata.name))
      this.delete(type, namespace, object.metadata.name);
  }

  private notify(type: ResourceType, object: KubeObject, deleted: boolean): void {
    for (const listener of this.listeners) listener(type, object, deleted);
  }
}
