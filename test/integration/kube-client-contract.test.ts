// The app's Kubernetes client against the simulated API, checked against the Kubernetes API reference:
// the same REST paths (core kinds under /api/v1, workloads under /apis/apps/v1), list then watch with
// resume from the list's resourceVersion, patch content types, and the watch stream's framing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { ClusterRegistry } from '../../src/cluster/registry.js';
import { createLogger } from '../../src/log.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';

/** Resource → API group path, from the API reference (core v1 and apps/v1). */
const groupOf: Record<string, string> = {
  namespaces: '/api/v1',
  nodes: '/api/v1',
  pods: '/api/v1',
  events: '/api/v1',
  deployments: '/apis/apps/v1',
  replicasets: '/apis/apps/v1',
  statefulsets: '/apis/apps/v1',
  daemonsets: '/apis/apps/v1',
  controllerrevisions: '/apis/apps/v1',
};
const clusterScoped = new Set(['namespaces', 'nodes']);
const restPath =
  /^(\/api\/v1|\/apis\/apps\/v1)(?:\/namespaces\/([a-z0-9-]+))?\/([a-z]+)(?:\/([a-z0-9.-]+)(?:\/(log))?)?$/;

let sim: SimulatedCluster;
let registry: ClusterRegistry;
let dir: string;

beforeAll(async () => {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  sim = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  sim.addNode('node-1');
  sim.applyDeployment('shop', 'web', { image: 'shop/web:1', replicas: 2 });
  sim.setLogs('shop', 'web', ['GET / 200']);
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-contract-'));
  sim.writeKubeconfig(join(dir, 'kubeconfig'), 'prod-eu');
  registry = await ClusterRegistry.start({
    clusters: [{ name: 'prod-eu', context: 'prod-eu' }],
    kubeconfigPath: join(dir, 'kubeconfig'),
    clock,
    logger: createLogger('silent'),
    syncTimeoutMs: 5_000,
  });
  await vi.waitFor(
    () => expect(sim.requests.filter((r) => r.query.watch).length).toBeGreaterThanOrEqual(8),
    { timeout: 5_000 },
  );
  const pod = registry.requireSynced('prod-eu').pods('shop')[0]?.metadata?.name ?? '';
  await registry.podLogs('prod-eu', 'shop', pod, { tailLines: 10 });
});

afterAll(async () => {
  await registry?.stop();
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the client speaks the Kubernetes REST API as documented', () => {
  it('uses only documented paths, each resource under its own API group and scope', () => {
    const api = sim.requests.filter(
      (r) => !/^\/(api|apis)$|^\/version$|^\/apis\/[^/]+(\/[^/]+)?$/.test(r.path),
    );
    expect(api.length).toBeGreaterThan(8);
    for (const request of api) {
      const match = restPath.exec(request.path);
      expect(match, request.path).not.toBeNull();
      const [, group, namespace, resource = '', , subresource] = match ?? [];
      expect(groupOf[resource], request.path).toBe(group);
      if (clusterScoped.has(resource)) expect(namespace, request.path).toBeUndefined();
      if (subresource) expect([resource, request.method]).toEqual(['pods', 'GET']);
    }
  });

  it('lists, then watches from the resourceVersion the list returned (resume semantics)', () => {
    const watches = sim.requests.filter((r) => r.query.watch);
    for (const watch of watches) {
      expect(['true', '1']).toContain(watch.query.watch);
      expect(watch.query.resourceVersion, watch.path).toMatch(/^\d+$/);
      const listedBefore = sim.requests.some(
        (r) => r.path === watch.path && !r.query.watch && r.at <= watch.at,
      );
      expect(listedBefore, watch.path).toBe(true);
    }
    const warningWatch = watches.find((w) => w.path.endsWith('/events'));
    expect(warningWatch?.query.fieldSelector).toBe('type=Warning');
  });

  it('asks for logs with tailLines, as `kubectl logs --tail` does', () => {
    const log = sim.requests.find((r) => r.path.endsWith('/log'));
    expect(log?.query.tailLines).toBe('10');
  });

  it('serves a watch as newline-delimited JSON events of type ADDED/MODIFIED/DELETED/BOOKMARK/ERROR', async () => {
    const controller = new AbortController();
    const response = await fetch(
      `${sim.url}/apis/apps/v1/namespaces/shop/deployments?watch=true&resourceVersion=0`,
      {
        headers: { authorization: 'Bearer sandbox-token', accept: 'application/json' },
        signal: controller.signal,
      },
    );
    expect(response.headers.get('content-type')).toContain('application/json');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const event = JSON.parse(first.split('\n')[0] ?? '{}') as {
      type: string;
      object: { kind: string; apiVersion: string };
    };
    expect(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']).toContain(event.type);
    expect(event.object).toMatchObject({ kind: 'Deployment', apiVersion: 'apps/v1' });
  });
});
