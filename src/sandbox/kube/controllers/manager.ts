// Runs the simulated controllers: every stored change queues the objects that must react to it, and
// `settle()` works the queue until the cluster is quiet (synchronously, so tests are deterministic).
import { controllerOf } from './owners.js';
import { DaemonSetController, DAEMON_SET } from './daemonset.js';
import { DeploymentController, DEPLOYMENT } from './deployment.js';
import { EventRecorder } from './events.js';
import { NodeManager, NODE } from './nodes.js';
import { PodManager, POD } from './pods.js';
import { ReplicaSetController, REPLICA_SET } from './replicaset.js';
import { RevisionHistory } from './revisions.js';
import { StatefulSetController, STATEFUL_SET } from './statefulset.js';
import type { ScenarioState } from './behaviour.js';
import type { SeededRandom } from '../random.js';
import type { ResourceType } from '../resources.js';
import type { Registry } from '../store/registry.js';
import type { Clock } from '../../../clock.js';
import type { KubeObject, Pod, Workload } from '../types.js';

const MAX_STEPS = 1_000_000;

export class Controllers {
  readonly events: EventRecorder;
  readonly nodes: NodeManager;
  readonly pods: PodManager;
  readonly deployments: DeploymentController;
  private readonly replicaSets: ReplicaSetController;
  private readonly statefulSets: StatefulSetController;
  private readonly daemonSets: DaemonSetController;
  private readonly queue = new Map<
    string,
    { type: ResourceType; namespace: string; name: string }
  >();
  private settling = false;

  constructor(
    private readonly registry: Registry,
    clock: Clock,
    random: SeededRandom,
    scenario: ScenarioState,
  ) {
    this.events = new EventRecorder(registry, clock, random);
    this.nodes = new NodeManager(registry, this.events, clock);
    this.pods = new PodManager(registry, this.nodes, this.events, scenario, clock);
    this.replicaSets = new ReplicaSetController(registry, this.pods, this.events);
    this.deployments = new DeploymentController(registry, this.replicaSets, this.events, clock);
    const history = new RevisionHistory(registry);
    this.statefulSets = new StatefulSetController(registry, this.pods, history);
    this.daemonSets = new DaemonSetController(registry, this.pods, history);
    registry.onChange((type, object, deleted) => this.react(type, object, deleted));
  }

  /** Lets every controller react to what changed, until nothing more changes. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let step = 0; this.queue.size > 0; step += 1) {
        if (step > MAX_STEPS) throw new Error('The simulated controllers did not settle');
        const [key, work] = this.queue.entries().next().value as [
          string,
          { type: ResourceType; namespace: string; name: string },
        ];
        this.queue.delete(key);
        this.run(work.type, work.namespace, work.name);
      }
    } finally {
      this.settling = false;
    }
  }

  /** Re-examines everything that depends on time (crash loops, progress deadlines), then settles. */
  tick(): void {
    for (const type of [DEPLOYMENT, REPLICA_SET, STATEFUL_SET, DAEMON_SET]) {
      for (const object of this.registry.store.objects(type)) this.enqueue(type, object);
    }
    for (const pod of this.registry.store.objects(POD))
      if (!controllerOf(pod)) this.enqueue(POD, pod);
    this.settle();
  }

  enqueue(type: ResourceType, object: KubeObject): void {
    const namespace = object.metadata.namespace ?? '';
    this.queue.set(`${type.name}/${namespace}/${object.metadata.name}`, {
      type,
      namespace,
      name: object.metadata.name,
    });
  }

  private run(type: ResourceType, namespace: string, name: string): void {
    const object = this.registry.get(type, namespace, name);
    if (!object) return;
    if (type === DEPLOYMENT) this.deployments.sync(object as Workload);
    else if (type === REPLICA_SET) this.replicaSets.sync(object as Workload);
    else if (type === STATEFUL_SET) this.statefulSets.sync(object as Workload);
    else if (type === DAEMON_SET) this.daemonSets.sync(object as Workload);
    else if (type === POD) this.pods.refresh(object as Pod);
  }

  private react(type: ResourceType, object: KubeObject, deleted: boolean): void {
    if (type === DEPLOYMENT || type === STATEFUL_SET || type === DAEMON_SET) {
      if (!deleted) this.enqueue(type, object);
    } else if (type === REPLICA_SET) {
      if (!deleted) this.enqueue(type, object);
      this.enqueueOwner(object);
    } else if (type === POD) {
      if (deleted) this.pods.forget(object);
      if (controllerOf(object)) this.enqueueOwner(object);
      else if (!deleted) this.enqueue(POD, object);
    } else if (type === NODE) {
      this.pods.nodesChanged();
      for (const set of this.registry.store.objects(DAEMON_SET)) this.enqueue(DAEMON_SET, set);
      for (const pod of this.registry.store.objects<Pod>(POD)) {
        if (!pod.spec.nodeName || pod.spec.nodeName === object.metadata.name)
          this.enqueueOwnerOrSelf(pod);
      }
    }
  }

  private enqueueOwnerOrSelf(pod: Pod): void {
    if (controllerOf(pod)) this.enqueueOwner(pod);
    else this.enqueue(POD, pod);
  }

  private enqueueOwner(object: KubeObject): void {
    const owner = controllerOf(object);
    if (!owner) return;
    const types: Record<string, ResourceType> = {
      ReplicaSet: REPLICA_SET,
      Deployment: DEPLOYMENT,
      StatefulSet: STATEFUL_SET,
      DaemonSet: DAEMON_SET,
    };
    const type = types[owner.kind];
    const namespace = object.metadata.namespace ?? '';
    if (type)
      this.queue.set(`${type.name}/${namespace}/${owner.name}`, {
        type,
        namespace,
        name: owner.name,
      });
  }
}
