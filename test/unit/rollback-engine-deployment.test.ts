// Deployment rollbacks against kubectl's own cases (polymorphichelpers/rollback.go + rollback_test.go, util/deployment).
import type { V1Deployment, V1PodTemplateSpec, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { currentRevision, planRollback, revisionsOf } from '../../src/rollback/engine/index.js';
import type { RollbackPlan } from '../../src/rollback/engine/index.js';
import { applyJsonPatch } from '../../src/sandbox/kube/patch/json-patch.js';
import type { JsonValue } from '../../src/sandbox/kube/types.js';

const UID = 'uid-web';
const CAUSE = 'kubernetes.io/change-cause';

const template = (image: string, hash?: string): V1PodTemplateSpec => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'web', image }] },
});

function deployment(
  image: string,
  options: {
    annotations?: Record<string, string> | null;
    paused?: boolean;
    resourceVersion?: string | null;
    revisionHistoryLimit?: number;
  } = {},
): V1Deployment {
  const annotations =
    options.annotations === null
      ? undefined
      : (options.annotations ?? { 'deployment.kubernetes.io/revision': '3', team: 'shop' });
  return {
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: UID,
      ...(options.resourceVersion === null
        ? {}
        : { resourceVersion: options.resourceVersion ?? '812' }),
      ...(annotations ? { annotations } : {}),
    },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: template(image),
      ...(options.paused !== undefined ? { paused: options.paused } : {}),
      ...(options.revisionHistoryLimit !== undefined
        ? { revisionHistoryLimit: options.revisionHistoryLimit }
        : {}),
    },
  };
}

type Owner = 'controller' | 'other-uid' | 'not-controller' | 'none';

function replicaSet(
  revision: string | undefined,
  image: string,
  options: { owner?: Owner; cause?: string; created?: string; name?: string } = {},
): V1ReplicaSet {
  const hash = `h${image.replace(/\W/g, '')}`;
  const owner = options.owner ?? 'controller';
  const ownerReferences =
    owner === 'none'
      ? undefined
      : [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: owner === 'other-uid' ? 'uid-other' : UID,
            controller: owner !== 'not-controller',
          },
        ];
  const annotations: Record<string, string> = {
    ...(revision !== undefined ? { 'deployment.kubernetes.io/revision': revision } : {}),
    ...(options.cause ? { [CAUSE]: options.cause } : {}),
  };
  return {
    metadata: {
      name: options.name ?? `web-${hash}`,
      namespace: 'shop',
      uid: `uid-rs-${hash}`,
      annotations,
      creationTimestamp: new Date(options.created ?? '2026-01-01T00:00:00Z'),
      ...(ownerReferences ? { ownerReferences } : {}),
    },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(image, hash) },
  };
}

const history = [
  replicaSet('1', 'shop/web:1', { cause: 'deploy 1', created: '2026-01-01T00:00:00Z' }),
  replicaSet('2', 'shop/web:2', { cause: 'deploy 2', created: '2026-01-02T00:00:00Z' }),
  replicaSet('3', 'shop/web:3', { cause: 'deploy 3', created: '2026-01-03T00:00:00Z' }),
];

const plan = (
  object: V1Deployment,
  replicaSets: V1ReplicaSet[],
  toRevision?: number,
): RollbackPlan =>
  planRollback({ kind: 'Deployment', object, replicaSets, toRevision, gitopsPolicy: 'warn' });

function patchOf(result: RollbackPlan) {
  if (result.kind !== 'patch' || result.contentType !== 'application/json-patch+json') {
    throw new Error(`expected a JSON patch, got ${JSON.stringify(result)}`);
  }
  return result;
}

const applied = (object: V1Deployment, result: RollbackPlan) =>
  applyJsonPatch(
    JSON.parse(JSON.stringify(object)) as JsonValue,
    patchOf(result).patch,
  ) as V1Deployment;

