// Stale rollback cards: a new rollout since the card was posted makes its button refuse; status updates do not.
import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { isStale, snapshotOf } from '../../src/rollback/engine/index.js';
import type { CardSnapshot, WorkloadState } from '../../src/rollback/engine/index.js';

const UID = 'uid-web';

const template = (image: string) => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image }] },
});

const deployment = (
  image: string,
  revision: number,
  extra: Partial<V1Deployment> = {},
): V1Deployment => ({
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: UID,
    resourceVersion: '100',
    generation: 5,
    annotations: { 'deployment.kubernetes.io/revision': String(revision) },
  },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template(image) },
  ...extra,
});

const replicaSet = (revision: number, image: string): V1ReplicaSet => ({
  metadata: {
    name: `web-${revision}`,
    annotations: { 'deployment.kubernetes.io/revision': String(revision) },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: UID, controller: true },
    ],
  },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      ...template(image),
      metadata: { labels: { app: 'web', 'pod-template-hash': `h${revision}` } },
    },
  },
});

const thirteen = [replicaSet(12, 'shop/web:12'), replicaSet(13, 'shop/web:13')];
const posted: WorkloadState = {
  kind: 'Deployment',
  object: deployment('shop/web:13', 13),
  replicaSets: thirteen,
};
const card = snapshotOf(posted);

describe('snapshotOf', () => {
  it('keeps the resourceVersion, generation, revision and a template digest', () => {
    expect(card).toEqual({
      resourceVersion: '100',
      generation: 5,
      currentRevision: 13,
      templateHash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown as string,
    });
  });

  it('the digest ignores pod-template-hash and empty fields but not the image', () => {
    const same = deployment('shop/web:13', 13);
    same.spec!.template.metadata!.labels!['pod-template-hash'] = 'abc';
    same.spec!.template.spec!.volumes = [];
    expect(
      snapshotOf({ kind: 'Deployment', object: same, replicaSets: thirteen }).templateHash,
    ).toBe(card.templateHash);
    const other = deployment('shop/web:14', 13);
    expect(
      snapshotOf({ kind: 'Deployment', object: other, replicaSets: thirteen }).templateHash,
    ).not.toBe(card.templateHash);
  });
});

describe('isStale(card, current)', () => {
  it.each<[string, CardSnapshot, WorkloadState, ReturnType<typeof isStale>]>([
    ['nothing happened', card, posted, { stale: false }],
    [
      'a status-only update (new resourceVersion, same template)',
      card,
      {
        ...posted,
        object: deployment('shop/web:13', 13, {
          metadata: { ...posted.object.metadata, resourceVersion: '150' },
          status: { readyReplicas: 2 },
        }),
      },
      { stale: false },
    ],
    [
      'scaled (new generation, same template)',
      card,
      {
        ...posted,
        object: {
          ...deployment('shop/web:13', 13),
          metadata: { ...posted.object.metadata, generation: 6, resourceVersion: '160' },
        },
      },
      { stale: false },
    ],
    [
      'a new rollout happened',
      card,
      {
        kind: 'Deployment',
        object: deployment('shop/web:14', 14),
        replicaSets: [...thirteen, replicaSet(14, 'shop/web:14')],
      },
      {
        stale: true,
        sentence:
          'shop/web changed since this card was posted (now at revision 14); run /k8s rollback again',
      },
    ],
    [
      'the template changed before the controller made its ReplicaSet',
      card,
      { ...posted, object: deployment('shop/web:14', 13) },
      {
        stale: true,
        sentence:
          'shop/web changed since this card was posted (now at revision 13); run /k8s rollback again',
      },
    ],
    [
      'someone else rolled back meanwhile (the old ReplicaSet became revision 14)',
      card,
      {
        kind: 'Deployment',
        object: deployment('shop/web:12', 14),
        replicaSets: [replicaSet(14, 'shop/web:12'), replicaSet(13, 'shop/web:13')],
      },
      {
        stale: true,
        sentence:
          'shop/web changed since this card was posted (now at revision 14); run /k8s rollback again',
      },
    ],
    [
      'a card without a template digest compares the revision only',
      { currentRevision: 13 },
      { ...posted, object: deployment('shop/web:14', 13) },
      { stale: false },
    ],
  ])('%s', (_name, snapshot, current, expected) => {
    expect(isStale(snapshot, current)).toEqual(expected);
  });
});
