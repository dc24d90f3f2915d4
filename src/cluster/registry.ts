// ClusterRegistry: the watch caches of every configured cluster, their readiness, and the few direct API calls.
import { UserFacingError } from '../errors.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import { ClusterCache, ESSENTIAL } from './cluster-cache.js';
import { classifyError, translateError } from './errors.js';
import { clusterConnections } from './kubeconfig.js';
import { logRequestProblem, type LogRequest } from './logs.js';
import { withTimeout } from './request.js';
import type { InformerTiming } from './informer.js';
import type { Apis, ResourceName } from './resources.js';
import type { ClusterSnapshot } from './snapshot.js';
import type { Clock } from '../clock.js';
import type { ClusterRef } from '../config/schema.js';
import type { Logger } from '../log.js';

export type { ClusterSnapshot, ClusterState, ResourceState } from './snapshot.js';

export interface RegistryOptions {
  clusters: ClusterRef[];
  /** A KUBECONFIG value; the default kubeconfig when absent. */
  kubeconfigPath?: string;
  clock: Clock;
  logger: Logger;
  /** How long start() waits for first sync (default 10 s). */
  syncTimeoutMs?: number;
  /** A cache that lost its cluster less than this long ago still answers (default 30 s). */
  staleGraceMs?: number;
  /** Informer timing: backoff, request and watch timeouts (tests shorten them). */
  timing?: Partial<InformerTiming>;
  /** Called when an informer lists and watches again after an error (counted for /metrics). */
  onWatchRestart?: (cluster: string, resource: string) => void;
}

/** The most log text one call returns, whatever tailLines asks for. */
export const LOG_LIMIT_BYTES = 1_000_000;

export const DEFAULT_TIMING: InformerTiming = {
  backoff: DEFAULT_BACKOFF,
  requestTimeoutMs: 30_000,
  watchTimeoutSeconds: 300,
  connectTimeoutMs: 30_000,
};

export class ClusterRegistry {
  private constructor(
    private readonly caches: Map<string, ClusterCache>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly timing: InformerTiming,
  ) {}

  /** Starts every cluster's informers and waits up to syncTimeoutMs for them; an unreachable cluster never makes this throw. */
  static async start(options: RegistryOptions): Promise<ClusterRegistry> {
    const syncTimeoutMs = options.syncTimeoutMs ?? 10_000;
    const timing = { ...DEFAULT_TIMING, ...options.timing };
    const connections = clusterConnections(options.clusters, options.kubeconfigPath);
    const caches = new Map<string, ClusterCache>();
    for (const [name, connection] of connections) {
      if (!connection.usable) options.logger.error({ cluster: name }, connection.problem);
      const cacheOptions = {
        clock: options.clock,
        logger: options.logger,
        timing,
        syncTimeoutMs,
        staleGraceMs: options.staleGraceMs ?? 30_000,
        onWatchRestart: options.onWatchRestart,
      };
      caches.set(name, new ClusterCache(name, connection, cacheOptions));
    }
    const registry = new ClusterRegistry(caches, options.clock, options.logger, timing);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, syncTimeoutMs);
    });
    await Promise.race([Promise.all([...caches.values()].map((cache) => cache.start())), waited]);
    clearTimeout(timer);
    for (const cache of caches.values()) {
      const state = cache.state();
      if (state.synced) options.logger.info({ cluster: cache.name }, 'cluster watch cache synced');
      else
        options.logger.warn(
          { cluster: cache.name, problem: state.lastError },
          'cluster watch cache not synced yet',
        );
    }
    return registry;
  }

  names(): string[] {
    return [...this.caches.keys()];
  }

  /** The cache of a cluster, synced or not; an unknown name is a UserFacingError listing the known ones. */
  snapshot(cluster: string): ClusterSnapshot {
    return this.cache(cluster);
  }

  /** The cache of a cluster that can answer now; otherwise a UserFacingError saying why (unreachable, RBAC, kubeconfig). */
  requireSynced(cluster: string, resources: readonly ResourceName[] = ESSENTIAL): ClusterSnapshot {
    const cache = this.cache(cluster);
    const reason = cache.unavailableReason(resources);
    if (reason) throw new UserFacingError(reason);
    return cache;
  }

  /** The last lines of a container's log, read from the API server; every failure is a plain sentence. */
  async podLogs(
    cluster: string,
    namespace: string,
    pod: string,
    options: LogRequest,
  ): Promise<string> {
    const cache = this.cache(cluster);
    const { core } = this.apisOf(cache);
    const cached = cache.get('pods', pod, namespace);
    const problem = cached ? logRequestProblem(cached, options) : undefined;
    if (problem) throw new UserFacingError(problem);
    const target = {
      cluster,
      verb: 'get',
      resource: 'pods/log',
      namespace,
      kind: 'pod',
      name: pod,
    };
    try {
      return await core.readNamespacedPodLog(
        {
          name: pod,
          namespace,
          tailLines: options.tailLines,
          limitBytes: LOG_LIMIT_BYTES,
          ...(options.container ? { container: options.container } : {}),
          ...(options.previous ? { previous: true } : {}),
        },
        withTimeout(this.timing.requestTimeoutMs),
      );
    } catch (error) {
      this.logger.warn({ cluster, namespace, pod, err: error }, 'reading pod logs failed');
      if (classifyError(error).kind === 'badRequest') {
        throw new UserFacingError(
          `${cluster} could not give the logs of pod ${pod} in ${namespace}: the container may not have started yet`,
          { cause: error },
        );
      }
      const silence = {
        waitedMs: this.timing.requestTimeoutMs,
        lastSeenAt: cache.lastSeenAt(),
        now: this.clock.now(),
      };
      throw translateError(error, target, silence);
    }
  }

  /** The API clients of a cluster, for the rollback engine; a cluster without a usable kubeconfig is a UserFacingError. */
  api(cluster: string): Apis {
    return this.apisOf(this.cache(cluster));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.caches.values()].map((cache) => cache.stop()));
  }

  private cache(cluster: string): ClusterCache {
    const cache = this.caches.get(cluster);
    if (cache) return cache;
    const known = this.names();
    throw new UserFacingError(
      known.length
        ? `there is no cluster ${cluster}; known clusters: ${known.join(', ')}`
        : `there is no cluster ${cluster}; no clusters are configured in app.yaml`,
    );
  }

  private apisOf(cache: ClusterCache): Apis {
    if (cache.apis) return cache.apis;
    throw new UserFacingError(cache.unavailableReason() ?? `cluster ${cache.name} cannot be used`);
  }
}
