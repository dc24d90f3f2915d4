// describeObject: kubectl-describe-like lines that never show an environment value, a Secret or the
// last-applied copy; secret and config map references say where a value comes from.
import type { CoreV1Event, V1Deployment, V1Node, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { describeObject } from '../../src/cluster/describe.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const SECRET_VALUE = 'hunter2-super-secret';

const container = {
  name: 'web',
  image: 'shop/web:2.1',
  ports: [{ containerPort: 8080 }],
  env: [
    { name: 'LOG_LEVEL', value: 'debug' },
    { name: 'DB_PASSWORD', value: SECRET_VALUE },
    { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'web-secrets', key: 'token' } } },
    { name: 'FEATURE', valueFrom: { configMapKeyRef: { name: 'flags', key: 'feature' } } },
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
  ],
  envFrom: [{ secretRef: { name: 'bulk' } }],
  resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } },
};

const pod: V1Pod = {
  metadata: {
    name: 'web-7d9f-x2k4q',
    namespace: 'shop',
    creationTimestamp: new Date('2026-03-02T11:57:00Z'),
    labels: { app: 'web' },
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': `{"env":"${SECRET_VALUE}"}`,
      note: 'short',
      long: 'x'.repeat(200),
    },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9f', uid: 'u', controller: true },
    ],
  },
  spec: { nodeName: 'node-1', containers: [container] },
  status: {
    phase: 'Running',
    podIP: '10.244.0.7',
    containerStatuses: [
      {
        name: 'web',
        image: 'shop/web:2.1',
        imageID: '',
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
        lastState: {
          terminated: {
            exitCode: 137,
            reason: 'OOMKilled',
            finishedAt: new Date('2026-03-02T11:59:00Z'),
          },
        },
      },
    ],
    conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
  },
};

const events: CoreV1Event[] = [
  {
    metadata: { name: 'e1' },
    involvedObject: { kind: 'Pod', name: 'web-7d9f-x2k4q' },
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container',
    count: 4,
    lastTimestamp: new Date('2026-03-02T11:59:30Z'),
  },
];

describe('describeObject', () => {
  it('describes a pod with env names and sources, never values', () => {
    const lines = describeObject('pod', pod, events, { now: NOW });
    const text = lines.join('\n');
    expect(text).not.toContain(SECRET_VALUE);
    expect(text).not.toContain('debug');
    expect(text).not.toContain('last-applied');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Pod: web-7d9f-x2k4q',
        'Namespace: shop',
        `Annotations: note=short, long (200 characters)`,
        'Created: 3 min ago',
        'Controlled by: ReplicaSet/web-7d9f',
        'Node: node-1',
        'Container web:',
        '  Image: shop/web:2.1',
        '  Ports: 8080/TCP',
        '  State: Waiting: CrashLoopBackOff — back-off 40s',
        '  Last state: Terminated: OOMKilled (exit code 137) since 2026-03-02T11:59:00.000Z',
        '  Ready: no, restarts: 4',
        '  Requests: cpu 100m; limits: memory 128Mi',
        '  Environment (names only): LOG_LEVEL, DB_PASSWORD, API_TOKEN (from secret web-secrets), FEATURE (from config map flags, key feature), POD_NAME (from field metadata.name)',
        '  Environment from: all keys of secret bulk',
        '  Ready: False (ContainersNotReady)',
        'Events:',
        '  30 s ago Warning BackOff (×4): Back-off restarting failed container',
      ]),
    );
  });

  it('describes a Deployment with its template, still without values', () => {
    const deployment: V1Deployment = {
      metadata: {
        name: 'web',
        namespace: 'shop',
        annotations: { 'deployment.kubernetes.io/revision': '3' },
      },
      spec: {
        replicas: 3,
        paused: true,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } },
      },
      status: {
        readyReplicas: 2,
        availableReplicas: 2,
        updatedReplicas: 3,
        unavailableReplicas: 1,
      },
    };
    const lines = describeObject('Deployment', deployment, []);
    expect(lines.join('\n')).not.toContain(SECRET_VALUE);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Deployment: web',
        'Replicas: 3 desired, 3 updated, 2 ready, 2 available, 1 unavailable',
        'Strategy: RollingUpdate (paused)',
        'Revision: 3',
        'Container web:',
        'Events: none',
      ]),
    );
  });

  it('describes a node and refuses Secrets', () => {
    const node: V1Node = {
      metadata: { name: 'node-1', labels: { 'node-role.kubernetes.io/worker': '' } },
      spec: {
        unschedulable: true,
        taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      },
      status: {
        allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    };
    expect(describeObject('node', node, [])).toEqual(
      expect.arrayContaining([
        'Roles: worker',
        'Schedulable: no (cordoned)',
        'Taints: dedicated=gpu:NoSchedule',
        'Allocatable: cpu 4, memory 16Gi, pods 110',
      ]),
    );
    expect(describeObject('Secret', pod, [])).toEqual(['Secrets are never shown.']);
  });
});
