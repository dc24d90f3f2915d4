// The console's controls over the world around the app: the sandbox clock (an hour on, the next
// handoff, the next daily post — each followed by the app's periodic jobs) and "break something".
import type { AppConfig } from '../../config/schema.js';
import type { DemoClusters } from '../demo/demo-clusters.js';
import { nextDailyPost, nextHandoff, type NextEvent } from '../demo/next-events.js';
import { travelTo } from '../demo/time-travel.js';
import type { SandboxClock } from '../sandbox-clock.js';
import { ConsoleInputError } from './slack-bridge.js';

export type ClockMove = 'hour' | 'handoff' | 'daily';
export type Breakage = 'crash' | 'release' | 'node';

const HOUR = 3_600_000;

export interface ControlsDeps {
  config: AppConfig;
  clock: SandboxClock;
  clusters: DemoClusters;
  /** Runs the app's periodic jobs at the clock's time. */
  tick(): Promise<void>;
}

export class Controls {
  constructor(private readonly deps: ControlsDeps) {}

  /** The sandbox's time, and how far ahead of real time it runs. */
  time(): { now: string; offsetMs: number } {
    return { now: this.deps.clock.now().toISOString(), offsetMs: this.deps.clock.offsetMs };
  }

  /** What the time-travel buttons would jump to from now. */
  upcoming(): { handoff: NextEvent | undefined; daily: NextEvent | undefined } {
    const now = this.deps.clock.now();
    return {
      handoff: nextHandoff(this.deps.config, now),
      daily: nextDailyPost(this.deps.config, now),
    };
  }

  /** Moves the clock, stopping at every scheduled post on the way; returns a sentence for the page. */
  async move(move: ClockMove): Promise<string> {
    const { clock, clusters } = this.deps;
    let target: Date;
    let sentence: string;
    if (move === 'hour') {
      target = new Date(clock.now().getTime() + HOUR);
      sentence = 'One hour later.';
    } else {
      const next = move === 'handoff' ? this.upcoming().handoff : this.upcoming().daily;
      if (!next) {
        throw new ConsoleInputError(
          `No ${move === 'handoff' ? 'handoff' : 'daily post'} is coming up.`,
        );
      }
      target = next.at;
      sentence =
        move === 'handoff'
          ? `Handoff of rotation ${next.name}.`
          : `Daily status of team ${next.name}.`;
    }
    await travelTo(
      {
        config: this.deps.config,
        clock,
        tickClusters: () => clusters.tick(),
        tickApp: this.deps.tick,
      },
      target,
    );
    return sentence;
  }

  /** Breaks something in a cluster through the simulated cluster's scenario API. */
  breakSomething(clusterName: string, what: Breakage, target: string): string {
    const cluster = this.deps.clusters.get(clusterName);
    if (!cluster)
      throw new ConsoleInputError(`There is no simulated cluster called ${clusterName}.`);
    if (what === 'node') {
      const node = cluster.breakNode();
      if (!node) throw new ConsoleInputError(`Every node of ${clusterName} is NotReady already.`);
      return `Node ${node} of ${clusterName} is NotReady.`;
    }
    const [namespace, name] = target.split('/');
    const known = cluster.deployments().some((d) => d.namespace === namespace && d.name === name);
    if (!namespace || !name || !known) {
      throw new ConsoleInputError(`${clusterName} has no demo Deployment ${target}.`);
    }
    if (what === 'crash') {
      return `Rolled out ${cluster.crash(namespace, name)} to ${clusterName}: its pods crash-loop.`;
    }
    return `Rolled out ${cluster.release(namespace, name)} to ${clusterName}.`;
  }

  /** The clusters and their Deployments, for the page's "break something" picker. */
  targets(): Array<{ cluster: string; deployments: string[] }> {
    return [...this.deps.clusters.byName].map(([name, cluster]) => ({
      cluster: name,
      deployments: cluster.deployments().map((d) => `${d.namespace}/${d.name}`),
    }));
  }
}
