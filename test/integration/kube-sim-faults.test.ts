// Fault injection as a client meets it: RBAC refusals worded like kube-apiserver's, failing and slow
// answers, and the record of every request the cluster received.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
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
  h.sim.applyDeployment('shop', 'web', {});
  h.sim.applyDeployment('payments', 'api', {});
});

afterEach(async () => {
  await h.sim.close();
});

const user = 'system:serviceaccount:watchkeeper:watchkeeper';

describe('faults', () => {
  it('forbids a verb on a resource, in one namespace or everywhere, with the RBAC message', async () => {
    h.sim.faults.forbid('list', 'pods', 'shop');
    const listed = await refusal(h.core.listNamespacedPod({ namespace: 'shop' }));
    expect(listed.code).toBe(403);
    expect(listed.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `pods is forbidden: User "${user}" cannot list resource "pods" in API group "" in the namespace "shop"`,
      reason: 'Forbidden',
      details: { kind: 'pods' },
      code: 403,
    });
    expect((await h.core.listNamespacedPod({ namespace: 'payments' })).items).toHaveLength(1);
    h.sim.faults.forbid('patch', 'deployments');
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const patched = await refusal(
      h.apps.patchNamespacedDeployment(
        { name: 'web', namespace: 'shop', body: { spec: { replicas: 2 } } },
        merge,
      ),
    );
    expect(patched.status.message).toBe(
      `deployments.apps "web" is forbidden: User "${user}" cannot patch resource "deployments" in API group "apps" in the namespace "shop"`,
    );
    expect(patched.status.details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' });
    h.sim.faults.forbid('list', 'nodes');
    const nodes = await refusal(h.core.listNode());
    expect(nodes.status.message).toBe(
      `nodes is forbidden: User "${user}" cannot list resource "nodes" in API group "" at the cluster scope`,
    );
    h.sim.faults.forbid('get', 'pods/log');
    const pod =
      (await h.core.listNamespacedPod({ namespace: 'payments' })).items[0]?.metadata?.name ?? '';
    const logs = await refusal(h.core.readNamespacedPodLog({ name: pod, namespace: 'payments' }));
    expect(logs.status.message).toContain('cannot get resource "pods/log" in API group ""');
    h.sim.faults.clear();
    expect((await h.core.listNamespacedPod({ namespace: 'shop' })).items).toHaveLength(1);
  });

  it('fails the next requests with the given status, then answers again', async () => {
    h.sim.faults.failNext('list', 'deployments', 503, 2);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await refusal(h.apps.listNamespacedDeployment({ namespace: 'shop' }));
      expect([failed.code, failed.status.reason]).toEqual([503, 'ServiceUnavailable']);
    }
    expect((await h.apps.listNamespacedDeployment({ namespace: 'shop' })).items).toHaveLength(1);
    h.sim.faults.failNext('get', 'deployments');
    const internal = await refusal(
      h.apps.readNamespacedDeployment({ name: 'web', namespace: 'shop' }),
    );
    expect([internal.code, internal.status.reason]).toEqual([500, 'InternalError']);
  });

  it('slows matching answers down', async () => {
    h.sim.faults.slow(300, 'get', 'deployments');
    const started = performance.now();
    await h.apps.readNamespacedDeployment({ name: 'web', namespace: 'shop' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const quick = performance.now();
    await h.apps.listNamespacedDeployment({ namespace: 'shop' });
    expect(performance.now() - quick).toBeLessThan(290);
  });

  it('records method, path, query, content type and body of every request', async () => {
    const strategic = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    const body = {
      spec: { template: { spec: { containers: [{ name: 'web', image: 'shop/web:2.0' }] } } },
    };
    await h.apps.patchNamespacedDeployment({ name: 'web', namespace: 'shop', body }, strategic);
    await h.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=web' });
    const [patch, list] = h.sim.requests.slice(-2);
    expect(patch).toEqual({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/shop/deployments/web',
      query: {},
      contentType: 'application/strategic-merge-patch+json',
      body,
      at: h.clock.now(),
    });
    expect(list).toMatchObject({
      method: 'GET',
      path: '/api/v1/namespaces/shop/pods',
      query: { labelSelector: 'app=web' },
    });
  });
});