describe('target selection (kubectl deploymentRevision)', () => {
  it.each<[string, V1ReplicaSet[], number | undefined, number, string]>([
    ['--to-revision 0: the second-highest revision', history, undefined, 2, 'shop/web:2'],
    [
      '--to-revision 0 with the ReplicaSets in any order',
      [...history].reverse(),
      0,
      2,
      'shop/web:2',
    ],
    ['--to-revision N: exactly N', history, 1, 1, 'shop/web:1'],
    [
      'a missing revision annotation counts as 0 (deploymentutil.Revision)',
      [replicaSet(undefined, 'shop/web:0'), replicaSet('3', 'shop/web:3')],
      0,
      0,
      'shop/web:0',
    ],
    [
      'an unparsable revision is skipped (strconv.ParseInt fails)',
      [
        replicaSet('1', 'shop/web:1'),
        replicaSet('2x', 'shop/web:x'),
        replicaSet(' 2', 'shop/web:y'),
        replicaSet('2.0', 'shop/web:z'),
        replicaSet('3', 'shop/web:3'),
      ],
      0,
      1,
      'shop/web:1',
    ],
    [
      'ReplicaSets not controlled by the Deployment are ignored (listReplicaSets: IsControlledBy)',
      [
        ...history,
        replicaSet('9', 'shop/web:other-uid', { owner: 'other-uid' }),
        replicaSet('8', 'shop/web:not-controller', { owner: 'not-controller' }),
        replicaSet('7', 'shop/web:orphan', { owner: 'none' }),
      ],
      0,
      2,
      'shop/web:2',
    ],
  ])('%s', (_name, replicaSets, toRevision, revision, image) => {
    const result = patchOf(plan(deployment('shop/web:3'), replicaSets, toRevision));
    expect(result.toRevision).toBe(revision);
    expect(result.targetTemplate.spec?.containers[0]?.image).toBe(image);
  });

  it('--to-revision N of a ReplicaSet not controlled by the Deployment is not found', () => {
    const foreign = replicaSet('9', 'shop/web:9', { owner: 'other-uid' });
    expect(plan(deployment('shop/web:3'), [...history, foreign], 9)).toMatchObject({
      kind: 'refused',
      reason: 'revision-not-found',
    });
  });
});

describe('refusals, each one sentence', () => {
  it.each<[string, V1Deployment, V1ReplicaSet[], number | undefined, RollbackPlan]>([
    [
      'no ReplicaSets: "no rollout history found"',
      deployment('shop/web:3'),
      [],
      undefined,
      {
        kind: 'refused',
        reason: 'no-history',
        sentence: 'no rollout history found for deployment shop/web',
      },
    ],
    [
      'only unparsable revisions count as no history',
      deployment('shop/web:3'),
      [replicaSet('three', 'shop/web:3')],
      undefined,
      {
        kind: 'refused',
        reason: 'no-history',
        sentence: 'no rollout history found for deployment shop/web',
      },
    ],
    [
      'only one revision',
      deployment('shop/web:3'),
      [replicaSet('3', 'shop/web:3')],
      undefined,
      {
        kind: 'refused',
        reason: 'only-one-revision',
        sentence: 'shop/web has only one revision; there is nothing to roll back to',
      },
    ],
    [
      '--to-revision not found (revisionNotFoundErr), default revisionHistoryLimit 10',
      deployment('shop/web:3'),
      history,
      7,
      {
        kind: 'refused',
        reason: 'revision-not-found',
        sentence:
          'revision 7 of shop/web no longer exists — only the last 11 revisions are kept (revisionHistoryLimit); `/k8s history shop/web` lists them',
      },
    ],
    [
      '--to-revision not found with revisionHistoryLimit 2',
      deployment('shop/web:3', { revisionHistoryLimit: 2 }),
      history,
      7,
      {
        kind: 'refused',
        reason: 'revision-not-found',
        sentence:
          'revision 7 of shop/web no longer exists — only the last 3 revisions are kept (revisionHistoryLimit); `/k8s history shop/web` lists them',
      },
    ],
    [
      'paused is refused before anything else, even with no history',
      deployment('shop/web:3', { paused: true }),
      [],
      undefined,
      {
        kind: 'refused',
        reason: 'paused',
        sentence: 'shop/web is paused; resume it first (kubectl rollout resume)',
      },
    ],
    [
      'a negative revision (kubectl: toRevision < 0)',
      deployment('shop/web:3'),
      history,
      -1,
      {
        kind: 'refused',
        reason: 'invalid-revision',
        sentence: '-1 is not a revision number; revisions are whole numbers from 1 up',
      },
    ],
    [
      'no resourceVersion to guard the patch with',
      deployment('shop/web:3', { resourceVersion: null }),
      history,
      undefined,
      {
        kind: 'refused',
        reason: 'no-resource-version',
        sentence:
          'shop/web was read without a resourceVersion, so the rollback cannot be guarded against concurrent changes; read it again',
      },
    ],
  ])('%s', (_name, object, replicaSets, toRevision, expected) => {
    expect(plan(object, replicaSets, toRevision)).toEqual(expected);
  });

  it('a paused Deployment is not paused any more once spec.paused is false', () => {
    expect(plan(deployment('shop/web:3', { paused: false }), history).kind).toBe('patch');
  });
});

