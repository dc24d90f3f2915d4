// StatefulSet/DaemonSet rollbacks against kubectl's cases (rollback.go, rollback_test.go, history_test.go).
import type {
  V1ControllerRevision,
  V1DaemonSet,
  V1PodTemplateSpec,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { currentRevision, planRollback, revisionsOf } from '../../src/rollback/engine/index.js';
import type { RollbackPlan, WorkloadState } from '../../src/rollback/engine/index.js';
import { semanticEqual } from '../../src/rollback/engine/equality.js';
import { applyStrategicMergePatch } from '../../src/sandbox/kube/patch/strategic-merge.js';
import type { JsonValue } from '../../src/sandbox/kube/types.js';

const UID = '1993';

/** kubectl's getStatefulSetPatch / getDaemonSetPatch: what the controllers record as a revision's data. */
const dataFor = (template: V1PodTemplateSpec) => ({
  spec: { template: { ...template, $patch: 'replace' } },
});

const meta = { name: 'moons', namespace: 'default', uid: UID, resourceVersion: '41' };

const statefulSet = (template: V1PodTemplateSpec, updateRevision?: string): V1StatefulSet => ({
  metadata: { ...meta },
  spec: { selector: { matchLabels: { foo: 'bar' } }, serviceName: 'moons', template },
  ...(updateRevision ? { status: { replicas: 1, updateRevision } } : {}),
});

const daemonSet = (template: V1PodTemplateSpec): V1DaemonSet => ({
  metadata: { ...meta },
  spec: { selector: { matchLabels: { foo: 'bar' } }, template },
});

function revision(
  number: number,
  template: V1PodTemplateSpec,
  options: { kind?: string; ownerUid?: string; cause?: string } = {},
): V1ControllerRevision {
  return {
    metadata: {
      name: `moons-${number}`,
      namespace: 'default',
      creationTimestamp: new Date(`2026-01-0${number}T00:00:00Z`),
      ...(options.cause ? { annotations: { 'kubernetes.io/change-cause': options.cause } } : {}),
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: options.kind ?? 'StatefulSet',
          name: 'moons',
          uid: options.ownerUid ?? UID,
          controller: true,
        },
      ],
    },
    data: dataFor(template),
    revision: number,
  };
}

const nginx = (image: string): V1PodTemplateSpec => ({
  metadata: { labels: { foo: 'bar' } },
  spec: { containers: [{ name: 'test', image }] },
});

function strategicPatch(result: RollbackPlan) {
  if (result.kind !== 'patch' || result.contentType !== 'application/strategic-merge-patch+json') {
    throw new Error(`expected a strategic-merge patch, got ${JSON.stringify(result)}`);
  }
  return result;
}

// The three templates of TestStatefulSetApplyRevision and TestApplyDaemonSetHistory: source → expected.
const applyCases: Array<[string, V1PodTemplateSpec, V1PodTemplateSpec]> = [
  [
    'test_less',
    {
      metadata: { annotations: { version: 'v3' } },
      spec: {
        initContainers: [{ name: 'i0' }],
        containers: [{ name: 'c0' }],
        volumes: [{ name: 'v0' }],
        nodeSelector: { '1dsa': 'n0' },
        imagePullSecrets: [{ name: 'ips0' }],
        tolerations: [{ key: 't0' }],
        hostAliases: [{ ip: 'h0' }],
        readinessGates: [{ conditionType: 'PodScheduled' }],
      },
    },
    { spec: { containers: [{ name: 'c1' }], initContainers: [] } },
  ],
  [
    'test_more',
    { spec: { containers: [], initContainers: [{ name: 'i0' }] } },
    {
      metadata: { annotations: { version: 'v3' } },
      spec: {
        initContainers: [{ name: 'i1' }],
        containers: [{ name: 'c1' }],
        volumes: [{ name: 'v1' }],
      },
    },
  ],
  [
    'test_equal',
    {
      metadata: { annotations: { version: 'v3' } },
      spec: {
        containers: [{ name: 'c1' }],
        initContainers: [{ name: 'i0' }],
        volumes: [{ name: 'v0' }],
      },
    },
    {
      metadata: { annotations: { version: 'v2' } },
      spec: {
        initContainers: [{ name: 'i1' }],
        containers: [{ name: 'c1' }],
        volumes: [{ name: 'v1' }],
      },
    },
  ],
];

