// SimulatedCluster: a real HTTP server speaking the Kubernetes API over simulated state, with the
// scenario API tests and the sandbox use to shape it (nodes, workloads, pod behaviour, logs, faults).
import { writeFileSync } from 'node:fs';
import { startApiServer, type RecordedRequest } from './api/server.js';
import { WatchHub } from './api/watch.js';
import {
  ScenarioState,
  toBehaviour,
  workloadKey,
  type BehaviourInput,
} from './controllers/behaviour.js';
import { templateHash } from './controllers/hash.js';
import { Controllers } from './controllers/manager.js';
import { Faults } from './faults.js';
import { kubeconfigYaml } from './kubeconfig.js';
import { SeededRandom } from './random.js';
import { resourceTypeForKind } from './resources.js';
import {
  applyWorkload,
  type DeploymentOptions,
  type WorkloadKind,
  type WorkloadOptions,
} from './scenario/workloads.js';
import { ObjectStore } from './store/object-store.js';
import { Registry } from './store/registry.js';
import type { NodeOptions, NodeReadiness, PressureCondition } from './controllers/nodes.js';
import type { KubeObject, StringMap, Workload } from './types.js';
import type { Clock } from '../../clock.js';
import type { Server } from 'node:http';

export interface SimulatedClusterOptions {
  clock: Clock;
  /** Cluster and default context name (default `sim`); also seeds generated names. */
  name?: string;
  /** Port to listen on, on 127.0.0.1 (default: any free port). */
  port?: number;
  /** Watch events retained per resource type; older resumes get 410 Expired (default 1000). */
  historySize?: number;
}

const NAMESPACE = resourceTypeForKind('Namespace');
const TOKEN = 'sandbox-token';
const USER = 'system:serviceaccount:watchkeeper:watchkeeper';

export interface LogOptions {
  container?: string;
  kind?: WorkloadKind;
}

export class SimulatedCluster {
  readonly requests: RecordedRequest[] = [];
  readonly faults: Faults;

  private constructor(
    readonly name: string,
    private readonly registry: Registry,
    private readonly controllers: Controllers,
    private readonly scenario: ScenarioState,
    private readonly watches: WatchHub,
    private server: Server | undefined,
    private address: string,
  ) {
    this.faults = new Faults(() => this.watches.drop());
  }

