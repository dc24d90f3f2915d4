// Pods, nodes, events and logs of the simulation as a client reads them: the shapes kubelet and the
// scheduler report for each scenario behaviour, restarts that grow with the clock, node readiness.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  refusal,
  startSimulatedCluster,
  type SimulatedClusterHarness,
} from '../support/kube-sim.js';

let h: SimulatedClusterHarness;

beforeEach(async () => {
  h = await startSimulatedCluster();
  h.sim.addNode('node-1', { kubeletVersion: 'v1.30.4', labels: { pool: 'general' } });
  h.sim.addNode('node-2');
});

afterEach(async () => {
  await h.sim.close();
});

async function onlyPod(app: string) {
  const pods = await h.core.listNamespacedPod({ namespace: 'shop', labelSelector: `app=${app}` });
  expect(pods.items).toHaveLength(1);
  return pods.items[0]!;
}

const warnings = async (name: string) =>
  (
    await h.core.listNamespacedEvent({
      namespace: 'shop',
      fieldSelector: `involvedObject.name=${name},type=Warning`,
    })
  ).items;

describe('pod behaviours', () => {
  it('runs pods with the shape kubelet reports', async () => {
    h.sim.applyDeployment('shop', 'web', {
      image: 'shop/web:1.0',
      resources: { requests: { cpu: '100m' } },
    });
    const pod = await onlyPod('web');
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'ReplicaSet',
      controller: true,
    });
    expect(pod.status).toMatchObject({
      phase: 'Running',
      qosClass: 'Burstable',
      podIP: expect.stringMatching(/^10\.244\.\d+\.\d+$/) as unknown,
    });
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(pod.status?.containerStatuses?.[0]).toMatchObject({
      name: 'web',
      ready: true,
      started: true,
      restartCount: 0,
      image: 'shop/web:1.0',
    });
    expect(pod.status?.containerStatuses?.[0]?.state?.running?.startedAt).toEqual(h.clock.now());
  });

  it('crash-loops with restarts growing over clock time, exit codes and BackOff events', async () => {
    h.sim.applyDeployment('shop', 'web', { behaviour: { kind: 'CrashLoopBackOff', exitCode: 3 } });
    h.clock.advance(75_000);
    h.sim.tick();
    const pod = await onlyPod('web');
    const status = pod.status?.containerStatuses?.[0];
    expect(pod.status?.phase).toBe('Running');
    expect(status?.restartCount).toBe(3);
    expect(status?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(status?.state?.waiting?.message).toMatch(
      /^back-off 80s restarting failed container=web pod=web-/,
    );
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    h.clock.advance(3_600_000);
    h.sim.tick();
    expect((await onlyPod('web')).status?.containerStatuses?.[0]?.restartCount).toBe(16);
    const backOff = (await warnings(pod.metadata?.name ?? '')).find((e) => e.reason === 'BackOff');
    expect(backOff?.count).toBeGreaterThanOrEqual(16);
    expect(backOff).toMatchObject({
      involvedObject: { kind: 'Pod', fieldPath: 'spec.containers{web}' },
      source: { component: 'kubelet' },
      reportingComponent: 'kubelet',
    });
  });

  it('reports OOMKilled as the last termination', async () => {
    h.sim.applyDeployment('shop', 'web', { behaviour: 'OOMKilled' });
    h.clock.advance(15_000);
    h.sim.tick();
    const status = (await onlyPod('web')).status?.containerStatuses?.[0];
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(status?.restartCount).toBe(1);
  });

  it('reports ImagePullBackOff as Pending with Failed events', async () => {
    h.sim.applyDeployment('shop', 'web', { image: 'shop/web:typo', behaviour: 'ImagePullBackOff' });
    const pod = await onlyPod('web');
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "shop/web:typo"',
    });
    const messages = (await warnings(pod.metadata?.name ?? '')).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Error: ImagePullBackOff',
        expect.stringMatching(/^Failed to pull image "shop\/web:typo"/),
      ]),
    );
  });

  it('leaves unschedulable pods Pending with a FailedScheduling event from the scheduler', async () => {
    h.sim.applyDeployment('shop', 'web', { behaviour: 'Pending' });
    const pod = await onlyPod('web');
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(pod.status?.conditions).toEqual([
      expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }),
    ]);
    const [event] = await warnings(pod.metadata?.name ?? '');
    expect(event).toMatchObject({
      reason: 'FailedScheduling',
      source: { component: 'default-scheduler' },
      message: expect.stringMatching(/^0\/2 nodes are available/) as unknown,
    });
  });

  it('applies a behaviour set by image to every workload running it', async () => {
    h.sim.setImageBehaviour('shop/broken:9', 'ErrImagePull');
    h.sim.applyDeployment('shop', 'web', { image: 'shop/broken:9' });
    expect((await onlyPod('web')).status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe(
      'ErrImagePull',
    );
  });
});

