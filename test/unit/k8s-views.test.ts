// Wording of the /k8s status, clusters and help views: what a reader sees for healthy, troubled and
// stale clusters — and that cluster text can never turn into a mention.
import { describe, expect, it } from 'vitest';
import type { ClusterHealth } from '../../src/cluster/health.js';
import type { Source } from '../../src/cluster-queries/models.js';
import { renderClusters, renderK8sHelp } from '../../src/slack/views/k8s-clusters-view.js';
import { renderStatus } from '../../src/slack/views/k8s-status-view.js';
import { echo } from '../../src/cluster-queries/echo.js';
import { codeBlocks, formatAge } from '../../src/slack/views/k8s-text.js';
import { blockText } from '../support/block-text.js';

const at = new Date('2026-03-02T09:00:00Z');
const token = (instant: Date) => `<!date^${instant.getTime() / 1000}^`;
const live = (cluster = 'prod-eu'): Source => ({
  cluster,
  at,
  state: { name: cluster, synced: true, lastSyncedAt: at, lastError: null, resources: [] },
});
const stale = (cluster = 'prod-eu'): Source => ({
  cluster,
  at,
  state: {
    name: cluster,
    synced: false,
    lastSyncedAt: new Date('2026-03-02T08:40:00Z'),
    lastError: 'watch on pods dropped',
    resources: [],
  },
});

const healthy = (cluster: string): ClusterHealth => ({
  cluster,
  healthy: true,
  nodes: { ready: 3, total: 3, notReady: [] },
  degradedDeployments: [],
  failingPods: [],
  recentRollouts: [{ namespace: 'shop', name: 'web', revision: 4, at, images: ['shop/web:2'] }],
  topWarnings: [],
});

const troubled: ClusterHealth = {
  cluster: 'prod-eu',
  healthy: false,
  nodes: { ready: 2, total: 3, notReady: [{ name: 'node-3', reason: 'KubeletNotReady' }] },
  degradedDeployments: [
    {
      namespace: 'shop',
      name: 'web',
      kind: 'Deployment',
      ready: 1,
      desired: 3,
      reason: 'ProgressDeadlineExceeded',
    },
  ],
  failingPods: [
    {
      namespace: 'shop',
      workload: 'web',
      workloadKind: 'Deployment',
      pods: 2,
      reason: 'CrashLoopBackOff',
      restarts: 31,
      message: 'back-off 5m0s',
    },
  ],
  recentRollouts: [],
  topWarnings: [{ reason: 'BackOff', count: 31, example: 'Back-off restarting failed container' }],
};

describe('status', () => {
  it('shows a troubled cluster: nodes, degraded workloads, failing pods grouped with restarts, warnings', () => {
    const text = blockText(renderStatus([{ source: live(), health: troubled }]).blocks);
    expect(text).toContain('2/3 nodes ready; not ready: `node-3` (KubeletNotReady)');
    expect(text).toContain('Deployment `shop/web` 1/3 ready — ProgressDeadlineExceeded');
    expect(text).toContain('`shop/web` 2 pods CrashLoopBackOff · 31 restarts — back-off 5m0s');
    expect(text).toContain('*BackOff* ×31');
    expect(text).toContain(`prod-eu · as of ${token(at)}`);
  });

  it('puts healthy clusters on one line each and gives troubled ones a screen', () => {
    const message = renderStatus([
      { source: live('staging'), health: healthy('staging') },
      { source: live(), health: troubled },
    ]);
    const text = blockText(message.blocks);
    expect(text).toContain(
      ':large_green_circle: *staging* healthy — 3/3 nodes ready · 1 rollout in the last 24 h',
    );
    expect(text).toContain('*Failing pods (1)*');
    expect(message.text).toBe(
      'staging: healthy; prod-eu: 1 node not ready, 1 degraded workload, 1 workload with failing pods',
    );
  });

  it('lists rollouts of the last day with a date token', () => {
    const text = blockText(
      renderStatus([{ source: live('staging'), health: healthy('staging') }]).blocks,
    );
    expect(text).toContain('No degraded workloads, no failing pods.');
    expect(text).toContain(`\`shop/web\` revision 4 ${token(at)}`);
  });

  it('says when the cache is stale, and when a cluster never answered', () => {
    const text = blockText(
      renderStatus([
        { source: stale(), health: healthy('prod-eu') },
        { source: stale('dev'), health: null, unavailable: 'Cluster dev has not answered yet.' },
      ]).blocks,
    );
    expect(text).toContain(
      `:warning: prod-eu · last synced ${token(new Date('2026-03-02T08:40:00Z'))}`,
    );
    expect(text).toContain('(watch on pods dropped) — this may be out of date');
    expect(text).toContain(':x: *dev* — Cluster dev has not answered yet.');
  });
});

describe('freshness', () => {
  it('says which part of a synced cache is not current', () => {
    const partial: Source = {
      ...live('staging'),
      state: { ...live('staging').state, lastError: 'may not list events <on> staging' },
    };
    const text = blockText(renderStatus([{ source: partial, health: healthy('staging') }]).blocks);
    expect(text).toContain(`:warning: staging · as of ${token(at)}`);
    expect(text).toContain(
      '— part of the cache is not current: may not list events &lt;on&gt; staging',
    );
  });
});

describe('clusters and help', () => {
  it('lists the clusters a channel can see with their namespaces and freshness', () => {
    const text = blockText(
      renderClusters(
        [
          { source: live(), namespaces: ['shop', 'payments'], nodes: { ready: 3, total: 3 } },
          { source: stale('staging'), namespaces: 'all' },
        ],
        'this channel',
      ).blocks,
    );
    expect(text).toContain('Clusters this channel can see: 2.');
    expect(text).toContain(':large_green_circle: *prod-eu* — shop, payments · 3/3 nodes ready');
    expect(text).toContain(':warning: *staging* — all namespaces');
    expect(text).toContain('Commands use *prod-eu* unless you add `--cluster <name>`.');
  });

  it('documents every subcommand', () => {
    const text = blockText(renderK8sHelp().blocks);
    for (const name of [
      'status',
      'pods',
      'deploys',
      'nodes',
      'events',
      'describe',
      'logs',
      'history',
      'clusters',
    ]) {
      expect(text).toContain(`\`/k8s ${name}`);
    }
  });
});

describe('text helpers', () => {
  it('echoes user text escaped and short', () => {
    expect(echo('<!channel> & `x`')).toBe("&lt;!channel&gt; &amp; 'x'");
    expect(echo('a'.repeat(300))).toBe(`${'a'.repeat(40)}…`);
  });

  it('writes ages as kubectl does', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(
      [ago(45_000), ago(30 * 60_000), ago(5 * 3600_000), ago(9 * 86400_000)].map((d) =>
        formatAge(d, now),
      ),
    ).toEqual(['45s', '30m', '5h', '9d']);
    expect(formatAge(null, now)).toBe('?');
  });

  it('keeps every line when they fit', () => {
    expect(codeBlocks(['a', 'b'], { maxSections: 2, keep: 'first', what: 'lines' })).toHaveLength(
      1,
    );
  });
});
