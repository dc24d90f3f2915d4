// One cluster's watch cache: an informer per resource, its sync state, and the read-only snapshot over it.
import { AppsV1Api, CoreV1Api, type KubernetesObject } from '@kubernetes/client-node';
import { silenceSentence } from './errors.js';
import { ResourceInformer, type InformerTiming } from './informer.js';
import { RESOURCES, type Apis, type CachedKinds, type ResourceName } from './resources.js';
import type { ClusterConnection } from './kubeconfig.js';
import type { ClusterSnapshot, ClusterState } from './snapshot.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';

export interface CacheOptions {
  clock: Clock;
  logger: Logger;
  timing: InformerTiming;
  /** How long start() waits; also the least "did not answer for" a sentence names. */
  syncTimeoutMs: number;
  /** A cache that lost its cluster less than this long ago still answers. */
  staleGraceMs: number;
  /** Called when an informer lists and watches again after an error. */
  onWatchRestart?: (cluster: string, resource: string) => void;
}

/** Resources a command needs by default; without warning events a cache still answers. */
export const ESSENTIAL: readonly ResourceName[] = [
  'nodes',
  'namespaces',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'pods',
];

type Informers = { [K in ResourceName]: ResourceInformer<CachedKinds[K]> };

export class ClusterCache implements ClusterSnapshot {
  private readonly informers: Informers | undefined;
  readonly apis: Apis | undefined;
  private wasSynced = false;
  private lastSyncedAt: Date | null = null;
  private unsyncedSince: Date;
  private settledListeners: Array<() => void> = [];

  constructor(
    readonly name: string,
    private readonly connection: ClusterConnection,
    private readonly options: CacheOptions,
  ) {
    this.unsyncedSince = options.clock.now();
    if (!connection.usable) return;
    const { kubeConfig } = connection;
    this.apis = {
      core: kubeConfig.makeApiClient(CoreV1Api),
      apps: kubeConfig.makeApiClient(AppsV1Api),
    };
    const context = {
      cluster: name,
      kubeConfig,
      apis: this.apis,
      timing: options.timing,
      logger: options.logger,
      onChange: () => this.changed(),
      onRestart: options.onWatchRestart,
    };
    const make = <K extends ResourceName>(key: K) => new ResourceInformer(RESOURCES[key], context);
    this.informers = {
      nodes: make('nodes'),
      namespaces: make('namespaces'),
      deployments: make('deployments'),
      replicasets: make('replicasets'),
      statefulsets: make('statefulsets'),
      daemonsets: make('daemonsets'),
      pods: make('pods'),
      events: make('events'),
    };
  }

  /** Starts every informer; resolves once each is synced or has failed in a way retrying won't fix. */
  start(): Promise<void> {
    if (!this.informers) return Promise.resolve();
    for (const informer of this.all()) void informer.start();
    return new Promise((resolve) => {
      this.settledListeners.push(resolve);
      this.changed();
    });
  }

  async stop(): Promise<void> {
    await Promise.all(this.all().map((informer) => informer.stop()));
  }

  state(): ClusterState {
    const now = this.options.clock.now();
    const resources = this.all().map((i) => ({
      resource: i.spec.resource,
      synced: i.isSynced,
      lastError: i.lastError,
    }));
    const synced = this.essentialSynced();
    const lastError = this.connection.usable
      ? (resources.find((r) => r.lastError !== null)?.lastError ?? null)
      : this.connection.problem;
    return {
      name: this.name,
      synced,
      lastSyncedAt: synced ? now : this.lastSyncedAt,
      lastError,
      resources,
    };
  }

  /** Why this cache cannot answer a command needing `resources` now, as one sentence; undefined when it can. */
  unavailableReason(resources: readonly ResourceName[] = ESSENTIAL): string | undefined {
    if (!this.connection.usable) return this.connection.problem;
    const needed = resources.map((r) => this.informer(r));
    const missing = needed.filter((i) => !i.isSynced);
    if (missing.length === 0) return undefined;
    const now = this.options.clock.now();
    const recentlyLost =
      !this.essentialSynced() &&
      this.lastSyncedAt !== null &&
      now.getTime() - this.lastSyncedAt.getTime() < this.options.staleGraceMs;
    if (recentlyLost) return undefined;
    const lasting = missing.find((i) => i.settled);
    if (lasting?.lastError) return lasting.lastError;
    const failing = missing.find((i) => i.currentProblem !== undefined);
    if (!failing)
      return `cluster ${this.name} is still loading its state; try again in a few seconds`;
    const kind = failing.currentProblem?.kind;
    if (kind !== 'unreachable' && kind !== 'timeout' && failing.lastError) return failing.lastError;
    const waitedMs = Math.max(
      this.options.syncTimeoutMs,
      now.getTime() - this.unsyncedSince.getTime(),
    );
    return silenceSentence(this.name, { waitedMs, lastSeenAt: this.lastSyncedAt, now });
  }

  /** When the cluster last answered, for sentences about direct calls. */
  lastSeenAt(): Date | null {
    return this.state().lastSyncedAt;
  }

  nodes() {
    return this.list('nodes');
  }
  namespaces() {
    return this.list('namespaces');
  }
  deployments(namespace?: string) {
    return this.list('deployments', namespace);
  }
  replicaSets(namespace?: string) {
    return this.list('replicasets', namespace);
  }
  statefulSets(namespace?: string) {
    return this.list('statefulsets', namespace);
  }
  daemonSets(namespace?: string) {
    return this.list('daemonsets', namespace);
  }
  pods(namespace?: string) {
    return this.list('pods', namespace);
  }
  warningEvents(namespace?: string) {
    return this.list('events', namespace);
  }

  /** One cached object by name (namespace omitted for nodes and namespaces). */
  get<K extends ResourceName>(
    resource: K,
    name: string,
    namespace?: string,
  ): CachedKinds[K] | undefined {
    return this.informers?.[resource].get(name, namespace);
  }

  private list<K extends ResourceName>(resource: K, namespace?: string): CachedKinds[K][] {
    return this.informers ? this.informers[resource].list(namespace) : [];
  }

  private informer(resource: ResourceName): ResourceInformer<KubernetesObject> {
    return (this.informers as Informers)[resource] as ResourceInformer<KubernetesObject>;
  }

  private all(): ResourceInformer<KubernetesObject>[] {
    return this.informers
      ? (Object.values(this.informers) as ResourceInformer<KubernetesObject>[])
      : [];
  }

  private essentialSynced(): boolean {
    return this.informers !== undefined && ESSENTIAL.every((r) => this.informer(r).isSynced);
  }

  private changed(): void {
    const all = this.all();
    const synced = this.essentialSynced();
    const now = this.options.clock.now();
    if (this.wasSynced && !synced) {
      this.lastSyncedAt = now;
      this.unsyncedSince = now;
    }
    if (synced) this.lastSyncedAt = now;
    this.wasSynced = synced;
    if (all.every((i) => i.settled)) {
      for (const resolve of this.settledListeners.splice(0)) resolve();
    }
  }
}
