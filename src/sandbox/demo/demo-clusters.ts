// The sandbox's clusters: one simulated cluster per kubeconfig context of app.yaml, seeded with the
// demo, reachable through one kubeconfig file, and ticking so crash loops and deadlines move on.
import { writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { Clock } from '../../clock.js';
import type { AppConfig } from '../../config/schema.js';
import { DemoCluster } from './demo-cluster.js';

interface KubeconfigDoc {
  clusters: unknown[];
  users: unknown[];
  contexts: unknown[];
}

export class DemoClusters {
  private readonly timer: NodeJS.Timeout;

  private constructor(readonly byName: ReadonlyMap<string, DemoCluster>) {
    this.timer = setInterval(() => this.tick(), 2000);
    this.timer.unref();
  }

  /** Starts a simulated cluster for each cluster of app.yaml that names a context (`inCluster` ones are left out). */
  static async start(config: AppConfig, clock: Clock): Promise<DemoClusters> {
    const byName = new Map<string, DemoCluster>();
    try {
      for (const cluster of config.clusters) {
        if ('context' in cluster)
          byName.set(cluster.name, await DemoCluster.start(cluster.context, clock));
      }
    } catch (error) {
      await Promise.all([...byName.values()].map((cluster) => cluster.close()));
      throw error;
    }
    return new DemoClusters(byName);
  }

  get(name: string): DemoCluster | undefined {
    return this.byName.get(name);
  }

  /** Writes one kubeconfig with a context per cluster, named as app.yaml names them. */
  writeKubeconfig(path: string): void {
    const docs = [...this.byName.values()].map(
      (cluster) => parse(cluster.sim.kubeconfig(cluster.name)) as KubeconfigDoc,
    );
    const merged = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: docs.flatMap((doc) => doc.clusters),
      users: docs.flatMap((doc) => doc.users),
      contexts: docs.flatMap((doc) => doc.contexts),
      'current-context': [...this.byName.values()][0]?.name ?? '',
    };
    writeFileSync(path, stringify(merged), { encoding: 'utf8', mode: 0o600 });
  }

  /** Lets every cluster's controllers react to the clock (restarts, progress deadlines). */
  tick(): void {
    for (const cluster of this.byName.values()) cluster.tick();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.byName.values()].map((cluster) => cluster.close()));
  }
}
