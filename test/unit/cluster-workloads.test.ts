// Degraded Deployments, StatefulSets and DaemonSets in plain words, from hand-built objects.
import type { V1DaemonSet, V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  daemonSetDegradation,
  deploymentDegradation,
  statefulSetDegradation,
} from '../../src/cluster/workloads.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

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

describe('workload degradation', () => {
  it.each([
    ['all available', deployment('a', 3, { availableReplicas: 3, readyReplicas: 3 }), undefined],
    ['scaled to zero', deployment('a', 0, {}), undefined],
    [
      'two of three unavailable',
      deployment('a', 3, { availableReplicas: 1, readyReplicas: 1 }),
      '2 of 3 replicas unavailable',
    ],
    [
      'past its progress deadline',
      deployment('a', 1, {
        availableReplicas: 1,
        readyReplicas: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      }),
      'rollout stuck: ProgressDeadlineExceeded',
    ],
    [
      'unable to create pods',
      deployment('a', 2, {
        conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }],
      }),
      'cannot create pods: FailedCreate; 2 of 2 replicas unavailable',
    ],
    [
      'just created and still starting',
      deployment(
        'a',
        1,
        { conditions: [{ type: 'Available', status: 'False', lastTransitionTime: minutesAgo(1) }] },
        minutesAgo(1),
      ),
      undefined,
    ],
    [
      'unavailable for longer than the grace',
      deployment('a', 1, {
        conditions: [{ type: 'Available', status: 'False', lastTransitionTime: minutesAgo(9) }],
      }),
      '1 of 1 replica unavailable',
    ],
  ])('Deployment %s', (_name, input, reason) => {
    expect(deploymentDegradation(input, { now: NOW, graceMs: 5 * 60_000 })?.reason).toBe(reason);
  });

  it('StatefulSets count ready replicas, DaemonSets unavailable and misscheduled pods', () => {
    const sts: V1StatefulSet = {
      metadata: { name: 'db', namespace: 'shop' },
      spec: { replicas: 3, selector: {}, serviceName: 'db', template: {} },
      status: { replicas: 3, readyReplicas: 2 },
    };
    expect(statefulSetDegradation(sts)).toEqual({
      namespace: 'shop',
      name: 'db',
      kind: 'StatefulSet',
      ready: 2,
      desired: 3,
      reason: '1 of 3 replicas not ready',
    });
    const ds = (status: V1DaemonSet['status']): V1DaemonSet => ({
      metadata: { name: 'agent', namespace: 'kube-system' },
      status,
    });
    const full = {
      currentNumberScheduled: 10,
      desiredNumberScheduled: 10,
      numberMisscheduled: 0,
      numberReady: 10,
    };
    expect(daemonSetDegradation(ds(full))).toBeUndefined();
    expect(
      daemonSetDegradation(ds({ ...full, numberReady: 8, numberUnavailable: 2 }))?.reason,
    ).toBe('2 of 10 pods unavailable');
    expect(daemonSetDegradation(ds({ ...full, numberMisscheduled: 1 }))?.reason).toBe(
      '1 pod on nodes they should not run on',
    );
  });
});
