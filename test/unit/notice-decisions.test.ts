// The pure decisions behind rollout notices: routing, new-revision detection, what is news, failure
// classification under the deadline and grace rules, and how a notice's view follows its rollout.
import type {
  V1Deployment,
  V1DeploymentStatus,
  V1Pod,
  V1PodStatus,
  V1ReplicaSet,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { advanceView, openingView, opensNotice } from '../../src/notices/advance.js';
import { rolloutProgress } from '../../src/notices/classify.js';
import { noticeChannel, noticeScopes } from '../../src/notices/routes.js';
import { byController, observeRollout, type ObservedRollout } from '../../src/notices/rollout.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const OPTIONS = { now: NOW, graceMs: 5 * 60_000, crashRestarts: 3, freshMs: 30 * 60_000 };
const image = (version: string) => `registry.example.com/shop/web:${version}`;

function replicaSet(revision: number, version: string, created: Date): V1ReplicaSet {
  return {
    metadata: {
      name: `web-rs${revision}`,
      namespace: 'shop',
      uid: `rs-${revision}`,
      creationTimestamp: created,
      annotations: {
        'deployment.kubernetes.io/revision': String(revision),
        'kubernetes.io/change-cause': `deploy ${version}`,
      },
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
    spec: {
      selector: {},
      template: { spec: { containers: [{ name: 'web', image: image(version) }] } },
    },
  };
}

const progressingSince = (at: Date, reason = 'ReplicaSetUpdated') => ({
  type: 'Progressing',
  status: 'True',
  reason,
  lastUpdateTime: at,
});

const ROLLING: V1DeploymentStatus = {
  observedGeneration: 2,
  replicas: 3,
  updatedReplicas: 1,
  availableReplicas: 2,
  conditions: [progressingSince(ago(1))],
};

const COMPLETE: V1DeploymentStatus = {
  observedGeneration: 2,
  replicas: 2,
  updatedReplicas: 2,
  availableReplicas: 2,
  conditions: [progressingSince(ago(1), 'NewReplicaSetAvailable')],
};

function deployment(
  revision: number,
  status: V1DeploymentStatus,
  extra: { paused?: boolean } = {},
) {
  const object: V1Deployment = {
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: 'uid-web',
      generation: 2,
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
    },
    spec: {
      replicas: 2,
      selector: {},
      template: { spec: { containers: [] } },
      progressDeadlineSeconds: 600,
      ...(extra.paused ? { paused: true } : {}),
    },
    status,
  };
  return object;
}

function pod(rs: V1ReplicaSet, name: string, status: V1PodStatus, created = ago(2)): V1Pod {
  return {
    metadata: {
      name,
      namespace: 'shop',
      creationTimestamp: created,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata?.name ?? '',
          uid: rs.metadata?.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: { containers: [{ name: 'web' }], nodeName: 'node-1' },
    status,
  };
}

const readyStatus: V1PodStatus = {
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'True' }],
  containerStatuses: [
    { name: 'web', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
  ],
};

function crashing(restarts: number, exitCode = 1): V1PodStatus {
  return {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: ago(2) }],
    containerStatuses: [
      {
        name: 'web',
        image: '',
        imageID: '',
        ready: false,
        restartCount: restarts,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode, reason: 'Error', finishedAt: ago(1) } },
      },
    ],
  };
}

const pulling: V1PodStatus = {
  phase: 'Pending',
  containerStatuses: [
    {
      name: 'web',
      image: '',
      imageID: '',
      ready: false,
      restartCount: 0,
      state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } },
    },
  ],
};

const notReadySince = (since: Date): V1PodStatus => ({
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: since }],
  containerStatuses: [
    { name: 'web', image: '', imageID: '', ready: false, restartCount: 0, state: { running: {} } },
  ],
});

const OLD = replicaSet(12, '1.4.1', ago(60 * 24));

function observe(
  d: V1Deployment,
  sets: V1ReplicaSet[],
  pods: V1Pod[] = [],
  options = OPTIONS,
): ObservedRollout | undefined {
  return observeRollout('prod-eu', d, sets, byController(pods), options);
}

