// The simulated deployment controller as a client sees it: one ReplicaSet per template, revisions
// that move on like `kubectl rollout undo` expects, history trimming, pause, rollout conditions.
import { PatchStrategy, setHeaderOptions, type V1ReplicaSet } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatedCluster, type SimulatedClusterHarness } from '../support/kube-sim.js';

let h: SimulatedClusterHarness;

beforeEach(async () => {
  h = await startSimulatedCluster();
  h.sim.addNode('node-1');
  h.sim.addNode('node-2');
});

afterEach(async () => {
  await h.sim.close();
});

const revision = (rs: V1ReplicaSet) =>
  rs.metadata?.annotations?.['deployment.kubernetes.io/revision'];
const deployment = () => h.apps.readNamespacedDeployment({ name: 'web', namespace: 'shop' });

async function replicaSets(): Promise<V1ReplicaSet[]> {
  const uid = (await deployment()).metadata?.uid;
  const list = await h.apps.listNamespacedReplicaSet({ namespace: 'shop' });
  return list.items
    .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === uid && o.controller))
    .sort((a, b) => Number(revision(a)) - Number(revision(b)));
}

const condition = async (type: string) =>
  (await deployment()).status?.conditions?.find((c) => c.type === type);

describe('revisions', () => {
  it('gives each new template the next revision and an old template brought back max+1', async () => {
    for (const version of ['1.0', '2.0', '3.0']) {
      h.sim.applyDeployment('shop', 'web', {
        image: `shop/web:${version}`,
        replicas: 2,
        changeCause: `deploy ${version}`,
      });
    }
    const three = await replicaSets();
    expect(
      three.map((rs) => [
        revision(rs),
        rs.spec?.replicas,
        rs.metadata?.annotations?.['kubernetes.io/change-cause'],
      ]),
    ).toEqual([
      ['1', 0, 'deploy 1.0'],
      ['2', 0, 'deploy 2.0'],
      ['3', 2, 'deploy 3.0'],
    ]);
    const first = three[0];
    expect(first?.metadata?.name).toBe(`web-${first?.metadata?.labels?.['pod-template-hash']}`);
    expect(first?.spec?.template?.metadata?.labels?.['pod-template-hash']).toBe(
      first?.metadata?.labels?.['pod-template-hash'],
    );
    expect(first?.metadata?.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'Deployment',
        name: 'web',
        controller: true,
        blockOwnerDeletion: true,
      }),
    ]);
    h.sim.applyDeployment('shop', 'web', {
      image: 'shop/web:1.0',
      replicas: 2,
      changeCause: 'back to 1.0',
    });
    const after = await replicaSets();
    expect(after.map((rs) => rs.metadata?.name)).toEqual(
      [three[1], three[2], three[0]].map((rs) => rs?.metadata?.name),
    );
    expect(after.map(revision)).toEqual(['2', '3', '4']);
    expect(after[2]?.metadata?.annotations).toMatchObject({
      'deployment.kubernetes.io/revision-history': '1',
      'kubernetes.io/change-cause': 'back to 1.0',
    });
    const d = await deployment();
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    expect(d.status).toMatchObject({
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 4,
    });
  });

  it('trims old ReplicaSets to revisionHistoryLimit', async () => {
    for (const version of ['1', '2', '3', '4', '5']) {
      h.sim.applyDeployment('shop', 'web', {
        image: `shop/web:${version}`,
        revisionHistoryLimit: 2,
      });
    }
    expect((await replicaSets()).map(revision)).toEqual(['3', '4', '5']);
  });

  it('rolls back the way kubectl does: the old template patched in, guarded by resourceVersion', async () => {
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:1.0', changeCause: 'one' });
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:2.0', changeCause: 'two' });
    const [target] = await replicaSets();
    const template = structuredClone(target?.spec?.template);
    delete template?.metadata?.labels?.['pod-template-hash'];
    const seen = await deployment();
    await h.apps.patchNamespacedDeployment({
      name: 'web',
      namespace: 'shop',
      body: [
        { op: 'test', path: '/metadata/resourceVersion', value: seen.metadata?.resourceVersion },
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'add', path: '/metadata/annotations/kubernetes.io~1change-cause', value: 'one' },
      ],
    });
    const after = await replicaSets();
    expect(
      after.map((rs) => [
        revision(rs),
        rs.spec?.template?.spec?.containers[0]?.image,
        rs.spec?.replicas,
      ]),
    ).toEqual([
      ['2', 'shop/web:2.0', 0],
      ['3', 'shop/web:1.0', 1],
    ]);
    expect(await condition('Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
  });
});

describe('rollout state', () => {
  it('leaves a paused deployment alone until it is resumed', async () => {
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:1.0' });
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:2.0', paused: true });
    expect((await replicaSets()).map(revision)).toEqual(['1']);
    expect(await condition('Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    await h.apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'shop', body: { spec: { paused: null } } },
      merge,
    );
    expect((await replicaSets()).map(revision)).toEqual(['1', '2']);
    expect(await condition('Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
  });

  it('keeps the old pods serving during a failing rollout and times out after progressDeadlineSeconds', async () => {
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:1.0', replicas: 4 });
    h.sim.applyDeployment('shop', 'web', {
      image: 'shop/web:2.0',
      replicas: 4,
      progressDeadlineSeconds: 120,
      behaviour: 'CrashLoopBackOff',
    });
    const [old, fresh] = await replicaSets();
    expect([old?.spec?.replicas, fresh?.spec?.replicas]).toEqual([3, 2]);
    expect((await deployment()).status).toMatchObject({
      replicas: 5,
      updatedReplicas: 2,
      availableReplicas: 3,
      unavailableReplicas: 2,
    });
    expect(await condition('Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    });
    expect(await condition('Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetCreated',
    });
    h.clock.advance(119_000);
    h.sim.tick();
    expect((await condition('Progressing'))?.reason).not.toBe('ProgressDeadlineExceeded');
    h.clock.advance(2_000);
    h.sim.tick();
    expect(await condition('Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${fresh?.metadata?.name}" has timed out progressing.`,
    });
    const events = await h.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: 'involvedObject.kind=Deployment,reason=ScalingReplicaSet',
    });
    expect(events.items.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        `Scaled up replica set ${fresh?.metadata?.name} from 0 to 1`,
        `Scaled down replica set ${old?.metadata?.name} from 4 to 3`,
      ]),
    );
  });

  it('completes a healthy rollout and scales the old ReplicaSet to zero', async () => {
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:1.0', replicas: 3 });
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:2.0', replicas: 3 });
    expect((await replicaSets()).map((rs) => rs.spec?.replicas)).toEqual([0, 3]);
    const pods = await h.core.listNamespacedPod({ namespace: 'shop' });
    expect(pods.items.map((p) => p.spec?.containers[0]?.image)).toEqual([
      'shop/web:2.0',
      'shop/web:2.0',
      'shop/web:2.0',
    ]);
    expect(await condition('Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
  });
});
