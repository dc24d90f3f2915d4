// The card's dry-run view of a rollback: which images, env names, resources and commands change, and whether more does.
import type { V1Container, V1PodTemplateSpec } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/rollback/engine/index.js';
import type { TemplateChange } from '../../src/rollback/engine/index.js';

const pod = (
  containers: V1Container[],
  extra: Partial<V1PodTemplateSpec> = {},
): V1PodTemplateSpec => ({
  metadata: { labels: { app: 'web' } },
  ...extra,
  spec: { ...extra.spec, containers },
});

const web = (extra: Partial<V1Container> = {}): V1Container => ({
  name: 'web',
  image: 'shop/web:2',
  env: [
    { name: 'DB_URL', value: 'postgres://secret@db' },
    { name: 'MODE', value: 'fast' },
  ],
  resources: { requests: { cpu: '100m', memory: '128Mi' } },
  command: ['serve'],
  ...extra,
});

const nothing: TemplateChange = {
  images: [],
  env: { added: [], removed: [], changed: [] },
  resources: [],
  command: [],
  other: false,
};

describe('describeChange(current, target)', () => {
  it.each<[string, V1PodTemplateSpec, V1PodTemplateSpec, TemplateChange]>([
    ['identical templates', pod([web()]), pod([web()]), nothing],
    [
      'only the pod-template-hash label differs',
      pod([web()]),
      { ...pod([web()]), metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } } },
      nothing,
    ],
    [
      'image',
      pod([web()]),
      pod([web({ image: 'shop/web:1' })]),
      { ...nothing, images: [{ container: 'web', from: 'shop/web:2', to: 'shop/web:1' }] },
    ],
    [
      'a sidecar goes away and an init container comes back',
      pod([web(), { name: 'proxy', image: 'envoy:1' }]),
      pod([web()], {
        spec: { containers: [], initContainers: [{ name: 'migrate', image: 'shop/migrate:1' }] },
      }),
      {
        ...nothing,
        images: [
          { container: 'proxy', from: 'envoy:1', to: null },
          { container: 'migrate', from: null, to: 'shop/migrate:1' },
        ],
      },
    ],
    [
      'env names added, removed and changed (never values)',
      pod([web()]),
      pod([
        web({
          env: [
            { name: 'DB_URL', value: 'postgres://other-secret@db' },
            { name: 'FEATURE_X', value: 'on' },
          ],
        }),
      ]),
      { ...nothing, env: { added: ['FEATURE_X'], removed: ['MODE'], changed: ['DB_URL'] } },
    ],
    [
      'resources',
      pod([web()]),
      pod([
        web({
          resources: { requests: { memory: '64Mi', cpu: '50m' }, limits: { memory: '128Mi' } },
        }),
      ]),
      {
        ...nothing,
        resources: [
          {
            container: 'web',
            from: 'requests cpu=100m memory=128Mi',
            to: 'requests cpu=50m memory=64Mi, limits memory=128Mi',
          },
        ],
      },
    ],
    [
      'resources removed entirely',
      pod([web()]),
      pod([web({ resources: {} })]),
      {
        ...nothing,
        resources: [{ container: 'web', from: 'requests cpu=100m memory=128Mi', to: 'none' }],
      },
    ],
    [
      'command',
      pod([web()]),
      pod([web({ command: ['serve', '--legacy'] })]),
      { ...nothing, command: [{ container: 'web', changed: true }] },
    ],
    [
      'args',
      pod([web()]),
      pod([web({ args: ['--port=8080'] })]),
      { ...nothing, command: [{ container: 'web', changed: true }] },
    ],
    [
      'a volume: other',
      pod([web()]),
      pod([web()], { spec: { containers: [], volumes: [{ name: 'cache', emptyDir: {} }] } }),
      { ...nothing, other: true },
    ],
    [
      'a probe: other',
      pod([web()]),
      pod([web({ readinessProbe: { httpGet: { path: '/ready', port: 8080 } } })]),
      { ...nothing, other: true },
    ],
    [
      'a restartedAt annotation: other',
      pod([web()]),
      {
        ...pod([web()]),
        metadata: {
          labels: { app: 'web' },
          annotations: { 'kubectl.kubernetes.io/restartedAt': 'x' },
        },
      },
      { ...nothing, other: true },
    ],
    [
      'envFrom: other',
      pod([web()]),
      pod([web({ envFrom: [{ configMapRef: { name: 'web-config' } }] })]),
      { ...nothing, other: true },
    ],
  ])('%s', (_name, current, target, expected) => {
    expect(describeChange(current, target)).toEqual(expected);
  });

  it('never carries an environment value', () => {
    const change = describeChange(
      pod([web()]),
      pod([web({ env: [{ name: 'DB_URL', value: 'postgres://other-secret@db' }] })]),
    );
    expect(JSON.stringify(change)).not.toMatch(/secret|fast/);
  });
});
