// Patching through @kubernetes/client-node: JSON patch with `test` guards, merge patch, strategic
// merge patch (containers and env merged by name), update conflicts and status kept apart.
import { PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  refusal,
  startSimulatedCluster,
  type SimulatedClusterHarness,
} from '../support/kube-sim.js';

let h: SimulatedClusterHarness;
const strategic = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

beforeEach(async () => {
  h = await startSimulatedCluster();
  h.sim.addNode('node-1');
  h.sim.applyDeployment('shop', 'web', {
    replicas: 1,
    containers: [
      { name: 'app', image: 'shop/web:1.0', env: { A: '1', B: '1' } },
      { name: 'proxy', image: 'envoy:1.30' },
    ],
  });
});

afterEach(async () => {
  await h.sim.close();
});

const read = () => h.apps.readNamespacedDeployment({ name: 'web', namespace: 'shop' });
const patch = (body: unknown, options?: ReturnType<typeof setHeaderOptions>) =>
  h.apps.patchNamespacedDeployment({ name: 'web', namespace: 'shop', body }, options);

describe('JSON patch', () => {
  it('is what the client sends by default, and applies when its test holds', async () => {
    const before = await read();
    const image = 'shop/web:2.0';
    const updated = await patch([
      { op: 'test', path: '/metadata/resourceVersion', value: before.metadata?.resourceVersion },
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: image },
    ]);
    expect(updated.spec?.template.spec?.containers[0]?.image).toBe(image);
    expect(updated.metadata?.generation).toBe(2);
    expect(h.sim.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      path: '/apis/apps/v1/namespaces/shop/deployments/web',
    });
  });

  it('answers a failed test with 422 Invalid and changes nothing', async () => {
    const before = await read();
    const { code, status } = await refusal(
      patch([
        { op: 'test', path: '/metadata/resourceVersion', value: '1' },
        { op: 'replace', path: '/spec/replicas', value: 5 },
      ]),
    );
    expect(code).toBe(422);
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    });
    expect((await read()).metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
  });

  it('answers a malformed patch with 400 BadRequest', async () => {
    const { code, status } = await refusal(patch([{ op: 'replace', value: 3 }]));
    expect([code, status.reason]).toEqual([400, 'BadRequest']);
  });
});

describe('merge and strategic merge patch', () => {
  it('merge patch replaces lists whole; strategic merge merges containers and env by name', async () => {
    await patch(
      {
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'app',
                  image: 'shop/web:2.0',
                  env: [
                    { name: 'B', value: '2' },
                    { name: 'C', value: '3' },
                  ],
                },
              ],
            },
          },
        },
      },
      strategic,
    );
    const merged = (await read()).spec?.template.spec?.containers ?? [];
    expect(merged.map((c) => `${c.name}=${c.image}`)).toEqual([
      'app=shop/web:2.0',
      'proxy=envoy:1.30',
    ]);
    expect(merged[0]?.env?.map((e) => `${e.name}=${e.value}`)).toEqual(['A=1', 'B=2', 'C=3']);
    await patch(
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'shop/web:3.0' }] } } } },
      merge,
    );
    const replaced = (await read()).spec?.template.spec?.containers ?? [];
    expect(replaced.map((c) => `${c.name}=${c.image}`)).toEqual(['app=shop/web:3.0']);
    expect(replaced[0]?.env).toBeUndefined();
  });

  it('honours $patch: delete in a merged list and $patch: replace on a map', async () => {
    await patch(
      {
        spec: {
          template: {
            spec: { containers: [{ name: 'app', env: [{ name: 'A', $patch: 'delete' }] }] },
          },
        },
      },
      strategic,
    );
    expect((await read()).spec?.template.spec?.containers[0]?.env?.map((e) => e.name)).toEqual([
      'B',
    ]);
    const template = {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'solo', image: 'solo:1' }] },
    };
    await patch({ spec: { template: { ...template, $patch: 'replace' } } }, strategic);
    const after = await read();
    expect(after.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['solo']);
    expect(after.spec?.template.spec?.restartPolicy).toBe('Always');
  });

  it('refuses a stale resourceVersion in the patch with 409 Conflict', async () => {
    const before = await read();
    await patch({ metadata: { labels: { touched: 'yes' } } }, merge);
    const { code, status } = await refusal(
      patch(
        { metadata: { resourceVersion: before.metadata?.resourceVersion }, spec: { replicas: 3 } },
        merge,
      ),
    );
    expect([code, status.reason, status.message]).toEqual([
      409,
      'Conflict',
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    ]);
  });

  it('refuses server-side apply, which the simulation does not implement, with 415', async () => {
    const apply = setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply);
    const { code, status } = await refusal(patch({ spec: { replicas: 2 } }, apply));
    expect([code, status.reason]).toEqual([415, 'UnsupportedMediaType']);
  });
});

describe('update and status', () => {
  it('keeps status out of writes to the main resource and requires a current resourceVersion on PUT', async () => {
    const current = await read();
    const ignored = await patch({ status: { replicas: 99 } }, merge);
    expect(ignored.metadata?.resourceVersion).toBe(current.metadata?.resourceVersion);
    await patch({ metadata: { labels: { touched: 'yes' } }, status: { replicas: 99 } }, merge);
    expect((await read()).status?.replicas).toBe(1);
    const body: V1Deployment = { ...current, spec: { ...current.spec!, replicas: 2 } };
    const stale = await refusal(
      h.apps.replaceNamespacedDeployment({ name: 'web', namespace: 'shop', body }),
    );
    expect([stale.code, stale.status.reason]).toEqual([409, 'Conflict']);
    const fresh = await read();
    const replaced = await h.apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'shop',
      body: { ...fresh, spec: { ...fresh.spec!, replicas: 2 } },
    });
    expect(replaced.spec?.replicas).toBe(2);
    expect((await read()).status?.readyReplicas).toBe(2);
  });
});