describe.each<['StatefulSet' | 'DaemonSet']>([['StatefulSet'], ['DaemonSet']])('%s', (kind) => {
  const state = (
    template: V1PodTemplateSpec,
    controllerRevisions: V1ControllerRevision[],
  ): WorkloadState =>
    kind === 'StatefulSet'
      ? { kind, object: statefulSet(template), controllerRevisions }
      : { kind, object: daemonSet(template), controllerRevisions };
  const rev = (n: number, template: V1PodTemplateSpec, options: { ownerUid?: string } = {}) =>
    revision(n, template, { ...options, kind });

  it.each(applyCases)(
    '%s: the patch applied to the current object gives the target template',
    (_name, source, expected) => {
      const current = state(source, [rev(1, expected), rev(2, source)]);
      const result = strategicPatch(planRollback({ ...current, gitopsPolicy: 'warn' }));
      expect(result).toMatchObject({ fromRevision: 2, toRevision: 1 });
      const patched = applyStrategicMergePatch(
        JSON.parse(JSON.stringify(current.object)) as JsonValue,
        result.patch,
      ) as V1StatefulSet;
      expect(semanticEqual(patched.spec?.template, expected)).toBe(true);
      expect(semanticEqual(result.targetTemplate, expected)).toBe(true);
    },
  );

  it("the patch is the revision's data plus the resourceVersion guard", () => {
    const current = state(nginx('nginx:2'), [rev(1, nginx('nginx:1')), rev(2, nginx('nginx:2'))]);
    expect(planRollback({ ...current, gitopsPolicy: 'warn' })).toEqual({
      kind: 'patch',
      contentType: 'application/strategic-merge-patch+json',
      patch: { ...dataFor(nginx('nginx:1')), metadata: { resourceVersion: '41' } },
      fromRevision: 2,
      toRevision: 1,
      targetTemplate: nginx('nginx:1'),
    });
  });

  it.each<[string, number[], number | undefined, number]>([
    ['default: the second-highest .revision (findHistory)', [1, 2, 3], undefined, 2],
    ['default, revisions listed out of order', [3, 1, 2], 0, 2],
    ['default with gaps in the numbers', [2, 7, 5], 0, 5],
    ['--to-revision N', [1, 2, 3], 1, 1],
  ])('target: %s', (_name, numbers, toRevision, expected) => {
    const revisions = numbers.map((n) => rev(n, nginx(`nginx:${n}`)));
    const newest = Math.max(...numbers);
    const result = strategicPatch(
      planRollback({
        ...state(nginx(`nginx:${newest}`), revisions),
        toRevision,
        gitopsPolicy: 'warn',
      }),
    );
    expect(result.toRevision).toBe(expected);
    expect(result.targetTemplate.spec?.containers[0]?.image).toBe(`nginx:${expected}`);
  });

  it('ControllerRevisions controlled by another object are ignored (controlledHistory)', () => {
    const revisions = [
      rev(1, nginx('nginx:1')),
      rev(2, nginx('nginx:2')),
      rev(5, nginx('nginx:foreign'), { ownerUid: 'someone-else' }),
    ];
    const result = strategicPatch(
      planRollback({ ...state(nginx('nginx:2'), revisions), gitopsPolicy: 'warn' }),
    );
    expect(result.toRevision).toBe(1);
  });

  it.each<[string, V1ControllerRevision[], number | undefined, Partial<RollbackPlan>]>([
    [
      'no history',
      [],
      undefined,
      {
        kind: 'refused',
        reason: 'no-history',
        sentence: `no rollout history found for ${kind.toLowerCase()} default/moons`,
      },
    ],
    [
      'only one revision ("no last revision to roll back to")',
      [revision(1, nginx('nginx:1'), { kind })],
      undefined,
      {
        kind: 'refused',
        reason: 'only-one-revision',
        sentence: 'default/moons has only one revision; there is nothing to roll back to',
      },
    ],
    [
      '--to-revision not found',
      [revision(1, nginx('nginx:1'), { kind }), revision(2, nginx('nginx:2'), { kind })],
      4,
      { kind: 'refused', reason: 'revision-not-found' },
    ],
    [
      'already at the target (statefulsetMatch / daemonSetMatch)',
      [revision(1, nginx('nginx:2'), { kind }), revision(2, nginx('nginx:1'), { kind })],
      undefined,
      { kind: 'already', revision: 1, sentence: 'default/moons is already at revision 1' },
    ],
  ])('%s', (_name, revisions, toRevision, expected) => {
    const result = planRollback({
      ...state(nginx('nginx:2'), revisions),
      toRevision,
      gitopsPolicy: 'warn',
    });
    expect(result).toMatchObject(expected);
  });

  it('a Flux-managed workload is refused under policy refuse', () => {
    const current = state(nginx('nginx:2'), [rev(1, nginx('nginx:1')), rev(2, nginx('nginx:2'))]);
    current.object.metadata!.labels = { 'helm.toolkit.fluxcd.io/name': 'moons' };
    expect(planRollback({ ...current, gitopsPolicy: 'refuse' })).toMatchObject({
      kind: 'refused',
      reason: 'gitops',
    });
  });

  it('TestViewHistory: one revision, listed with its image and no change-cause', () => {
    const current = state(nginx('nginx'), [rev(1, nginx('nginx'))]);
    expect(revisionsOf(current)).toEqual([
      {
        revision: 1,
        name: 'moons-1',
        images: ['nginx'],
        createdAt: new Date('2026-01-01T00:00:00Z'),
        current: true,
      },
    ]);
  });
});

