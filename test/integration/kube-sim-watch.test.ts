// Watches and informers against the simulated API: add/update/delete, resuming from a
// resourceVersion, 410 Expired outside the retained window, dropped connections, filtered watches.
import {
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  Watch,
  type V1Deployment,
} from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulatedCluster, type SimulatedClusterHarness } from '../support/kube-sim.js';

let h: SimulatedClusterHarness;
const aborts: AbortController[] = [];

beforeEach(async () => {
  h = await startSimulatedCluster({ historySize: 20 });
  h.sim.addNode('node-1');
  h.sim.applyDeployment('shop', 'web', { replicas: 1 });
});

afterEach(async () => {
  for (const abort of aborts.splice(0)) abort.abort();
  await h.sim.close();
});

interface Seen {
  type: string;
  name?: string;
  object: {
    kind?: string;
    code?: number;
    reason?: string;
    message?: string;
    metadata?: { name?: string; resourceVersion?: string };
  };
}

async function watch(
  path: string,
  query: Record<string, string>,
): Promise<{ events: Seen[]; done: { ended: boolean; error: unknown } }> {
  const events: Seen[] = [];
  const done = { ended: false, error: undefined as unknown };
  const controller = await new Watch(h.kubeConfig).watch(
    path,
    query,
    (type, object: Seen['object']) => events.push({ type, name: object.metadata?.name, object }),
    (error) => Object.assign(done, { ended: true, error }),
  );
  aborts.push(controller);
  return { events, done };
}

function deploymentInformer() {
  return makeInformer<V1Deployment>(h.kubeConfig, '/apis/apps/v1/namespaces/shop/deployments', () =>
    h.apps.listNamespacedDeployment({ namespace: 'shop' }),
  );
}

describe('informers', () => {
  it('see adds, updates and deletes made through the scenario API and the REST API', async () => {
    const informer = deploymentInformer();
    const seen: string[] = [];
    informer.on('add', (d) => seen.push(`add ${d.metadata?.name}`));
    informer.on('update', (d) =>
      seen.push(`update ${d.metadata?.name} gen ${d.metadata?.generation}`),
    );
    informer.on('delete', (d) => seen.push(`delete ${d.metadata?.name}`));
    await informer.start();
    await vi.waitFor(() => expect(seen).toContain('add web'));
    h.sim.applyDeployment('shop', 'cart', {});
    h.sim.applyDeployment('shop', 'web', { replicas: 1, image: 'shop/web:2.0' });
    await h.apps.deleteNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    await vi.waitFor(() =>
      expect(seen).toEqual(expect.arrayContaining(['add cart', 'update web gen 2', 'delete cart'])),
    );
    expect(informer.list().map((d) => d.metadata?.name)).toEqual(['web']);
    await informer.stop();
  });

  it('emit an error when the watch connection drops and pick up changes again once restarted', async () => {
    const informer = deploymentInformer();
    const errors: unknown[] = [];
    informer.on('error', (error) => errors.push(error));
    await informer.start();
    await vi.waitFor(() => expect(informer.list()).toHaveLength(1));
    h.sim.faults.dropWatches();
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    h.sim.applyDeployment('shop', 'cart', {});
    h.sim.compactHistory();
    h.sim.deleteObject('Deployment', 'shop', 'web');
    await informer.start();
    await vi.waitFor(() => expect(informer.list().map((d) => d.metadata?.name)).toEqual(['cart']));
    const deploymentRequests = h.sim.requests.filter(
      (r) => r.path === '/apis/apps/v1/namespaces/shop/deployments',
    );
    expect(deploymentRequests.filter((r) => r.query.watch !== 'true')).toHaveLength(2);
    await informer.stop();
  });
});

describe('watch', () => {
  it('streams only what happened after the resourceVersion it resumes from', async () => {
    const list = await h.apps.listNamespacedDeployment({ namespace: 'shop' });
    h.sim.applyDeployment('shop', 'cart', {});
    const { events } = await watch('/apis/apps/v1/namespaces/shop/deployments', {
      resourceVersion: list.metadata?.resourceVersion ?? '',
    });
    await vi.waitFor(() =>
      expect(events.some((e) => e.type === 'ADDED' && e.name === 'cart')).toBe(true),
    );
    expect(events.some((e) => e.name === 'web' && e.type === 'ADDED')).toBe(false);
    h.sim.deleteObject('Deployment', 'shop', 'cart');
    await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ type: 'DELETED', name: 'cart' }));
  });

  it('starts with the current state as ADDED events when no resourceVersion is given', async () => {
    const { events } = await watch('/api/v1/namespaces/shop/pods', {});
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({ type: 'ADDED', object: { kind: 'Pod' } });
  });

  it('answers a resume from outside the retained window with ERROR 410 Expired and ends the stream', async () => {
    const stale = String(h.sim.resourceVersion);
    for (let i = 0; i < 25; i += 1)
      h.sim.applyDeployment('shop', 'web', { replicas: 1, env: { ROUND: String(i) } });
    const { events, done } = await watch('/apis/apps/v1/namespaces/shop/deployments', {
      resourceVersion: stale,
    });
    await vi.waitFor(() => expect(done.ended).toBe(true));
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('ERROR');
    expect(events[0]?.object).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: expect.stringMatching(
        new RegExp(`^too old resource version: ${stale} \\(\\d+\\)$`),
      ) as unknown,
      reason: 'Expired',
      code: 410,
    });
  });

  it('shows a filtered watch objects leaving the selector as DELETED and entering as ADDED', async () => {
    h.sim.applyDeployment('shop', 'cart', { labels: { tier: 'web' } });
    const { events } = await watch('/apis/apps/v1/namespaces/shop/deployments', {
      labelSelector: 'tier=web',
    });
    await vi.waitFor(() =>
      expect(events.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED cart']),
    );
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    await h.apps.patchNamespacedDeployment(
      { name: 'cart', namespace: 'shop', body: { metadata: { labels: { tier: 'batch' } } } },
      merge,
    );
    await h.apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'shop', body: { metadata: { labels: { tier: 'web' } } } },
      merge,
    );
    await vi.waitFor(() =>
      expect(events.map((e) => `${e.type} ${e.name}`)).toEqual([
        'ADDED cart',
        'DELETED cart',
        'ADDED web',
      ]),
    );
  });

  it('sends BOOKMARK events on tick to watches that allow them', async () => {
    const { events } = await watch('/api/v1/namespaces/shop/pods', {
      resourceVersion: String(h.sim.resourceVersion),
      allowWatchBookmarks: 'true',
    });
    await vi.waitFor(() =>
      expect(h.sim.requests.some((r) => r.query.allowWatchBookmarks === 'true')).toBe(true),
    );
    h.sim.tick();
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['BOOKMARK']));
    expect(events[0]?.object).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(h.sim.resourceVersion), creationTimestamp: null },
    });
  });
});
