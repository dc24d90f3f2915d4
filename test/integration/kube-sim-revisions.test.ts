// StatefulSet and DaemonSet history: ControllerRevisions as their controllers write them, and the
// `kubectl rollout undo` path of patching a revision's data back as a strategic merge patch.
import {
  PatchStrategy,
  setHeaderOptions,
  type V1ControllerRevision,
} from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatedCluster, type SimulatedClusterHarness } from '../support/kube-sim.js';

let h: SimulatedClusterHarness;
const strategic = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

beforeEach(async () => {
  h = await startSimulatedCluster();
  for (const node of ['node-1', 'node-2', 'node-3']) h.sim.addNode(node);
});

afterEach(async () => {
  await h.sim.close();
});

async function revisionsOf(
  kind: 'StatefulSet' | 'DaemonSet',
  name: string,
): Promise<V1ControllerRevision[]> {
  const owner =
    kind === 'StatefulSet'
      ? await h.apps.readNamespacedStatefulSet({ name, namespace: 'data' })
      : await h.apps.readNamespacedDaemonSet({ name, namespace: 'data' });
  const list = await h.apps.listNamespacedControllerRevision({ namespace: 'data' });
  return list.items
    .filter((r) =>
      r.metadata?.ownerReferences?.some(
        (o) => o.uid === owner.metadata?.uid && o.controller && o.kind === kind,
      ),
    )
    .sort((a, b) => a.revision - b.revision);
}

const templateImage = (revision: V1ControllerRevision | undefined) =>
  (revision?.data as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec
    .template.spec.containers[0]?.image;

const podImages = async (app: string) =>
  (await h.core.listNamespacedPod({ namespace: 'data', labelSelector: `app=${app}` })).items.map(
    (p) => `${p.metadata?.name}=${p.spec?.containers[0]?.image}`,
  );

describe('StatefulSet', () => {
  it('records one revision per template with the data the controller stores', async () => {
    for (const version of ['1', '2', '3'])
      h.sim.applyStatefulSet('data', 'db', { image: `postgres:16.${version}`, replicas: 2 });
    const revisions = await revisionsOf('StatefulSet', 'db');
    expect(revisions.map((r) => [r.revision, templateImage(r)])).toEqual([
      [1, 'postgres:16.1'],
      [2, 'postgres:16.2'],
      [3, 'postgres:16.3'],
    ]);
    expect(revisions[0]?.metadata?.name).toMatch(/^db-[a-z0-9]+$/);
    expect(
      (revisions[0]?.data as { spec: { template: { $patch?: string } } }).spec.template.$patch,
    ).toBe('replace');
    const set = await h.apps.readNamespacedStatefulSet({ name: 'db', namespace: 'data' });
    expect(set.status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      currentRevision: revisions[2]?.metadata?.name,
      updateRevision: revisions[2]?.metadata?.name,
    });
    const pods = await h.core.listNamespacedPod({ namespace: 'data', labelSelector: 'app=db' });
    expect(
      pods.items.map((p) => [p.metadata?.name, p.metadata?.labels?.['controller-revision-hash']]),
    ).toEqual([
      ['db-0', revisions[2]?.metadata?.name],
      ['db-1', revisions[2]?.metadata?.name],
    ]);
  });

  it('rolls back by patching a revision data in, which renumbers that revision to max+1', async () => {
    for (const version of ['1', '2'])
      h.sim.applyStatefulSet('data', 'db', { image: `postgres:16.${version}`, replicas: 2 });
    const [first] = await revisionsOf('StatefulSet', 'db');
    await h.apps.patchNamespacedStatefulSet(
      { name: 'db', namespace: 'data', body: first?.data },
      strategic,
    );
    const after = await revisionsOf('StatefulSet', 'db');
    expect(after.map((r) => [r.metadata?.name, r.revision])).toEqual([
      [expect.any(String), 2],
      [first?.metadata?.name, 3],
    ]);
    expect(await podImages('db')).toEqual(['db-0=postgres:16.1', 'db-1=postgres:16.1']);
  });

  it('updates from the highest ordinal and stops at a pod that does not become ready', async () => {
    h.sim.applyStatefulSet('data', 'db', { image: 'postgres:16.1', replicas: 3 });
    h.sim.applyStatefulSet('data', 'db', {
      image: 'postgres:17.0',
      replicas: 3,
      behaviour: 'CrashLoopBackOff',
    });
    expect(await podImages('db')).toEqual([
      'db-0=postgres:16.1',
      'db-1=postgres:16.1',
      'db-2=postgres:17.0',
    ]);
    const set = await h.apps.readNamespacedStatefulSet({ name: 'db', namespace: 'data' });
    expect(set.status?.currentRevision).not.toBe(set.status?.updateRevision);
    expect(set.status).toMatchObject({ readyReplicas: 2, currentReplicas: 2, updatedReplicas: 1 });
  });

  it('trims unused revisions to revisionHistoryLimit', async () => {
    for (const version of ['1', '2', '3', '4'])
      h.sim.applyStatefulSet('data', 'db', {
        image: `postgres:16.${version}`,
        revisionHistoryLimit: 1,
      });
    expect((await revisionsOf('StatefulSet', 'db')).map((r) => r.revision)).toEqual([3, 4]);
  });
});

describe('DaemonSet', () => {
  it('runs a pod per node, records revisions and rolls back through revision data', async () => {
    h.sim.applyDaemonSet('data', 'agent', { image: 'agent:1' });
    h.sim.applyDaemonSet('data', 'agent', { image: 'agent:2' });
    const nodes = (
      await h.core.listNamespacedPod({ namespace: 'data', labelSelector: 'app=agent' })
    ).items.map((p) => p.spec?.nodeName);
    expect(nodes.sort()).toEqual(['node-1', 'node-2', 'node-3']);
    const set = await h.apps.readNamespacedDaemonSet({ name: 'agent', namespace: 'data' });
    expect(set.status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
    const [first, second] = await revisionsOf('DaemonSet', 'agent');
    expect([templateImage(first), templateImage(second)]).toEqual(['agent:1', 'agent:2']);
    await h.apps.patchNamespacedDaemonSet(
      { name: 'agent', namespace: 'data', body: first?.data },
      strategic,
    );
    expect(
      (await revisionsOf('DaemonSet', 'agent')).map((r) => [templateImage(r), r.revision]),
    ).toEqual([
      ['agent:2', 2],
      ['agent:1', 3],
    ]);
    expect(new Set((await podImages('agent')).map((entry) => entry.split('=')[1]))).toEqual(
      new Set(['agent:1']),
    );
  });
});