describe('currentRevision of ControllerRevision workloads', () => {
  const revisions = [
    revision(1, nginx('nginx:1')),
    revision(2, nginx('nginx:2'), { cause: 'bump' }),
    revision(3, nginx('nginx:3')),
  ];

  it.each<[string, WorkloadState, number]>([
    [
      'the revision whose data matches the template',
      {
        kind: 'StatefulSet',
        object: statefulSet(nginx('nginx:2')),
        controllerRevisions: revisions,
      },
      2,
    ],
    [
      'a template without a revision yet: the StatefulSet status.updateRevision',
      {
        kind: 'StatefulSet',
        object: statefulSet(nginx('nginx:9'), 'moons-1'),
        controllerRevisions: revisions,
      },
      1,
    ],
    [
      'a DaemonSet template without a revision yet: the newest',
      {
        kind: 'DaemonSet',
        object: daemonSet(nginx('nginx:9')),
        controllerRevisions: revisions.map((r) => ({
          ...r,
          metadata: {
            ...r.metadata,
            ownerReferences: [{ ...r.metadata!.ownerReferences![0]!, kind: 'DaemonSet' }],
          },
        })),
      },
      3,
    ],
  ])('%s', (_name, state, expected) => {
    expect(currentRevision(state)).toBe(expected);
  });

  it('carries the change-cause annotation of a ControllerRevision into the history', () => {
    const state: WorkloadState = {
      kind: 'StatefulSet',
      object: statefulSet(nginx('nginx:3')),
      controllerRevisions: revisions,
    };
    expect(revisionsOf(state).map((r) => [r.revision, r.changeCause, r.current])).toEqual([
      [1, undefined, false],
      [2, 'bump', false],
      [3, undefined, true],
    ]);
  });
});
