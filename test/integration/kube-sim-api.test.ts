// The simulated API as @kubernetes/client-node sees it: discovery, list with selectors and paging,
// create/delete with garbage collection, and Status bodies for refusals.
import {
  ApisApi,
  AppsV1Api,
  CoreApi,
  KubeConfig,
  VersionApi,
  type V1Deployment,
} from '@kubernetes/client-node';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  refusal,
  startSimulatedCluster,
  type SimulatedClusterHarness,
} from '../support/kube-sim.js';

let h: SimulatedClusterHarness;

beforeEach(async () => {
  h = await startSimulatedCluster();
  h.sim.addNode('node-1');
  h.sim.addNode('node-2');
  h.sim.applyDeployment('shop', 'web', { replicas: 2, labels: { tier: 'web', team: 'shop' } });
  h.sim.applyDeployment('shop', 'worker', { replicas: 1, labels: { tier: 'worker' } });
  h.sim.applyDeployment('shop', 'cron', { replicas: 1, labels: { tier: 'batch', team: 'shop' } });
  h.sim.applyDeployment('payments', 'api', { replicas: 3, labels: { tier: 'web' } });
});

afterEach(async () => {
  await h.sim.close();
});

const names = (list: { items: { metadata?: { name?: string } }[] }) =>
  list.items.map((i) => i.metadata?.name);

describe('discovery', () => {
  it('answers /version, /api, /apis and the resource lists the client asks for', async () => {
    expect((await h.kubeConfig.makeApiClient(VersionApi).getCode()).gitVersion).toMatch(
      /^v1\.\d+\.\d+$/,
    );
    expect((await h.kubeConfig.makeApiClient(CoreApi).getAPIVersions()).versions).toEqual(['v1']);
    const groups = await h.kubeConfig.makeApiClient(ApisApi).getAPIVersions();
    expect(groups.groups.map((g) => g.preferredVersion?.groupVersion)).toEqual(['apps/v1']);
    const apps = await h.apps.getAPIResources();
    expect(apps.groupVersion).toBe('apps/v1');
    expect(apps.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'deployments',
        'replicasets',
        'statefulsets',
        'daemonsets',
        'controllerrevisions',
        'deployments/status',
      ]),
    );
    const core = await h.core.getAPIResources();
    expect(core.resources.find((r) => r.name === 'pods/log')?.verbs).toEqual(['get']);
  });

  it('writes a kubeconfig file whose named context reaches the cluster', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kube-sim-')), 'config');
    h.sim.writeKubeconfig(path, 'prod-eu');
    const fromFile = new KubeConfig();
    fromFile.loadFromFile(path);
    expect(fromFile.getCurrentContext()).toBe('prod-eu');
    expect(fromFile.getCurrentCluster()).toMatchObject({ server: h.sim.url, skipTLSVerify: true });
    const list = await fromFile
      .makeApiClient(AppsV1Api)
      .listNamespacedDeployment({ namespace: 'payments' });
    expect(names(list)).toEqual(['api']);
  });

  it('refuses a client without the bearer token with 401', async () => {
    const stranger = new KubeConfig();
    stranger.loadFromString(h.sim.kubeconfig().replace('sandbox-token', 'wrong-token'));
    const { code } = await refusal(
      stranger.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: 'shop' }),
    );
    expect(code).toBe(401);
  });
});

