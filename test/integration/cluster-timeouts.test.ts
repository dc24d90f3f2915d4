// A cluster that stops answering: a LIST or a watch that hangs is cut by its timeout, the cache says the
// cluster did not answer, and it catches up by itself once the cluster answers again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { ClusterRegistry } from '../../src/cluster/registry.js';
import { createLogger } from '../../src/log.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';

let clock: ManualClock;
let sim: SimulatedCluster;
let dir: string;
let registry: ClusterRegistry | undefined;

beforeEach(async () => {
  clock = new ManualClock('2026-03-02T09:00:00Z');
  sim = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  sim.applyDeployment('shop', 'web', { replicas: 2 });
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-timeouts-'));
});

afterEach(async () => {
  await registry?.stop();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<ClusterRegistry> {
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await sim.writeKubeconfig(kubeconfigPath, 'prod-eu');
  registry = await ClusterRegistry.start({
    clusters: [{ name: 'prod-eu', context: 'prod-eu' }],
    kubeconfigPath,
    clock,
    logger: createLogger('silent'),
    syncTimeoutMs: 2_000,
    timing: {
      backoff: { initialMs: 50, maxMs: 200 },
      requestTimeoutMs: 300,
      connectTimeoutMs: 300,
    },
  });
  return registry;
}

it.each([
  ['a watch', 'watch'],
  ['a LIST', 'list'],
])('cuts %s that hangs, says so, and catches up once the cluster answers', async (_name, verb) => {
  sim.faults.slow(5_000, verb, 'pods');
  const registry = await start();
  const state = registry.snapshot('prod-eu').state();
  expect(state.synced).toBe(false);
  expect(state.resources.find((r) => r.resource === 'pods')?.lastError).toBe(
    'cluster prod-eu did not answer in time',
  );
  expect(state.resources.filter((r) => r.synced).map((r) => r.resource)).toContain('deployments');
  expect(() => registry.requireSynced('prod-eu')).toThrow(
    'cluster prod-eu did not answer for 2 s; not reached since the bot started',
  );
  sim.faults.clear();
  await vi.waitFor(() => expect(registry.requireSynced('prod-eu').pods('shop')).toHaveLength(2), {
    timeout: 5_000,
  });
});
