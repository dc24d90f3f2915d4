// clusterHealth from hand-built objects: nodes, degraded workloads, pods grouped by workload, rollouts of
// the last day, top warnings, and the namespace filter.
import type {
  CoreV1Event,
  V1DaemonSet,
  V1Deployment,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { clusterHealth } from '../../src/cluster/health.js';
import type { ClusterSnapshot } from '../../src/cluster/snapshot.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

interface Objects {
  nodes?: V1Node[];
  deployments?: V1Deployment[];
  replicaSets?: V1ReplicaSet[];
  statefulSets?: V1StatefulSet[];
  daemonSets?: V1DaemonSet[];
  pods?: V1Pod[];
  events?: CoreV1Event[];
}

function snapshot(objects: Objects): ClusterSnapshot {
  const inNs =
    <T extends { metadata?: { namespace?: string } }>(items: T[] = []) =>
    (namespace?: string) =>
      items.filter((item) => namespace === undefined || item.metadata?.namespace === namespace);
  return {
    name: 'prod-eu',
    state: () => ({
      name: 'prod-eu',
      synced: true,
      lastSyncedAt: NOW,
      lastError: null,
      resources: [],
    }),
    nodes: () => objects.nodes ?? [],
    namespaces: () => [],
    deployments: inNs(objects.deployments),
    replicaSets: inNs(objects.replicaSets),
    statefulSets: inNs(objects.statefulSets),
    daemonSets: inNs(objects.daemonSets),
    pods: inNs(objects.pods),
    warningEvents: inNs(objects.events),
  };
}

function deployment(
  name: string,
  replicas: number,
  status: V1Deployment['status'],
  created = minutesAgo(60),
): V1Deployment {
  return {
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, creationTimestamp: created },
    spec: { replicas, selector: {}, template: {} },
    status,
  };
}

const node = (name: string, ready: string, reason?: string): V1Node => ({
  metadata: { name },
  status: { conditions: [{ type: 'Ready', status: ready, ...(reason ? { reason } : {}) }] },
});

describe('clusterHealth', () => {
  const web = deployment('web', 2, { availableReplicas: 0, readyReplicas: 0 });
  const rs = (name: string, revision: string, created: Date, image: string): V1ReplicaSet => ({
    metadata: {
      name,
      namespace: 'shop',
      creationTimestamp: created,
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: 'uid-web',
          controller: true,
        },
      ],
    },
    spec: { selector: {}, template: { spec: { containers: [{ name: 'web', image }] } } },
  });
  const crashing = (name: string, owner: string, restarts: number): V1Pod => ({
    metadata: {
      name,
      namespace: 'shop',
      creationTimestamp: minutesAgo(30),
      labels: { 'pod-template-hash': owner.split('-').at(-1) ?? '' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: owner,
          uid: `uid-${owner}`,
          controller: true,
        },
      ],
    },
    spec: { containers: [{ name: 'web' }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'web',
          image: 'web:2',
          imageID: '',
          ready: false,
          restartCount: restarts,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error' } },
        },
      ],
    },
  });
  const warning = (
    reason: string,
    name: string,
    count: number,
    at: Date,
    namespace = 'shop',
  ): CoreV1Event => ({
    metadata: { name: `${name}.${reason}`, namespace },
    involvedObject: { kind: 'Pod', namespace, name },
    reason,
    message: `${reason} happened`,
    type: 'Warning',
    count,
    lastTimestamp: at,
  });
  const objects: Objects = {
    nodes: [node('n1', 'True'), node('n2', 'False', 'KubeletNotReady'), node('n3', 'Unknown')],
    deployments: [web],
    replicaSets: [
      rs('web-aaa', '1', minutesAgo(3 * 24 * 60), 'web:1'),
      rs('web-bbb', '2', minutesAgo(30), 'web:2'),
    ],
    pods: [
      crashing('web-bbb-1', 'web-bbb', 4),
      crashing('web-bbb-2', 'web-bbb', 6),
      crashing('lonely', 'gone-ccc', 1),
    ],
    events: [
      warning('BackOff', 'web-bbb-1', 5, minutesAgo(2)),
      warning('BackOff', 'web-bbb-2', 7, minutesAgo(1)),
      warning('FailedMount', 'db-0', 3, minutesAgo(5), 'data'),
      warning('Unhealthy', 'old', 50, minutesAgo(120)),
    ],
  };

  it('puts one screen together and says the cluster is not healthy', () => {
    const health = clusterHealth(snapshot(objects), { now: NOW });
    expect(health.cluster).toBe('prod-eu');
    expect(health.nodes).toEqual({
      ready: 1,
      total: 3,
      notReady: [
        { name: 'n2', reason: 'not ready: KubeletNotReady' },
        { name: 'n3', reason: 'kubelet stopped reporting' },
      ],
    });
    expect(health.degradedDeployments).toEqual([
      {
        namespace: 'shop',
        name: 'web',
        kind: 'Deployment',
        ready: 0,
        desired: 2,
        reason: '2 of 2 replicas unavailable',
      },
    ]);
    expect(health.failingPods).toEqual([
      {
        namespace: 'shop',
        workload: 'web',
        workloadKind: 'Deployment',
        pods: 2,
        reason: 'CrashLoopBackOff',
        restarts: 10,
        message: 'container web keeps exiting with code 1',
      },
      {
        namespace: 'shop',
        workload: 'gone',
        workloadKind: 'Deployment',
        pods: 1,
        reason: 'CrashLoopBackOff',
        restarts: 1,
        message: 'container web keeps exiting with code 1',
      },
    ]);
    expect(health.recentRollouts).toEqual([
      { namespace: 'shop', name: 'web', revision: 2, at: minutesAgo(30), images: ['web:2'] },
    ]);
    expect(health.topWarnings).toEqual([
      { reason: 'BackOff', count: 12, example: 'Pod shop/web-bbb-2: BackOff happened' },
      { reason: 'FailedMount', count: 3, example: 'Pod data/db-0: FailedMount happened' },
    ]);
    expect(health.healthy).toBe(false);
  });

  it('keeps to the namespaces asked for and calls a quiet cluster healthy', () => {
    const health = clusterHealth(snapshot({ ...objects, nodes: [node('n1', 'True')] }), {
      now: NOW,
      namespaces: ['data'],
    });
    expect(health.degradedDeployments).toEqual([]);
    expect(health.failingPods).toEqual([]);
    expect(health.recentRollouts).toEqual([]);
    expect(health.topWarnings.map((w) => w.reason)).toEqual(['FailedMount']);
    expect(health.healthy).toBe(true);
  });
});