describe('notice routing', () => {
  const notices = [
    { cluster: 'prod-eu', namespaces: ['shop'], channel: 'C0SHOP' },
    { cluster: 'prod-eu', namespaces: ['shop', 'payments'], channel: 'C0PAY' },
    { cluster: 'staging', channel: 'C0STAGE' },
  ];

  it('sends a namespace to the first entry that names it', () => {
    expect(noticeChannel(notices, 'prod-eu', 'shop')).toBe('C0SHOP');
    expect(noticeChannel(notices, 'prod-eu', 'payments')).toBe('C0PAY');
    expect(noticeChannel(notices, 'staging', 'anything')).toBe('C0STAGE');
    expect(noticeChannel(notices, 'prod-eu', 'kube-system')).toBeUndefined();
  });

  it('watches the union of namespaces per cluster, or all of them', () => {
    expect(noticeScopes(notices)).toEqual([
      { cluster: 'prod-eu', namespaces: ['payments', 'shop'] },
      { cluster: 'staging', namespaces: undefined },
    ]);
    expect(
      noticeScopes([
        { cluster: 'prod-eu', channel: 'C1' },
        { cluster: 'prod-eu', namespaces: ['shop'], channel: 'C2' },
      ]),
    ).toEqual([{ cluster: 'prod-eu', namespaces: undefined }]);
  });
});

describe('a new revision', () => {
  it('is the Deployment’s own revision, compared with the highest one below it', () => {
    const current = replicaSet(13, '1.4.2', ago(2));
    const older = replicaSet(9, '1.3.0', ago(60 * 48));
    const rollout = observe(deployment(13, ROLLING), [older, current, OLD]);
    expect(rollout?.key).toEqual({
      cluster: 'prod-eu',
      namespace: 'shop',
      workload: 'web',
      revision: 13,
    });
    expect(rollout?.previous?.revision).toBe(12);
    expect(rollout?.current.changeCause).toBe('deploy 1.4.2');
    expect(rollout?.startedAt).toBe(ago(2).getTime());
  });

  it('waits while the cache does not hold the new ReplicaSet yet', () => {
    expect(observe(deployment(13, ROLLING), [OLD])).toBeUndefined();
  });

  it('counts only the pods of its own ReplicaSet', () => {
    const current = replicaSet(13, '1.4.2', ago(2));
    const pods = [pod(current, 'web-new-1', readyStatus), pod(OLD, 'web-old-1', readyStatus)];
    const rollout = observe(deployment(13, ROLLING), [OLD, current], pods);
    expect(rollout?.pods.map((p) => p.metadata?.name)).toEqual(['web-new-1']);
    expect(rollout?.progress).toMatchObject({ phase: 'progressing', updated: 1, ready: 1 });
  });

  it('is news while it is fresh or still rolling out, not once an old rollout is done', () => {
    const fresh = observe(deployment(13, COMPLETE), [OLD, replicaSet(13, '1.4.2', ago(10))]);
    const oldDone = observe(deployment(13, COMPLETE), [OLD, replicaSet(13, '1.4.2', ago(45))]);
    const oldRolling = observe(deployment(13, ROLLING), [OLD, replicaSet(13, '1.4.2', ago(45))]);
    const paused = observe(deployment(13, ROLLING, { paused: true }), [
      OLD,
      replicaSet(13, '1.4.2', ago(45)),
    ]);
    expect(fresh?.noticeable).toBe(true);
    expect(oldDone?.noticeable).toBe(false);
    expect(oldRolling?.noticeable).toBe(true);
    expect(paused?.noticeable).toBe(false);
  });

  it('opens a notice unless silenced; a first revision only when it fails', () => {
    const second = observe(deployment(13, ROLLING), [OLD, replicaSet(13, '1.4.2', ago(2))])!;
    expect(opensNotice(second, false)).toBe(true);
    expect(opensNotice(second, true)).toBe(false);
    const first = replicaSet(1, '1.0.0', ago(2));
    const quiet = observe(deployment(1, ROLLING), [first])!;
    expect(opensNotice(quiet, false)).toBe(false);
    const failing = observe(deployment(1, ROLLING), [first], [pod(first, 'web-1', crashing(4))])!;
    expect(opensNotice(failing, false)).toBe(true);
  });
});

