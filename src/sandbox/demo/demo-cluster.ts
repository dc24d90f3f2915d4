// One simulated cluster of the sandbox: seeded with the demo (its history dated in the past), and
// the "break something" moves the console offers: a crashing rollout, a healthy one, a node NotReady.
import type { Clock } from '../../clock.js';
import {
  SimulatedCluster,
  type DeploymentOptions,
  type KubeObject,
  type Workload,
} from '../kube/index.js';
import type { DemoClusterData, DemoWorkload } from './demo-types.js';
import { prodEu } from './prod-eu.js';
import { staging } from './staging.js';

/** A clock running `lagMs` behind another, so seeded objects carry past timestamps. */
class LaggingClock implements Clock {
  lagMs = 0;

  constructor(private readonly base: Clock) {}

  now(): Date {
    return new Date(this.base.now().getTime() - this.lagMs);
  }
}

const HOUR = 3_600_000;

type NodeObject = KubeObject & {
  status?: { conditions?: Array<{ type: string; status: string }> };
};

export interface WorkloadRef {
  kind: DemoWorkload['kind'];
  namespace: string;
  name: string;
}

export class DemoCluster {
  private constructor(
    readonly name: string,
    readonly sim: SimulatedCluster,
    private readonly clock: LaggingClock,
    private readonly data: DemoClusterData,
  ) {}

  /** Starts the simulated cluster for context `name` and seeds it (`prod-eu` gets the big demo). */
  static async start(name: string, clock: Clock): Promise<DemoCluster> {
    const lagging = new LaggingClock(clock);
    const sim = await SimulatedCluster.start({ clock: lagging, name });
    const cluster = new DemoCluster(name, sim, lagging, name === 'prod-eu' ? prodEu : staging);
    cluster.seed();
    return cluster;
  }

  /** The demo's Deployments, for the console's "break something" picker. */
  deployments(): WorkloadRef[] {
    return this.data.workloads
      .filter((workload) => workload.kind === 'Deployment')
      .map(({ kind, namespace, name }) => ({ kind, namespace, name }));
  }

  /** Rolls out a new image tag whose pods crash-loop; returns the new image. */
  crash(namespace: string, name: string): string {
    const image = this.rollOut(namespace, name, ': orders v2 schema', {
      kind: 'CrashLoopBackOff',
      exitCode: 1,
      runSeconds: 3,
    });
    this.sim.setPreviousLogs(namespace, name, [
      `{"level":"info","msg":"starting ${name}","image":"${image}"}`,
      '{"level":"error","msg":"migrations: relation \\"orders_v2\\" does not exist"}',
      'fatal: cannot start without a schema',
    ]);
    return image;
  }

  /** Rolls out a new, healthy image tag; returns the new image. */
  release(namespace: string, name: string): string {
    return this.rollOut(namespace, name, '', 'Running');
  }

  /** Marks the first Ready node NotReady; returns its name, or undefined when none is Ready. */
  breakNode(): string | undefined {
    const ready = this.data.nodes.map((node) => node.name).find((node) => this.isNodeReady(node));
    if (ready) this.sim.setNodeReady(ready, false);
    return ready;
  }

  tick(): void {
    this.sim.tick();
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  private seed(): void {
    const data = this.data;
    for (const node of data.nodes) this.sim.addNode(node.name, node.options);
    if (data.notReadyNode) this.sim.setNodeReady(data.notReadyNode, false);
    const steps = data.workloads.flatMap((workload) =>
      workload.revisions.map((revision) => ({ workload, revision })),
    );
    steps.sort((a, b) => b.revision.hoursAgo - a.revision.hoursAgo);
    for (const { workload, revision } of steps) {
      this.clock.lagMs = revision.hoursAgo * HOUR;
      this.apply(workload, {
        image: `${workload.repository}:${revision.tag}`,
        changeCause: revision.changeCause,
        behaviour: revision.behaviour ?? 'Running',
      });
    }
    this.clock.lagMs = 0;
    for (const workload of data.workloads) this.setLogs(workload);
    this.sim.tick();
  }

  private apply(workload: DemoWorkload, options: DeploymentOptions): Workload {
    const { namespace, name } = workload;
    const full = { replicas: workload.replicas ?? 1, env: workload.env, ...options };
    if (workload.kind === 'StatefulSet') return this.sim.applyStatefulSet(namespace, name, full);
    if (workload.kind === 'DaemonSet') return this.sim.applyDaemonSet(namespace, name, full);
    return this.sim.applyDeployment(namespace, name, full);
  }

  private setLogs(workload: DemoWorkload): void {
    const options = { kind: workload.kind };
    if (workload.logs) this.sim.setLogs(workload.namespace, workload.name, workload.logs, options);
    if (workload.previousLogs) {
      this.sim.setPreviousLogs(workload.namespace, workload.name, workload.previousLogs, options);
    }
  }

  private rollOut(
    namespace: string,
    name: string,
    /** Added to the change-cause after the release tag. */
    what: string,
    behaviour: DeploymentOptions['behaviour'],
  ): string {
    const workload = this.data.workloads.find((w) => w.namespace === namespace && w.name === name);
    const current = this.sim.object<Workload>('Deployment', namespace, name);
    const image = current?.spec.template.spec.containers[0]?.image;
    if (!workload || workload.kind !== 'Deployment' || !image) {
      throw new Error(`${this.name} has no demo Deployment ${namespace}/${name}`);
    }
    const next = nextImage(image);
    const tag = next.slice(next.lastIndexOf(':') + 1);
    this.apply(workload, { image: next, changeCause: `Release ${tag}${what}`, behaviour });
    return next;
  }

  private isNodeReady(name: string): boolean {
    const node = this.sim.object<NodeObject>('Node', '', name);
    const ready = node?.status?.conditions?.find((condition) => condition.type === 'Ready');
    return ready?.status === 'True';
  }
}

/** `repo:2.4.1` → `repo:2.4.2`; `repo:v1.11.2` → `repo:v1.11.3`; any other tag gets `-1` added. */
export function nextImage(image: string): string {
  const colon = image.lastIndexOf(':');
  const repository = colon > 0 ? image.slice(0, colon) : image;
  const tag = colon > 0 ? image.slice(colon + 1) : 'latest';
  const match = /^(v?\d+\.\d+\.)(\d+)$/.exec(tag);
  return match ? `${repository}:${match[1]}${Number(match[2]) + 1}` : `${repository}:${tag}-1`;
}
