// One resource type's objects, by namespace then name, with the sorted order lists need kept on hand.

export interface Stored<T> {
  object: T;
}

export class Table<T> {
  private readonly byNamespace = new Map<string, Map<string, Stored<T>>>();
  private readonly sortedNames = new Map<string, string[]>();
  private sortedNamespaces: string[] | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(namespace: string, name: string): Stored<T> | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  set(namespace: string, name: string, stored: Stored<T>): void {
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
      this.sortedNamespaces = undefined;
    }
    if (!names.has(name)) {
      this.count += 1;
      this.sortedNames.delete(namespace);
    }
    names.set(name, stored);
  }

  delete(namespace: string, name: string): Stored<T> | undefined {
    const names = this.byNamespace.get(namespace);
    const stored = names?.get(name);
    if (!names || !stored) return undefined;
    names.delete(name);
    this.count -= 1;
    this.sortedNames.delete(namespace);
    if (names.size === 0) {
      this.byNamespace.delete(namespace);
      this.sortedNamespaces = undefined;
    }
    return stored;
  }

  /** Objects in key order (namespace, then name), as etcd returns them; one namespace or all. */
  *sorted(namespace?: string): Generator<Stored<T>> {
    const namespaces = namespace === undefined ? this.namespaces() : [namespace];
    for (const ns of namespaces) {
      const names = this.byNamespace.get(ns);
      if (!names) continue;
      for (const name of this.names(ns, names)) {
        const stored = names.get(name);
        if (stored) yield stored;
      }
    }
  }

  /** Objects of one namespace (or all) in no particular order: cheaper when order does not matter. */
  *values(namespace?: string): Generator<Stored<T>> {
    if (namespace !== undefined) {
      yield* this.byNamespace.get(namespace)?.values() ?? [];
      return;
    }
    for (const names of this.byNamespace.values()) yield* names.values();
  }

  private namespaces(): string[] {
    this.sortedNamespaces ??= [...this.byNamespace.keys()].sort();
    return this.sortedNamespaces;
  }

  private names(namespace: string, names: Map<string, Stored<T>>): string[] {
    let sorted = this.sortedNames.get(namespace);
    if (!sorted) {
      sorted = [...names.keys()].sort();
      this.sortedNames.set(namespace, sorted);
    }
    return sorted;
  }
}
