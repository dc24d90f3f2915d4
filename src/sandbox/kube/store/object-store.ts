// Every object of the simulated cluster, one global resourceVersion counter, the watch history
// and an index of dependents by owner uid.
import { EventHistory, type HistoryRead } from './history.js';
import { Table } from './table.js';
import { RESOURCE_TYPES, type ResourceType } from '../resources.js';
import type { KubeObject, StoreEvent } from '../types.js';

export type StoreListener = (event: StoreEvent) => void;

interface Dependent {
  type: ResourceType;
  namespace: string;
  name: string;
}

export class ObjectStore {
  private revision = 0;
  private readonly tables = new Map<string, Table<KubeObject>>();
  private readonly histories = new Map<string, EventHistory>();
  private readonly listeners = new Map<string, Set<StoreListener>>();
  private readonly dependentsByOwner = new Map<string, Map<string, Dependent>>();

  constructor(historySize: number) {
    for (const type of RESOURCE_TYPES) {
      this.tables.set(type.name, new Table());
      this.histories.set(type.name, new EventHistory(historySize));
      this.listeners.set(type.name, new Set());
    }
  }

  get resourceVersion(): number {
    return this.revision;
  }

  get<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string,
    name: string,
  ): T | undefined {
    return this.table(type).get(namespace, name)?.object as T | undefined;
  }

  count(type: ResourceType): number {
    return this.table(type).size;
  }

  /** Objects in key order (namespace, then name), as a list answers them. */
  *sorted(type: ResourceType, namespace?: string): Generator<KubeObject> {
    for (const stored of this.table(type).sorted(namespace)) yield stored.object;
  }

  objects<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string): T[] {
    return [...this.table(type).values(namespace)].map((stored) => stored.object as T);
  }

  /** Writes a new or changed object with the next resourceVersion; returns what was stored. */
  put<T extends KubeObject>(type: ResourceType, object: T): T {
    const namespace = object.metadata.namespace ?? '';
    const previous = this.table(type).get(namespace, object.metadata.name)?.object;
    this.revision += 1;
    const stored = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(this.revision) },
    };
    this.table(type).set(namespace, object.metadata.name, { object: stored });
    this.reindexOwners(type, previous, stored);
    this.emit(type, {
      type: previous ? 'MODIFIED' : 'ADDED',
      resourceVersion: this.revision,
      object: stored,
      previous,
    });
    return stored;
  }

  remove(type: ResourceType, namespace: string, name: string): KubeObject | undefined {
    const removed = this.table(type).delete(namespace, name)?.object;
    if (!removed) return undefined;
    this.revision += 1;
    const last = {
      ...removed,
      metadata: { ...removed.metadata, resourceVersion: String(this.revision) },
    };
    this.reindexOwners(type, removed, undefined);
    this.emit(type, {
      type: 'DELETED',
      resourceVersion: this.revision,
      object: last,
      previous: removed,
    });
    return last;
  }

  /** Objects whose ownerReferences name `ownerUid`. */
  dependents(ownerUid: string): { type: ResourceType; object: KubeObject }[] {
    const found: { type: ResourceType; object: KubeObject }[] = [];
    for (const dependent of this.dependentsByOwner.get(ownerUid)?.values() ?? []) {
      const object = this.get(dependent.type, dependent.namespace, dependent.name);
      if (object) found.push({ type: dependent.type, object });
    }
    return found;
  }

  subscribe(type: ResourceType, listener: StoreListener): () => void {
    const set = this.listeners.get(type.name);
    set?.add(listener);
    return () => set?.delete(listener);
  }

  eventsSince(type: ResourceType, resourceVersion: number): HistoryRead {
    return this.history(type).since(resourceVersion);
  }

  /** Drops all retained watch events, as an etcd compaction does: older resumes get 410 Expired. */
  compact(): void {
    for (const history of this.histories.values()) history.compact(this.revision);
  }

  private emit(type: ResourceType, event: StoreEvent): void {
    this.history(type).record(event);
    for (const listener of this.listeners.get(type.name) ?? []) listener(event);
  }

  private reindexOwners(
    type: ResourceType,
    before: KubeObject | undefined,
    after: KubeObject | undefined,
  ): void {
    const object = after ?? before;
    if (!object) return;
    const key = `${type.name}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    for (const owner of before?.metadata.ownerReferences ?? []) {
      this.dependentsByOwner.get(owner.uid)?.delete(key);
    }
    for (const owner of after?.metadata.ownerReferences ?? []) {
      let dependents = this.dependentsByOwner.get(owner.uid);
      if (!dependents) {
        dependents = new Map();
        this.dependentsByOwner.set(owner.uid, dependents);
      }
      dependents.set(key, {
        type,
        namespace: object.metadata.namespace ?? '',
        name: object.metadata.name,
      });
    }
  }

  private table(type: ResourceType): Table<KubeObject> {
    const table = this.tables.get(type.name);
    if (!table) throw new Error(`No table for ${type.name}`);
    return table;
  }

  private history(type: ResourceType): EventHistory {
    const history = this.histories.get(type.name);
    if (!history) throw new Error(`No history for ${type.name}`);
    return history;
  }
}