describe('list', () => {
  it('filters by label selector with =, ==, !=, in, notin, exists and !exists', async () => {
    const select = async (labelSelector: string) =>
      names(await h.apps.listNamespacedDeployment({ namespace: 'shop', labelSelector }));
    expect(await select('tier=web')).toEqual(['web']);
    expect(await select('tier==web')).toEqual(['web']);
    expect(await select('tier!=web')).toEqual(['cron', 'worker']);
    expect(await select('tier in (web, batch)')).toEqual(['cron', 'web']);
    expect(await select('tier notin (web,batch)')).toEqual(['worker']);
    expect(await select('team')).toEqual(['cron', 'web']);
    expect(await select('!team')).toEqual(['worker']);
    expect(await select('team=shop,tier!=batch')).toEqual(['web']);
    const { code, status } = await refusal(select('tier in web'));
    expect([code, status.reason]).toEqual([400, 'BadRequest']);
  });

  it('lists across namespaces in key order with the list resourceVersion, items without kind', async () => {
    const all = await h.apps.listDeploymentForAllNamespaces({ labelSelector: 'tier=web' });
    expect(all.items.map((d) => `${d.metadata?.namespace}/${d.metadata?.name}`)).toEqual([
      'payments/api',
      'shop/web',
    ]);
    expect(all.metadata?.resourceVersion).toBe(String(h.sim.resourceVersion));
    expect(all.kind).toBe('DeploymentList');
    expect(all.items[0]?.kind).toBeUndefined();
    const pods = await h.core.listPodForAllNamespaces({ labelSelector: 'app=api' });
    expect(pods.items).toHaveLength(3);
    expect(pods.items.every((p) => p.metadata?.ownerReferences?.[0]?.kind === 'ReplicaSet')).toBe(
      true,
    );
  });

  it('filters by the field selectors the real server supports and refuses others', async () => {
    h.sim.applyDeployment('shop', 'stuck', { behaviour: { kind: 'Pending' } });
    const pending = await h.core.listNamespacedPod({
      namespace: 'shop',
      fieldSelector: 'status.phase=Pending',
    });
    expect(names(pending)).toEqual([expect.stringMatching(/^stuck-/)]);
    const onNode = await h.core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName=node-1' });
    expect(onNode.items.length).toBeGreaterThan(0);
    expect(onNode.items.every((p) => p.spec?.nodeName === 'node-1')).toBe(true);
    const podName = pending.items[0]?.metadata?.name ?? '';
    const events = await h.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: `involvedObject.name=${podName},type=Warning`,
    });
    expect(events.items.map((e) => e.reason)).toEqual(['FailedScheduling']);
    const byName = await h.apps.listNamespacedDeployment({
      namespace: 'shop',
      fieldSelector: 'metadata.name!=web',
    });
    expect(names(byName)).toEqual(['cron', 'stuck', 'worker']);
    const { code, status } = await refusal(
      h.core.listNamespacedPod({ namespace: 'shop', fieldSelector: 'spec.image=x' }),
    );
    expect([code, status.reason, status.message]).toEqual([
      400,
      'BadRequest',
      'field label not supported: spec.image',
    ]);
  });

  it('pages with limit and continue', async () => {
    const first = await h.core.listPodForAllNamespaces({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.metadata?.remainingItemCount).toBe(4);
    const second = await h.core.listPodForAllNamespaces({
      limit: 3,
      _continue: first.metadata?._continue ?? '',
    });
    const third = await h.core.listPodForAllNamespaces({
      limit: 3,
      _continue: second.metadata?._continue ?? '',
    });
    expect(third.metadata?._continue).toBeUndefined();
    const paged = [...first.items, ...second.items, ...third.items].map((p) => p.metadata?.name);
    expect(paged).toEqual(names(await h.core.listPodForAllNamespaces()));
  });
});

describe('create, get and delete', () => {
  const manifest = (name: string): V1Deployment => ({
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: `shop/${name}:1.0` }] },
      },
    },
  });

  it('creates through the API, runs the controller and garbage-collects on delete', async () => {
    const created = await h.apps.createNamespacedDeployment({
      namespace: 'shop',
      body: manifest('cart'),
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.generation).toBe(1);
    expect(created.spec?.revisionHistoryLimit).toBe(10);
    expect(created.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    const read = await h.apps.readNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    expect(read.status?.availableReplicas).toBe(2);
    expect(read.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const deleted = await h.apps.deleteNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    expect(deleted.status).toBe('Success');
    expect(
      names(
        await h.apps.listNamespacedReplicaSet({ namespace: 'shop', labelSelector: 'app=cart' }),
      ),
    ).toEqual([]);
    expect(
      names(await h.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=cart' })),
    ).toEqual([]);
  });

  it('lets the ReplicaSet replace a pod deleted through the API', async () => {
    const [victim] = (
      await h.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=web' })
    ).items;
    const deleted = await h.core.deleteNamespacedPod({
      name: victim?.metadata?.name ?? '',
      namespace: 'shop',
    });
    expect(deleted.metadata?.uid).toBe(victim?.metadata?.uid);
    const after = await h.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=web' });
    expect(after.items).toHaveLength(2);
    expect(names(after)).not.toContain(victim?.metadata?.name);
  });

  it('answers NotFound, AlreadyExists and a missing namespace with real Status objects', async () => {
    const missing = await refusal(
      h.apps.readNamespacedDeployment({ name: 'nope', namespace: 'shop' }),
    );
    expect(missing.code).toBe(404);
    expect(missing.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404,
    });
    const duplicate = await refusal(
      h.apps.createNamespacedDeployment({ namespace: 'shop', body: manifest('web') }),
    );
    expect([duplicate.code, duplicate.status.reason, duplicate.status.message]).toEqual([
      409,
      'AlreadyExists',
      'deployments.apps "web" already exists',
    ]);
    const nowhere = await refusal(
      h.apps.createNamespacedDeployment({ namespace: 'ghost', body: manifest('x') }),
    );
    expect([nowhere.code, nowhere.status.message]).toEqual([404, 'namespaces "ghost" not found']);
  });
});
