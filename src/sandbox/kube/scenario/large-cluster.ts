// A cluster of benchmark size: nodes, namespaces and deployments whose pods add up to `podsTotal`,
// a few of them failing, loaded through the same controllers as any scenario.
import type { SimulatedCluster } from '../cluster.js';

export interface LargeClusterOptions {
  nodes: number;
  deployments: number;
  podsTotal: number;
  namespaces: number;
  /** Deployments whose pods crash-loop (default: none). */
  failingDeployments?: number;
}

export interface LargeClusterSummary {
  nodes: number;
  namespaces: number;
  deployments: number;
  pods: number;
  elapsedMs: number;
}

export function generateLargeCluster(
  sim: SimulatedCluster,
  options: LargeClusterOptions,
): LargeClusterSummary {
  const started = performance.now();
  for (let i = 0; i < options.nodes; i += 1) {
    sim.addNode(`node-${String(i + 1).padStart(4, '0')}`, { zone: `zone-${'abc'[i % 3] ?? 'a'}` });
  }
  const namespaces = Array.from(
    { length: options.namespaces },
    (_, i) => `team-${String(i + 1).padStart(3, '0')}`,
  );
  for (const namespace of namespaces) sim.addNamespace(namespace, { team: namespace });
  const base = Math.floor(options.podsTotal / options.deployments);
  const extra = options.podsTotal % options.deployments;
  const failing = options.failingDeployments ?? 0;
  for (let i = 0; i < options.deployments; i += 1) {
    const namespace = namespaces[i % namespaces.length] ?? 'default';
    const name = `svc-${String(i + 1).padStart(4, '0')}`;
    sim.applyDeployment(namespace, name, {
      image: `registry.example.com/${name}:1.${i % 7}.0`,
      replicas: base + (i < extra ? 1 : 0),
      labels: { tier: i % 2 === 0 ? 'web' : 'worker' },
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
      ...(i < failing ? { behaviour: 'CrashLoopBackOff' as const } : {}),
    });
  }
  return {
    nodes: options.nodes,
    namespaces: namespaces.length,
    deployments: options.deployments,
    pods: options.podsTotal,
    elapsedMs: Math.round(performance.now() - started),
  };
}
