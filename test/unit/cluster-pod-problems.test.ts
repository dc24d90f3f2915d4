// podProblem: which pods count as failing and why, from hand-built pod objects, table-driven.
import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { podProblem } from '../../src/cluster/pod-problems.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const GRACE = 5 * 60_000;

function pod(
  status: V1Pod['status'],
  extra: { created?: Date; limit?: string; deleting?: boolean } = {},
): V1Pod {
  return {
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      creationTimestamp: extra.created ?? minutesAgo(30),
      ...(extra.deleting ? { deletionTimestamp: minutesAgo(1) } : {}),
    },
    spec: {
      nodeName: 'node-1',
      containers: [
        {
          name: 'web',
          image: 'web:1',
          ...(extra.limit ? { resources: { limits: { memory: extra.limit } } } : {}),
        },
      ],
    },
    status,
  };
}

function container(fields: Partial<V1ContainerStatus>): V1ContainerStatus {
  return { name: 'web', image: 'web:1', imageID: '', ready: false, restartCount: 0, ...fields };
}

const running = (fields: Partial<V1ContainerStatus> = {}) =>
  container({ ready: true, state: { running: { startedAt: minutesAgo(20) } }, ...fields });

const cases: Array<[string, V1Pod, ReturnType<typeof podProblem>]> = [
  ['a running, ready pod', pod({ phase: 'Running', containerStatuses: [running()] }), undefined],
  ['a completed pod', pod({ phase: 'Succeeded' }), undefined],
  [
    'a terminating pod, whatever its state',
    pod(
      {
        phase: 'Running',
        containerStatuses: [container({ state: { waiting: { reason: 'CrashLoopBackOff' } } })],
      },
      { deleting: true },
    ),
    undefined,
  ],
  [
    'a crash loop, with the exit code',
    pod({
      phase: 'Running',
      containerStatuses: [
        container({
          restartCount: 7,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } },
          lastState: { terminated: { exitCode: 3, reason: 'Error', finishedAt: minutesAgo(2) } },
        }),
      ],
    }),
    { reason: 'CrashLoopBackOff', restarts: 7, message: 'container web keeps exiting with code 3' },
  ],
  [
    'a crash loop caused by the memory limit',
    pod(
      {
        phase: 'Running',
        containerStatuses: [
          container({
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: {
              terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: minutesAgo(1) },
            },
          }),
        ],
      },
      { limit: '128Mi' },
    ),
    { reason: 'OOMKilled', restarts: 4, message: 'container web ran out of memory (limit 128Mi)' },
  ],
  [
    'a container back up after an OOM kill within the hour',
    pod({
      phase: 'Running',
      containerStatuses: [
        running({
          restartCount: 1,
          lastState: {
            terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: minutesAgo(40) },
          },
        }),
      ],
    }),
    { reason: 'OOMKilled', restarts: 1, message: 'container web ran out of memory' },
  ],
  [
    'a container back up after an OOM kill two hours ago',
    pod({
      phase: 'Running',
      containerStatuses: [
        running({
          restartCount: 1,
          lastState: {
            terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: minutesAgo(120) },
          },
        }),
      ],
    }),
    undefined,
  ],
  [
    'a crash-looping container caught between back-offs (running, not ready)',
    pod({
      phase: 'Running',
      containerStatuses: [
        running({
          ready: false,
          restartCount: 5,
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: minutesAgo(1) } },
        }),
      ],
    }),
    { reason: 'CrashLoopBackOff', restarts: 5, message: 'container web keeps exiting with code 1' },
  ],
  [
    'an image that cannot be pulled',
    pod({
      phase: 'Pending',
      containerStatuses: [
        container({
          state: {
            waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "web:typo"' },
          },
        }),
      ],
    }),
    { reason: 'ImagePullBackOff', restarts: 0, message: 'Back-off pulling image "web:typo"' },
  ],
  [
    'ErrImagePull',
    pod({
      phase: 'Pending',
      containerStatuses: [container({ state: { waiting: { reason: 'ErrImagePull' } } })],
    }),
    { reason: 'ErrImagePull', restarts: 0 },
  ],
  [
    'a missing config map or secret',
    pod({
      phase: 'Pending',
      containerStatuses: [
        container({
          state: {
            waiting: { reason: 'CreateContainerConfigError', message: 'secret "db" not found' },
          },
        }),
      ],
    }),
    { reason: 'CreateContainerConfigError', restarts: 0, message: 'secret "db" not found' },
  ],
  [
    'an unschedulable pod past the grace',
    pod({
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: '0/3 nodes are available: 3 Insufficient cpu.',
        },
      ],
    }),
    { reason: 'Pending', restarts: 0, message: '0/3 nodes are available: 3 Insufficient cpu.' },
  ],
  [
    'an unschedulable pod within the grace',
    pod(
      { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] },
      { created: minutesAgo(2) },
    ),
    undefined,
  ],
  [
    'a pod stuck creating its containers past the grace',
    pod({
      phase: 'Pending',
      containerStatuses: [container({ state: { waiting: { reason: 'ContainerCreating' } } })],
    }),
    { reason: 'ContainerCreating', restarts: 0 },
  ],
  [
    'a running pod whose readiness probe has failed past the grace',
    pod({
      phase: 'Running',
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          lastTransitionTime: minutesAgo(10),
          message: 'containers with unready status: [web]',
        },
      ],
      containerStatuses: [running({ ready: false })],
    }),
    { reason: 'NotReady', restarts: 0, message: 'containers with unready status: [web]' },
  ],
  [
    'a running pod not ready for a minute',
    pod({
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: minutesAgo(1) }],
      containerStatuses: [running({ ready: false })],
    }),
    undefined,
  ],
  [
    'an evicted pod',
    pod({ phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }),
    { reason: 'Evicted', restarts: 0, message: 'The node was low on resource: memory.' },
  ],
  [
    'a failed run-once pod, by its exit code',
    pod({
      phase: 'Failed',
      containerStatuses: [container({ state: { terminated: { exitCode: 2, reason: 'Error' } } })],
    }),
    { reason: 'Error', restarts: 0, message: 'container web exited with code 2' },
  ],
];

describe('podProblem', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(podProblem(input, NOW, GRACE)).toEqual(expected);
  });

  it('reports the worst of several containers and counts every restart', () => {
    const input = pod({
      phase: 'Running',
      containerStatuses: [
        container({
          name: 'sidecar',
          restartCount: 2,
          state: { waiting: { reason: 'ImagePullBackOff' } },
        }),
        container({
          restartCount: 3,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error' } },
        }),
      ],
    });
    expect(podProblem(input, NOW, GRACE)).toMatchObject({
      reason: 'CrashLoopBackOff',
      restarts: 5,
    });
  });
});