describe('"already at" (kubectl: skipped rollback, current template already matches revision N)', () => {
  it.each<[string, V1Deployment, V1ReplicaSet[], number | undefined, number]>([
    ['--to the current revision', deployment('shop/web:3'), history, 3, 3],
    [
      'equal but for pod-template-hash (equalIgnoreHash)',
      deployment('shop/web:2'),
      [replicaSet('2', 'shop/web:2'), replicaSet('3', 'shop/web:3')],
      undefined,
      2,
    ],
  ])('%s', (_name, object, replicaSets, toRevision, revision) => {
    expect(plan(object, replicaSets, toRevision)).toEqual({
      kind: 'already',
      revision,
      sentence: `shop/web is already at revision ${revision}`,
    });
  });

  it('a template that differs in more than the hash label is not "already"', () => {
    const object = deployment('shop/web:2');
    object.spec!.template.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': 'now' };
    expect(plan(object, [replicaSet('2', 'shop/web:2'), replicaSet('3', 'shop/web:3')]).kind).toBe(
      'patch',
    );
  });
});

describe('the patch', () => {
  it('TestGetDeploymentPatch: replaces /spec/template, after a resourceVersion test op', () => {
    const object = deployment('shop/web:3');
    const result = patchOf(plan(object, history, 2));
    expect(result.patch).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '812' },
      {
        op: 'replace',
        path: '/spec/template',
        value: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'shop/web:2' }] },
        },
      },
      { op: 'add', path: '/metadata/annotations/kubernetes.io~1change-cause', value: 'deploy 2' },
    ]);
    expect(result).toMatchObject({ fromRevision: 3, toRevision: 2 });
  });

  it('deletes the pod-template-hash label but keeps the target template otherwise', () => {
    const result = patchOf(plan(deployment('shop/web:3'), history, 1));
    expect(result.targetTemplate.metadata?.labels).toEqual({ app: 'web' });
    expect(history[0]!.spec!.template!.metadata!.labels!['pod-template-hash']).toBe('hshopweb1');
  });

  it('applied, it restores the template, carries change-cause along and keeps the other annotations', () => {
    const object = deployment('shop/web:3', {
      annotations: { 'deployment.kubernetes.io/revision': '3', team: 'shop', [CAUSE]: 'deploy 3' },
    });
    const after = applied(object, plan(object, history));
    expect(after.spec?.template).toEqual({
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'shop/web:2' }] },
    });
    expect(after.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/revision': '3',
      team: 'shop',
      [CAUSE]: 'deploy 2',
    });
  });

  it.each<
    [string, Record<string, string> | null, string | undefined, Record<string, string> | undefined]
  >([
    [
      'target without change-cause: removed',
      { team: 'shop', [CAUSE]: 'x' },
      undefined,
      { team: 'shop' },
    ],
    ['target without, Deployment without: no op', { team: 'shop' }, undefined, { team: 'shop' }],
    ['Deployment without annotations at all', null, 'deploy 2', { [CAUSE]: 'deploy 2' }],
    [
      'the same change-cause: left as is',
      { [CAUSE]: 'deploy 2' },
      'deploy 2',
      { [CAUSE]: 'deploy 2' },
    ],
  ])('change-cause: %s', (_name, annotations, cause, expected) => {
    const object = deployment('shop/web:3', { annotations });
    const replicaSets = [
      replicaSet('2', 'shop/web:2', cause ? { cause } : {}),
      replicaSet('3', 'shop/web:3'),
    ];
    expect(applied(object, plan(object, replicaSets)).metadata?.annotations).toEqual(expected);
  });

  it('fails as a whole when the Deployment changed after approval (resourceVersion moved on)', () => {
    const object = deployment('shop/web:3');
    const result = plan(object, history);
    const moved = { ...object, metadata: { ...object.metadata, resourceVersion: '813' } };
    expect(() => applied(moved, result)).toThrow();
  });

  it('a GitOps-managed Deployment gets a warning with policy warn and a refusal with refuse', () => {
    const object = deployment('shop/web:3');
    object.metadata!.labels = { 'argocd.argoproj.io/instance': 'shop-web' };
    const warned = planRollback({
      kind: 'Deployment',
      object,
      replicaSets: history,
      gitopsPolicy: 'warn',
    });
    expect(warned).toMatchObject({
      kind: 'patch',
      warning: 'Argo CD manages shop/web and may revert this rollback; pause its auto-sync first',
    });
    const refused = planRollback({
      kind: 'Deployment',
      object,
      replicaSets: history,
      gitopsPolicy: 'refuse',
    });
    expect(refused).toMatchObject({ kind: 'refused', reason: 'gitops' });
    object.spec!.paused = true;
    const paused = planRollback({
      kind: 'Deployment',
      object,
      replicaSets: history,
      gitopsPolicy: 'refuse',
    });
    expect(paused).toMatchObject({ kind: 'refused', reason: 'paused' });
  });

  it('an unmanaged Deployment gets no warning', () => {
    expect(patchOf(plan(deployment('shop/web:3'), history)).warning).toBeUndefined();
  });
});

