// clusterHealth from a registry's cache over a simulated cluster with the usual ways things break:
// a crash loop, a bad image, an unschedulable pod past the grace, an OOMKilled container, a NotReady node.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { clusterHealth } from '../../src/cluster/health.js';
import { ClusterRegistry } from '../../src/cluster/registry.js';
import { createLogger } from '../../src/log.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';

let clock: ManualClock;
let sim: SimulatedCluster;
let registry: ClusterRegistry;
let dir: string;

beforeAll(async () => {
  clock = new ManualClock('2026-03-02T09:00:00Z');
  sim = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  sim.addNode('node-1');
  sim.addNode('node-2');
  sim.applyDeployment('shop', 'web', { replicas: 2, behaviour: 'CrashLoopBackOff' });
  sim.applyDeployment('shop', 'cart', { image: 'shop/cart:typo', behaviour: 'ImagePullBackOff' });
  sim.applyDeployment('shop', 'search', { behaviour: 'Pending' });
  sim.applyDeployment('payments', 'ledger', {
    behaviour: 'OOMKilled',
    resources: { limits: { memory: '128Mi' } },
  });
  sim.applyDeployment('shop', 'ok', { replicas: 2 });
  clock.advance(6 * 60_000);
  sim.tick();
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-health-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await sim.writeKubeconfig(kubeconfigPath, 'prod-eu');
  registry = await ClusterRegistry.start({
    clusters: [{ name: 'prod-eu', context: 'prod-eu' }],
    kubeconfigPath,
    clock,
    logger: createLogger('silent'),
  });
});

afterAll(async () => {
  await registry.stop();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('clusterHealth over the watch cache', () => {
  it('names what is broken, in plain words, and only what is', async () => {
    sim.applyDeployment('shop', 'queue', { behaviour: 'Pending' });
    sim.addNode('node-3');
    sim.setNodeReady('node-3', false);
    const snapshot = registry.requireSynced('prod-eu');
    await vi.waitFor(() => expect(snapshot.nodes()).toHaveLength(3));
    await vi.waitFor(() =>
      expect(snapshot.pods('shop').some((p) => p.metadata?.name?.startsWith('queue-'))).toBe(true),
    );
    const health = clusterHealth(snapshot, { now: clock.now() });

    expect(health.healthy).toBe(false);
    expect(health.nodes).toEqual({
      ready: 2,
      total: 3,
      notReady: [{ name: 'node-3', reason: 'not ready: KubeletNotReady' }],
    });
    expect(health.failingPods.map((f) => [f.namespace, f.workload, f.reason, f.pods])).toEqual([
      ['shop', 'web', 'CrashLoopBackOff', 2],
      ['payments', 'ledger', 'OOMKilled', 1],
      ['shop', 'cart', 'ImagePullBackOff', 1],
      ['shop', 'search', 'Pending', 1],
    ]);
    const byWorkload = new Map(health.failingPods.map((f) => [f.workload, f]));
    expect(byWorkload.get('web')?.restarts).toBeGreaterThanOrEqual(4);
    expect(byWorkload.get('ledger')?.message).toBe(
      'container ledger ran out of memory (limit 128Mi)',
    );
    expect(byWorkload.get('cart')?.message).toBe('Back-off pulling image "shop/cart:typo"');
    expect(byWorkload.get('search')?.message).toMatch(/^0\/\d nodes are available/);

    expect(health.degradedDeployments.map((d) => `${d.namespace}/${d.name}: ${d.reason}`)).toEqual([
      'payments/ledger: 1 of 1 replica unavailable',
      'shop/cart: 1 of 1 replica unavailable',
      'shop/search: 1 of 1 replica unavailable',
      'shop/web: 2 of 2 replicas unavailable',
    ]);
    expect(health.recentRollouts[0]).toMatchObject({
      namespace: 'shop',
      name: 'queue',
      revision: 1,
    });
    expect(health.recentRollouts.map((r) => r.name).sort()).toEqual([
      'cart',
      'ledger',
      'ok',
      'queue',
      'search',
      'web',
    ]);
    expect(health.topWarnings.map((w) => w.reason)).toEqual(
      expect.arrayContaining(['BackOff', 'FailedScheduling', 'Failed']),
    );
    expect(health.topWarnings[0]?.reason).toBe('BackOff');
  });

  it('looks only at the namespaces asked for, nodes aside', () => {
    const health = clusterHealth(registry.requireSynced('prod-eu'), {
      now: clock.now(),
      namespaces: ['payments'],
    });
    expect(health.failingPods.map((f) => f.workload)).toEqual(['ledger']);
    expect(health.degradedDeployments.map((d) => d.name)).toEqual(['ledger']);
    expect(health.recentRollouts.map((r) => r.name)).toEqual(['ledger']);
    expect(health.topWarnings.every((w) => w.example.includes('payments/'))).toBe(true);
    expect(health.nodes.total).toBe(3);
  });

  it('follows a fix: once the crash loop is rolled over to a working image, web is no longer listed', async () => {
    clock.advance(60_000);
    sim.applyDeployment('shop', 'web', {
      replicas: 2,
      image: 'shop/web:fixed',
      behaviour: 'Running',
    });
    const snapshot = registry.requireSynced('prod-eu');
    await vi.waitFor(() => {
      const health = clusterHealth(snapshot, { now: clock.now() });
      expect(health.failingPods.map((f) => f.workload)).not.toContain('web');
      expect(health.degradedDeployments.map((d) => d.name)).not.toContain('web');
      expect(health.recentRollouts[0]).toMatchObject({
        name: 'web',
        revision: 2,
        images: ['shop/web:fixed'],
      });
    });
  });
});