describe('nodes', () => {
  it('serve conditions, capacity and nodeInfo, and follow readiness changes with taints and events', async () => {
    h.sim.applyDeployment('shop', 'web', { replicas: 2 });
    const node = await h.core.readNode({ name: 'node-1' });
    expect(node.status?.nodeInfo?.kubeletVersion).toBe('v1.30.4');
    expect(node.metadata?.labels).toMatchObject({
      pool: 'general',
      'kubernetes.io/hostname': 'node-1',
    });
    expect(node.status?.allocatable).toMatchObject({ cpu: '4', pods: '110' });
    expect(node.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'MemoryPressure=False',
      'DiskPressure=False',
      'PIDPressure=False',
      'Ready=True',
    ]);
    h.sim.setNodeReady('node-1', false);
    const notReady = await h.core.readNode({ name: 'node-1' });
    expect(notReady.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'KubeletNotReady',
    });
    expect(notReady.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
    const events = await h.core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: 'involvedObject.kind=Node,reason=NodeNotReady',
    });
    expect(events.items.map((e) => e.message)).toEqual(['Node node-1 status is now: NodeNotReady']);
    const pods = await h.core.listNamespacedPod({
      namespace: 'shop',
      fieldSelector: 'spec.nodeName=node-1',
    });
    expect(
      pods.items.map((p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status),
    ).toEqual(['False']);
    h.sim.setNodeReady('node-1', 'Unknown');
    expect(
      (await h.core.readNode({ name: 'node-1' })).status?.conditions?.every(
        (c) => c.status === 'Unknown',
      ),
    ).toBe(true);
    h.sim.setNodePressure('node-2', 'MemoryPressure', true);
    expect((await h.core.readNode({ name: 'node-2' })).status?.conditions?.[0]).toMatchObject({
      type: 'MemoryPressure',
      status: 'True',
      reason: 'KubeletHasInsufficientMemory',
    });
  });
});

describe('pods/log', () => {
  it('serves the scenario log lines with tailLines, previous and container selection', async () => {
    h.sim.applyDeployment('shop', 'web', {
      behaviour: { kind: 'CrashLoopBackOff', container: 'app' },
      containers: [
        { name: 'app', image: 'a:1' },
        { name: 'proxy', image: 'p:1' },
      ],
    });
    h.sim.setLogs('shop', 'web', ['starting', 'listening on :8080', 'ready']);
    h.sim.setPreviousLogs('shop', 'web', ['panic: nil map', 'exit 1'], { container: 'app' });
    h.clock.advance(30_000);
    h.sim.tick();
    const name = (await onlyPod('web')).metadata?.name ?? '';
    expect(
      await h.core.readNamespacedPodLog({
        name,
        namespace: 'shop',
        container: 'proxy',
        tailLines: 2,
      }),
    ).toBe('listening on :8080\nready\n');
    expect(
      await h.core.readNamespacedPodLog({
        name,
        namespace: 'shop',
        container: 'app',
        previous: true,
      }),
    ).toBe('panic: nil map\nexit 1\n');
    const ambiguous = await refusal(h.core.readNamespacedPodLog({ name, namespace: 'shop' }));
    expect([ambiguous.code, ambiguous.status.message]).toEqual([
      400,
      `a container name must be specified for pod ${name}, choose one of: [app proxy]`,
    ]);
    const noPrevious = await refusal(
      h.core.readNamespacedPodLog({ name, namespace: 'shop', container: 'proxy', previous: true }),
    );
    expect([noPrevious.code, noPrevious.status.message]).toEqual([
      400,
      `previous terminated container "proxy" in pod "${name}" not found`,
    ]);
    expect(h.sim.requests.at(-1)).toMatchObject({
      path: `/api/v1/namespaces/shop/pods/${name}/log`,
      query: { container: 'proxy', previous: 'true' },
    });
  });
});
