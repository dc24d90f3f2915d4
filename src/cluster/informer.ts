// One resource's informer that keeps going: client-node's ListWatch restarted with backoff after every
// watch or list error, the error our own stop() causes ignored, and its sync state kept for the cluster.
import { ListWatch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { classifyError, problemSentence, type ClusterProblem } from './errors.js';
import { listAll, type Apis, type ResourceSpec } from './resources.js';
import { CacheWatch, type WatchTiming } from './watch.js';
import type { Logger } from '../log.js';

export interface InformerTiming extends WatchTiming {
  backoff: BackoffPolicy;
  /** Timeout of each LIST page. */
  requestTimeoutMs: number;
}

export interface InformerContext {
  cluster: string;
  kubeConfig: KubeConfig;
  apis: Apis;
  timing: InformerTiming;
  logger: Logger;
  /** Called whenever this informer becomes synced or fails. */
  onChange: () => void;
  /** Called when the informer lists and watches again after an error (counted for /metrics). */
  onRestart?: (cluster: string, resource: string) => void;
  random?: () => number;
}

/** Problems that retrying will not fix by itself; start() stops waiting for a resource that has one. */
const LASTING: ReadonlySet<ClusterProblem['kind']> = new Set([
  'unauthorized',
  'forbidden',
  'notFound',
  'badRequest',
  'tls',
  'plainHttp',
]);

export class ResourceInformer<T extends KubernetesObject> {
  private readonly informer: ListWatch<T>;
  private synced = false;
  private problem: ClusterProblem | undefined;
  private sentence: string | null = null;
  private errors = 0;
  private attempt = 0;
  private phase: 'list' | 'watch' = 'list';
  private retry: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    readonly spec: ResourceSpec<T>,
    private readonly context: InformerContext,
  ) {
    const { kubeConfig, apis, timing } = context;
    const listFn = async () => {
      this.phase = 'list';
      const list = await listAll(spec, apis, timing.requestTimeoutMs);
      this.phase = 'watch';
      return list;
    };
    const watch = new CacheWatch(kubeConfig, spec.modelType, timing);
    this.informer = new ListWatch<T>(
      spec.path,
      watch,
      listFn,
      false,
      undefined,
      spec.fieldSelector,
    );
    this.informer.on('error', (error: unknown) => this.fail(error));
  }

  get isSynced(): boolean {
    return this.synced;
  }

  /** The current problem, undefined while synced or before the first failure. */
  get currentProblem(): ClusterProblem | undefined {
    return this.synced ? undefined : this.problem;
  }

  /** The current problem as a plain sentence, null while synced. */
  get lastError(): string | null {
    return this.synced ? null : this.sentence;
  }

  /** Synced, or failed in a way retrying will not fix. */
  get settled(): boolean {
    return this.synced || (this.problem !== undefined && LASTING.has(this.problem.kind));
  }

  list(namespace?: string): T[] {
    return this.informer.list(namespace) as T[];
  }

  get(name: string, namespace?: string): T | undefined {
    return this.informer.get(name, namespace);
  }

  start(): Promise<void> {
    return this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    this.retry = undefined;
    await this.informer.stop();
  }

  private async run(): Promise<void> {
    if (this.stopping) return;
    const errorsBefore = this.errors;
    try {
      await this.informer.start();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.stopping || this.errors !== errorsBefore) return;
    this.synced = true;
    this.attempt = 0;
    this.context.onChange();
  }

  private fail(error: unknown): void {
    if (this.stopping) return;
    this.errors += 1;
    const problem = classifyError(error);
    const { cluster, logger } = this.context;
    const target = { cluster, verb: this.phase, resource: this.spec.resource };
    const changed = problem.kind !== this.problem?.kind || this.synced;
    this.problem = problem;
    this.sentence = problemSentence(problem, target);
    this.synced = false;
    const fields = { cluster, resource: this.spec.resource, problem: problem.kind, err: error };
    if (changed) logger.warn(fields, `watch cache of ${cluster}: ${this.sentence}`);
    else logger.debug(fields, 'watch cache still failing');
    this.scheduleRetry();
    this.context.onChange();
  }

  private scheduleRetry(): void {
    if (this.retry || this.stopping) return;
    const delay = backoffDelay(this.attempt, this.context.timing.backoff, this.context.random);
    this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.context.onRestart?.(this.context.cluster, this.spec.resource);
      void this.run();
    }, delay);
    this.retry.unref();
  }
}
