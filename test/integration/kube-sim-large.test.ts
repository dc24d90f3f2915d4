// Benchmark-sized cluster: 200 nodes, 1,000 deployments, 10,000 pods load in a few seconds and list
// quickly through @kubernetes/client-node. Prints the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeCluster, type LargeClusterSummary } from '../../src/sandbox/kube/index.js';
import { startSimulatedCluster, type SimulatedClusterHarness } from '../support/kube-sim.js';

let h: SimulatedClusterHarness;
let summary: LargeClusterSummary;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`kube-sim large cluster: ${label} in ${Math.round(performance.now() - started)} ms`);
  return result;
}

beforeAll(async () => {
  h = await startSimulatedCluster({ name: 'bench' });
  summary = generateLargeCluster(h.sim, {
    nodes: 200,
    deployments: 1000,
    podsTotal: 10_000,
    namespaces: 20,
    failingDeployments: 10,
  });
  console.log(`kube-sim large cluster: generated ${JSON.stringify(summary)}`);
});

afterAll(async () => {
  await h.sim.close();
});

describe('a large simulated cluster', () => {
  it('loads 200 nodes, 1,000 deployments and 10,000 pods in a few seconds', () => {
    expect(summary).toMatchObject({ nodes: 200, deployments: 1000, pods: 10_000, namespaces: 20 });
    expect(summary.elapsedMs).toBeLessThan(20_000);
  });

  it('lists every pod, node and deployment through the client', async () => {
    const pods = await timed('list 10,000 pods (all namespaces, first)', () =>
      h.core.listPodForAllNamespaces(),
    );
    expect(pods.items).toHaveLength(10_000);
    const again = await timed('list 10,000 pods (all namespaces, serialized objects cached)', () =>
      h.core.listPodForAllNamespaces(),
    );
    expect(again.metadata?.resourceVersion).toBe(pods.metadata?.resourceVersion);
    expect((await timed('list 200 nodes', () => h.core.listNode())).items).toHaveLength(200);
    expect(
      (await timed('list 1,000 deployments', () => h.apps.listDeploymentForAllNamespaces())).items,
    ).toHaveLength(1000);
  });

  it('answers selective lists quickly', async () => {
    const onNode = await timed('list the pods of one node by field selector', () =>
      h.core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName=node-0001' }),
    );
    expect(onNode.items.length).toBeGreaterThan(0);
    const team = await timed('list one namespace by label', () =>
      h.apps.listNamespacedDeployment({ namespace: 'team-001', labelSelector: 'tier=web' }),
    );
    expect(team.items).toHaveLength(50);
    const page = await timed('list a 500-pod page', () =>
      h.core.listPodForAllNamespaces({ limit: 500 }),
    );
    expect(page.metadata?.remainingItemCount).toBe(9500);
  });

  it('re-examines every workload on tick without rewriting what did not change', async () => {
    const before = h.sim.resourceVersion;
    await timed('tick over 1,000 deployments at the same instant', () =>
      Promise.resolve(h.sim.tick()),
    );
    expect(h.sim.resourceVersion).toBe(before);
    h.clock.advance(60_000);
    await timed('tick over 1,000 deployments one minute later', () =>
      Promise.resolve(h.sim.tick()),
    );
    const crashing = await h.core.listPodForAllNamespaces({
      labelSelector: 'app in (svc-0001,svc-0002)',
    });
    expect(
      crashing.items.every((p) => (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 2),
    ).toBe(true);
  });
});