  static async start(options: SimulatedClusterOptions): Promise<SimulatedCluster> {
    const name = options.name ?? 'sim';
    const random = new SeededRandom(name);
    const store = new ObjectStore(options.historySize ?? 1000);
    const registry = new Registry(store, options.clock, random);
    const scenario = new ScenarioState();
    const controllers = new Controllers(registry, options.clock, random, scenario);
    const watches = new WatchHub(store);
    const cluster = new SimulatedCluster(
      name,
      registry,
      controllers,
      scenario,
      watches,
      undefined,
      '',
    );
    for (const namespace of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
      cluster.addNamespace(namespace);
    const { server, url } = await startApiServer(
      {
        registry,
        pods: controllers.pods,
        scenario,
        clock: options.clock,
        watches,
        faults: cluster.faults,
        requests: cluster.requests,
        token: TOKEN,
        user: USER,
        settle: () => controllers.settle(),
      },
      options.port ?? 0,
    );
    cluster.server = server;
    cluster.address = url;
    return cluster;
  }

  get url(): string {
    return this.address;
  }

  /** The newest resourceVersion handed out. */
  get resourceVersion(): number {
    return this.registry.store.resourceVersion;
  }

  kubeconfig(contextName: string = this.name): string {
    return kubeconfigYaml({
      server: this.url,
      clusterName: this.name,
      contextName,
      userName: `${this.name}-user`,
      token: TOKEN,
    });
  }

  writeKubeconfig(path: string, contextName?: string): void {
    writeFileSync(path, this.kubeconfig(contextName), 'utf8');
  }

  addNamespace(name: string, labels?: StringMap): KubeObject {
    const existing = this.registry.get(NAMESPACE, '', name);
    if (existing) return existing;
    return this.registry.create(NAMESPACE, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        ...(labels ? { labels } : {}),
      },
    });
  }

  addNode(name: string, options?: NodeOptions): KubeObject {
    const node = this.controllers.nodes.add(name, options);
    this.controllers.settle();
    return node;
  }

  /** Ready (true), NotReady (false) or Unknown (the kubelet stopped reporting). */
  setNodeReady(name: string, ready: NodeReadiness): void {
    this.controllers.nodes.setReady(name, ready);
    this.controllers.settle();
  }

  setNodePressure(name: string, condition: PressureCondition, under: boolean): void {
    this.controllers.nodes.setPressure(name, condition, under);
    this.controllers.settle();
  }

  applyDeployment(namespace: string, name: string, options: DeploymentOptions = {}): Workload {
    return this.applyWorkload('Deployment', namespace, name, options);
  }

  applyStatefulSet(namespace: string, name: string, options: WorkloadOptions = {}): Workload {
    return this.applyWorkload('StatefulSet', namespace, name, options);
  }

  applyDaemonSet(namespace: string, name: string, options: WorkloadOptions = {}): Workload {
    return this.applyWorkload('DaemonSet', namespace, name, options);
  }

  /** Sets how pods of the workload's current template behave (earlier templates keep theirs). */
  setPodBehaviour(
    namespace: string,
    name: string,
    behaviour: BehaviourInput,
    kind: WorkloadKind = 'Deployment',
  ): void {
    const workload = this.registry.require<Workload>(resourceTypeForKind(kind), namespace, name);
    this.scenario.setTemplateBehaviour(
      workloadKey(kind, namespace, name),
      templateHash(workload.spec.template),
      toBehaviour(behaviour),
    );
    this.controllers.tick();
  }

  /** Sets how pods running this image behave, whatever workload runs them. */
  setImageBehaviour(image: string, behaviour: BehaviourInput): void {
    this.scenario.setImageBehaviour(image, toBehaviour(behaviour));
    this.controllers.tick();
  }

  /** Log lines of the workload's running containers (all containers unless one is named). */
  setLogs(namespace: string, workload: string, lines: string[], options: LogOptions = {}): void {
    this.scenario.setLogs(
      workloadKey(options.kind ?? 'Deployment', namespace, workload),
      'current',
      lines,
      options.container,
    );
  }

  /** Log lines of the workload's previous (terminated) containers, served for `previous=true`. */
  setPreviousLogs(
    namespace: string,
    workload: string,
    lines: string[],
    options: LogOptions = {},
  ): void {
    this.scenario.setLogs(
      workloadKey(options.kind ?? 'Deployment', namespace, workload),
      'previous',
      lines,
      options.container,
    );
  }

  /** Records an Event on an object, as some other component of the cluster would. */
  recordEvent(
    kind: string,
    namespace: string,
    name: string,
    event: { type: 'Normal' | 'Warning'; reason: string; message: string; component?: string },
  ): void {
    const object = this.registry.require(
      resourceTypeForKind(kind),
      kind === 'Node' ? '' : namespace,
      name,
    );
    this.controllers.events.record(object, {
      type: event.type,
      reason: event.reason,
      message: event.message,
      source: { component: event.component ?? 'sandbox' },
    });
  }

  /** A stored object, for scenario code; tests should read through the API like the app does. */
  object<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string,
    name: string,
  ): T | undefined {
    return this.registry.get<T>(resourceTypeForKind(kind), namespace, name);
  }

  deleteObject(kind: string, namespace: string, name: string): void {
    const type = resourceTypeForKind(kind);
    this.registry.delete(type, type.namespaced ? namespace : '', name);
    this.controllers.settle();
  }

  /** Lets the controllers react to the clock (crash-loop restarts, progress deadlines) and sends
   * BOOKMARK events to watches that asked for them. */
  tick(): void {
    this.controllers.tick();
    this.watches.bookmark();
  }

  /** Forgets retained watch events, like an etcd compaction: resuming from before now answers 410. */
  compactHistory(): void {
    this.registry.store.compact();
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.watches.endAll();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private applyWorkload(
    kind: WorkloadKind,
    namespace: string,
    name: string,
    options: DeploymentOptions,
  ): Workload {
    this.addNamespace(namespace);
    applyWorkload(this.registry, this.scenario, kind, namespace, name, options);
    this.controllers.settle();
    return this.registry.require<Workload>(resourceTypeForKind(kind), namespace, name);
  }
}
