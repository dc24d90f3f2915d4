// ClusterRegistry against two simulated clusters through one kubeconfig: caches fill and follow changes,
// objects are trimmed, dropped watches recover, RBAC refusals, unknown contexts and unreachable clusters
// become sentences, pod logs are read directly.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsV1Api, KubeConfig, type V1Deployment } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { ManualClock } from '../../src/clock.js';
import { ClusterRegistry, type RegistryOptions } from '../../src/cluster/registry.js';
import { createLogger } from '../../src/log.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import type { ClusterRef } from '../../src/config/schema.js';

interface KubeconfigDoc {
  clusters: unknown[];
  users: unknown[];
  contexts: unknown[];
}

let clock: ManualClock;
let prod: SimulatedCluster;
let staging: SimulatedCluster;
let dir: string;
let kubeconfigPath: string;
let logs: Array<{ level: string; msg: string; resource?: string }>;
const registries: ClusterRegistry[] = [];

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}`;
}

/** One kubeconfig file holding both simulated clusters' contexts, plus `gone` on a closed port. */
async function writeCombinedKubeconfig(): Promise<void> {
  const docs = [prod.kubeconfig('prod-eu'), staging.kubeconfig('staging')].map(
    (text) => parse(text) as KubeconfigDoc,
  );
  const gone = parse(prod.kubeconfig('gone')) as KubeconfigDoc & {
    clusters: Array<{ name: string; cluster: { server: string } }>;
  };
  const goneCluster = {
    name: 'gone',
    cluster: { ...gone.clusters[0]?.cluster, server: await closedPortUrl() },
  };
  const goneContext = { name: 'gone', context: { cluster: 'gone', user: 'prod-eu-user' } };
  const combined = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [...docs.flatMap((d) => d.clusters), goneCluster],
    users: docs.flatMap((d) => d.users),
    contexts: [...docs.flatMap((d) => d.contexts), goneContext],
    'current-context': 'prod-eu',
  };
  await writeFile(kubeconfigPath, stringify(combined), 'utf8');
}

async function startRegistry(clusters: ClusterRef[], extra: Partial<RegistryOptions> = {}) {
  const destination = {
    write: (line: string) => logs.push(JSON.parse(line) as (typeof logs)[number]),
  };
  const registry = await ClusterRegistry.start({
    clusters,
    kubeconfigPath,
    clock,
    logger: createLogger('debug', destination),
    syncTimeoutMs: 3_000,
    timing: { backoff: { initialMs: 50, maxMs: 400 }, requestTimeoutMs: 2_000 },
    ...extra,
  });
  registries.push(registry);
  return registry;
}

const both: ClusterRef[] = [
  { name: 'prod-eu', context: 'prod-eu' },
  { name: 'staging', context: 'staging' },
];

const names = (objects: Array<{ metadata?: { name?: string } }>) =>
  objects.map((o) => o.metadata?.name).sort();

beforeEach(async () => {
  clock = new ManualClock('2026-03-02T09:00:00Z');
  prod = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  staging = await SimulatedCluster.start({ clock, name: 'staging' });
  prod.addNode('node-1');
  prod.addNode('node-2');
  prod.applyDeployment('shop', 'web', { replicas: 2 });
  staging.addNode('stg-1');
  staging.applyDeployment('payments', 'api', { replicas: 1 });
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-cluster-'));
  kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await writeCombinedKubeconfig();
  logs = [];
});

afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.stop();
  await prod.close();
  await staging.close();
  await rm(dir, { recursive: true, force: true });
});

describe('watch caches', () => {
  it('fill for two clusters from one kubeconfig and follow changes', async () => {
    const registry = await startRegistry(both);
    expect(registry.names()).toEqual(['prod-eu', 'staging']);
    const eu = registry.requireSynced('prod-eu');
    expect(eu.state()).toMatchObject({
      name: 'prod-eu',
      synced: true,
      lastSyncedAt: clock.now(),
      lastError: null,
    });
    expect(names(eu.nodes())).toEqual(['node-1', 'node-2']);
    expect(names(eu.deployments('shop'))).toEqual(['web']);
    expect(eu.pods('shop')).toHaveLength(2);
    expect(names(registry.requireSynced('staging').deployments())).toEqual(['api']);
    expect(registry.snapshot('staging').deployments('shop')).toEqual([]);

    prod.applyDeployment('shop', 'cart', { replicas: 1 });
    prod.applyDeployment('shop', 'web', { replicas: 3 });
    await vi.waitFor(() => {
      expect(names(eu.deployments('shop'))).toEqual(['cart', 'web']);
      expect(eu.pods('shop')).toHaveLength(4);
    });
    const cart = eu.deployments('shop').find((d) => d.metadata?.name === 'cart');
    expect(cart?.metadata?.creationTimestamp).toBeInstanceOf(Date);
    prod.deleteObject('Deployment', 'shop', 'cart');
    await vi.waitFor(() => expect(names(eu.deployments())).toEqual(['web']));
  });

  it('keep objects without managedFields or the last-applied annotation, listed or watched', async () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(prod.kubeconfig());
    const apps = kubeConfig.makeApiClient(AppsV1Api);
    const applied = (name: string): V1Deployment => ({
      metadata: {
        name,
        namespace: 'shop',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"big":"json"}',
          team: 'shop',
        },
        managedFields: [
          { manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' },
        ],
      },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name, image: `${name}:1` }] },
        },
      },
    });
    await apps.createNamespacedDeployment({ namespace: 'shop', body: applied('listed') });
    const registry = await startRegistry(both);
    await apps.createNamespacedDeployment({ namespace: 'shop', body: applied('watched') });
    const eu = registry.snapshot('prod-eu');
    await vi.waitFor(() =>
      expect(names(eu.deployments('shop'))).toEqual(['listed', 'watched', 'web']),
    );
    for (const name of ['listed', 'watched']) {
      const cached = eu.deployments('shop').find((d) => d.metadata?.name === name);
      expect(cached?.metadata?.managedFields).toBeUndefined();
      expect(Object.keys(cached?.metadata?.annotations ?? {}).sort()).toEqual([
        'deployment.kubernetes.io/revision',
        'team',
      ]);
    }
  });

  it('recover from dropped watches and catch up, also when the missed history was compacted', async () => {
    const registry = await startRegistry(both);
    const eu = registry.snapshot('prod-eu');
    prod.faults.dropWatches();
    prod.applyDeployment('shop', 'cart', { replicas: 1 });
    await vi.waitFor(() => expect(names(eu.deployments('shop'))).toEqual(['cart', 'web']));
    expect(logs.some((l) => l.level === 'warn' && /could not be reached/.test(l.msg))).toBe(true);

    prod.faults.dropWatches();
    prod.deleteObject('Deployment', 'shop', 'web');
    prod.compactHistory();
    await vi.waitFor(() => {
      expect(names(eu.deployments('shop'))).toEqual(['cart']);
      expect(eu.state().synced).toBe(true);
    });
    expect(eu.pods('shop').every((p) => p.metadata?.name?.startsWith('cart-'))).toBe(true);
  });
});

describe('refusals and failures', () => {
  it('say in a sentence which resource the service account may not list, and keep the rest working', async () => {
    staging.faults.forbid('list', 'pods');
    prod.faults.forbid('list', 'events');
    const registry = await startRegistry(both);
    const state = registry.snapshot('staging').state();
    expect(state.synced).toBe(false);
    const sentence =
      "the bot's service account may not list pods on staging — see manifest/kubernetes RBAC";
    expect(state.lastError).toBe(sentence);
    expect(state.resources.find((r) => r.resource === 'pods')).toEqual({
      resource: 'pods',
      synced: false,
      lastError: sentence,
    });
    expect(() => registry.requireSynced('staging')).toThrow(sentence);

    const eu = registry.requireSynced('prod-eu');
    expect(eu.state()).toMatchObject({
      synced: true,
      lastError:
        "the bot's service account may not list events on prod-eu — see manifest/kubernetes RBAC",
    });
    expect(eu.warningEvents()).toEqual([]);
  });

  it('name an unknown context and an unknown cluster, and still watch the others', async () => {
    const registry = await startRegistry([...both, { name: 'qa', context: 'qa-ctx' }]);
    const sentence = `context "qa-ctx" of cluster qa is not in the kubeconfig ${kubeconfigPath} (known contexts: prod-eu, staging, gone); qa is not watched`;
    expect(registry.snapshot('qa').state()).toMatchObject({ synced: false, lastError: sentence });
    expect(() => registry.requireSynced('qa')).toThrow(sentence);
    expect(() => registry.api('qa')).toThrow(sentence);
    expect(registry.requireSynced('prod-eu').nodes()).toHaveLength(2);
    expect(() => registry.snapshot('prod')).toThrow(
      'there is no cluster prod; known clusters: prod-eu, staging, qa',
    );
  });

  it('refuse an unreachable cluster with how long it has been silent and when it was last seen', async () => {
    const started = Date.now();
    const registry = await startRegistry([...both, { name: 'gone', context: 'gone' }], {
      syncTimeoutMs: 1_000,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(registry.snapshot('gone').state()).toMatchObject({ synced: false, lastSyncedAt: null });
    expect(() => registry.requireSynced('gone')).toThrow(
      'cluster gone did not answer for 1 s; not reached since the bot started',
    );
    expect(registry.requireSynced('staging').deployments()).toHaveLength(1);

    const lost = clock.now();
    await staging.close();
    await vi.waitFor(() => expect(registry.snapshot('staging').state().synced).toBe(false));
    expect(registry.requireSynced('staging').deployments()).toHaveLength(1);
    clock.advance(3 * 60_000);
    expect(registry.snapshot('staging').state().lastSyncedAt).toEqual(lost);
    expect(() => registry.requireSynced('staging')).toThrow(
      'cluster staging did not answer for 3 min; last seen 3 min ago',
    );
  });
});

describe('pod logs', () => {
  it('tail the lines of a container and explain the refusals', async () => {
    prod.setLogs('shop', 'web', ['starting', 'listening on :8080', 'GET /healthz 200']);
    const registry = await startRegistry(both);
    const pod = registry.requireSynced('prod-eu').pods('shop')[0]?.metadata?.name ?? '';
    await expect(registry.podLogs('prod-eu', 'shop', pod, { tailLines: 2 })).resolves.toBe(
      'listening on :8080\nGET /healthz 200\n',
    );
    await expect(
      registry.podLogs('prod-eu', 'shop', pod, { tailLines: 5, previous: true }),
    ).rejects.toThrow(`container web of pod ${pod} has not restarted, so it has no previous logs`);
    await expect(registry.podLogs('prod-eu', 'shop', 'web-123', { tailLines: 5 })).rejects.toThrow(
      'no pod web-123 in shop',
    );
    prod.faults.forbid('get', 'pods/log', 'shop');
    await expect(registry.podLogs('prod-eu', 'shop', pod, { tailLines: 5 })).rejects.toThrow(
      "the bot's service account may not get pods/log in shop on prod-eu — see manifest/kubernetes RBAC",
    );
    prod.faults.clear();
    prod.faults.failNext('get', 'pods/log', 503);
    await expect(registry.podLogs('prod-eu', 'shop', pod, { tailLines: 5 })).rejects.toThrow(
      'cluster prod-eu answered with a server error (HTTP 503); try again in a minute',
    );
  });
});

describe('stop', () => {
  it('ends every watch without reporting its own aborts as errors', async () => {
    const registry = await startRegistry(both);
    registries.splice(registries.indexOf(registry), 1);
    logs.length = 0;
    await registry.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logs.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
    expect(prod.requests.filter((r) => r.query.watch === 'true').length).toBeGreaterThanOrEqual(8);
  });
});