describe('currentRevision and revisionsOf', () => {
  it.each<[string, V1Deployment, V1ReplicaSet[], number]>([
    ['the ReplicaSet equal to the template', deployment('shop/web:2'), history, 2],
    [
      'before the controller made a ReplicaSet: the Deployment annotation',
      deployment('shop/web:4'),
      history,
      3,
    ],
    ['neither: the newest revision', deployment('shop/web:4', { annotations: null }), history, 3],
    ['nothing at all: 0', deployment('shop/web:1', { annotations: null }), [], 0],
  ])('currentRevision: %s', (_name, object, replicaSets, expected) => {
    expect(currentRevision({ kind: 'Deployment', object, replicaSets })).toBe(expected);
  });

  it('revisionsOf lists controlled, parsable revisions oldest first, with images and change-cause', () => {
    const replicaSets = [
      ...[...history].reverse(),
      replicaSet('bad', 'shop/web:bad'),
      replicaSet('9', 'shop/web:9', { owner: 'other-uid' }),
    ];
    expect(
      revisionsOf({ kind: 'Deployment', object: deployment('shop/web:3'), replicaSets }),
    ).toEqual([
      {
        revision: 1,
        name: 'web-hshopweb1',
        images: ['shop/web:1'],
        changeCause: 'deploy 1',
        createdAt: new Date('2026-01-01T00:00:00Z'),
        current: false,
      },
      {
        revision: 2,
        name: 'web-hshopweb2',
        images: ['shop/web:2'],
        changeCause: 'deploy 2',
        createdAt: new Date('2026-01-02T00:00:00Z'),
        current: false,
      },
      {
        revision: 3,
        name: 'web-hshopweb3',
        images: ['shop/web:3'],
        changeCause: 'deploy 3',
        createdAt: new Date('2026-01-03T00:00:00Z'),
        current: true,
      },
    ]);
  });
});
