// rolloutHistory by kubectl's rules: ReplicaSets controlled by the Deployment (owner uid, not selector),
// missing revision counts as 0, unparsable is skipped; templates compared ignoring pod-template-hash.
import type { V1Deployment, V1PodTemplateSpec, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { revisionOf, rolloutHistory } from '../../src/cluster/history.js';
import { templatesEqual } from '../../src/cluster/template.js';

const template = (image: string, hash?: string): V1PodTemplateSpec => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'web', image }] },
});

const deployment = (image: string, revision?: string): V1Deployment => ({
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: 'uid-web',
    ...(revision ? { annotations: { 'deployment.kubernetes.io/revision': revision } } : {}),
  },
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(image) },
});

function replicaSet(
  name: string,
  revision: string | undefined,
  image: string,
  owner: { uid: string; controller?: boolean } = { uid: 'uid-web', controller: true },
  changeCause?: string,
): V1ReplicaSet {
  const annotations: Record<string, string> = {};
  if (revision !== undefined) annotations['deployment.kubernetes.io/revision'] = revision;
  if (changeCause) annotations['kubernetes.io/change-cause'] = changeCause;
  return {
    metadata: {
      name,
      namespace: 'shop',
      creationTimestamp: new Date('2026-03-01T10:00:00Z'),
      annotations,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', ...owner }],
    },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: template(image, name.split('-')[1]),
    },
  };
}

describe('revisionOf', () => {
  it.each([
    [undefined, 0],
    ['3', 3],
    [' 12 ', 12],
    ['x3', undefined],
    ['1.5', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, expected) => {
    const annotations: Record<string, string> =
      text === undefined ? {} : { 'deployment.kubernetes.io/revision': text };
    const rs = { metadata: { annotations } };
    expect(revisionOf(rs)).toBe(expected);
  });
});

describe('rolloutHistory', () => {
  const replicaSets = [
    replicaSet('web-ccc', '3', 'web:3', undefined, 'bump to 3'),
    replicaSet('web-aaa', '1', 'web:1'),
    replicaSet('web-bbb', '2', 'web:2'),
    replicaSet('web-old', undefined, 'web:0'),
    replicaSet('web-bad', 'two', 'web:x'),
    replicaSet('web-adopted', '9', 'web:9', { uid: 'uid-web', controller: false }),
    replicaSet('web-other', '7', 'web:7', { uid: 'uid-other', controller: true }),
  ];

  it('lists controlled revisions oldest first, marking the one the Deployment runs', () => {
    const history = rolloutHistory(deployment('web:2', '2'), replicaSets);
    expect(history.map((r) => [r.revision, r.images, r.current, r.changeCause])).toEqual([
      [0, ['web:0'], false, undefined],
      [1, ['web:1'], false, undefined],
      [2, ['web:2'], true, undefined],
      [3, ['web:3'], false, 'bump to 3'],
    ]);
    expect(history[2]?.replicaSet.metadata?.name).toBe('web-bbb');
    expect(history[0]?.createdAt).toEqual(new Date('2026-03-01T10:00:00Z'));
  });

  it('finds the current revision by template when the Deployment carries no revision', () => {
    const history = rolloutHistory(deployment('web:3'), replicaSets);
    expect(history.filter((r) => r.current).map((r) => r.revision)).toEqual([3]);
  });

  it('is empty for a Deployment that controls nothing', () => {
    expect(
      rolloutHistory(
        { ...deployment('web:1'), metadata: { name: 'web', uid: 'uid-new' } },
        replicaSets,
      ),
    ).toEqual([]);
  });
});

describe('templatesEqual', () => {
  it('ignores pod-template-hash and absent-versus-undefined fields, and nothing else', () => {
    expect(templatesEqual(template('web:1', 'abc'), template('web:1'))).toBe(true);
    expect(
      templatesEqual(template('web:1'), {
        ...template('web:1'),
        spec: { containers: [{ name: 'web', image: 'web:1', env: undefined }] },
      }),
    ).toBe(true);
    expect(templatesEqual(template('web:1'), template('web:2'))).toBe(false);
    const annotated = {
      ...template('web:1'),
      metadata: { labels: { app: 'web' }, annotations: { restartedAt: 'now' } },
    };
    expect(templatesEqual(template('web:1'), annotated)).toBe(false);
  });
});