describe('failure classification', () => {
  const current = replicaSet(13, '1.4.2', ago(2));
  const progress = (status: V1DeploymentStatus, pods: V1Pod[], started = ago(2)) =>
    rolloutProgress(deployment(13, status), pods, started.getTime(), OPTIONS);

  it('is complete by kubectl rollout status, once the new spec was observed', () => {
    expect(progress(COMPLETE, []).phase).toBe('complete');
    expect(progress({ ...COMPLETE, observedGeneration: 1 }, []).phase).toBe('progressing');
    expect(progress({ ...COMPLETE, replicas: 3 }, []).phase).toBe('progressing');
  });

  it('inside the deadline, pods that are slow, not ready or pulling are only progress', () => {
    const pods = [
      pod(current, 'a', notReadySince(ago(8)), ago(8)),
      pod(current, 'b', pulling, ago(8)),
      pod(current, 'c', crashing(2)),
    ];
    expect(progress(ROLLING, pods, ago(8)).phase).toBe('progressing');
  });

  it('fails at once when a new pod crashed three times, even inside the deadline', () => {
    const result = progress(ROLLING, [
      pod(current, 'a', crashing(3, 2)),
      pod(current, 'b', crashing(1, 2)),
    ]);
    expect(result.phase).toBe('failing');
    if (result.phase !== 'failing') return;
    expect(result.failure).toEqual({
      reason: 'CrashLoopBackOff',
      message: 'container web keeps exiting with code 2',
      pods: 2,
      restarts: 4,
      exitCode: 2,
      deadlineExceeded: false,
    });
  });

  it('fails when the controller reports ProgressDeadlineExceeded, named after the pods’ problem', () => {
    const stuck: V1DeploymentStatus = {
      ...ROLLING,
      conditions: [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "web-rs13" has timed out progressing.',
        },
      ],
    };
    const withPods = progress(stuck, [pod(current, 'a', pulling, ago(12))], ago(12));
    expect(withPods).toMatchObject({
      phase: 'failing',
      failure: { reason: 'ImagePullBackOff', pods: 1, deadlineExceeded: true },
    });
    expect(progress(stuck, [], ago(12))).toMatchObject({
      phase: 'failing',
      failure: {
        reason: 'ProgressDeadlineExceeded',
        message: 'ReplicaSet "web-rs13" has timed out progressing.',
        pods: 0,
      },
    });
  });

  it('fails past the deadline with pods in trouble even before the controller says so', () => {
    const late = { ...ROLLING, conditions: [progressingSince(ago(11))] };
    expect(progress(late, [pod(current, 'a', pulling, ago(11))], ago(11)).phase).toBe('failing');
    expect(progress(late, [pod(current, 'a', readyStatus, ago(11))], ago(11)).phase).toBe(
      'progressing',
    );
  });
});

describe('a notice’s view', () => {
  const current = replicaSet(13, '1.4.2', ago(2));
  const rolling = observe(
    deployment(13, ROLLING),
    [OLD, current],
    [pod(current, 'a', readyStatus)],
  )!;
  const done = observe(deployment(13, COMPLETE), [OLD, current])!;
  const failing = observe(
    deployment(13, ROLLING),
    [OLD, current],
    [pod(current, 'a', crashing(5))],
  )!;

  it('opens with what changed and when it started', () => {
    const view = openingView(rolling, NOW);
    expect(view).toMatchObject({
      revision: 13,
      previousRevision: 12,
      state: 'progressing',
      images: [{ container: 'web', from: image('1.4.1'), to: image('1.4.2') }],
      otherChanges: [],
      changeCause: 'deploy 1.4.2',
      startedAt: ago(2).toISOString(),
      counts: { updated: 1, ready: 1, desired: 2 },
    });
  });

  it('completes, fails, and stays failing while pods come and go until the rollout completes', () => {
    const view = openingView(rolling, ago(1));
    const complete = advanceView(view, { kind: 'same', rollout: done }, NOW);
    expect(complete).toMatchObject({ state: 'complete', completedAt: NOW.toISOString() });
    const failed = advanceView(view, { kind: 'same', rollout: failing }, NOW);
    expect(failed).toMatchObject({ state: 'failing', failure: { reason: 'CrashLoopBackOff' } });
    const still = advanceView(failed, { kind: 'same', rollout: rolling }, NOW);
    expect(still.state).toBe('failing');
    expect(still.failure?.reason).toBe('CrashLoopBackOff');
    expect(advanceView(still, { kind: 'same', rollout: done }, NOW).state).toBe('complete');
  });

  it('is superseded by a newer revision or by the Deployment’s deletion, and final then', () => {
    const view = openingView(rolling, NOW);
    const newer = advanceView(view, { kind: 'newer', revision: 14 }, NOW);
    expect(newer).toMatchObject({ state: 'superseded', supersededBy: 14 });
    expect(advanceView(view, { kind: 'gone' }, NOW)).toMatchObject({
      state: 'superseded',
      supersededBy: null,
    });
    expect(advanceView(newer, { kind: 'same', rollout: done }, NOW)).toBe(newer);
    const complete = advanceView(view, { kind: 'same', rollout: done }, NOW);
    expect(advanceView(complete, { kind: 'newer', revision: 14 }, NOW)).toBe(complete);
  });
});
