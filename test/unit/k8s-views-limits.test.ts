// /k8s views stay within Slack's limits however large the cluster: 50 blocks, 3,000 characters per
// text, and a count of what was left out.
import { describe, expect, it } from 'vitest';
import type { ClusterHealth } from '../../src/cluster/health.js';
import type { ClusterStatus, PodRow, Source } from '../../src/cluster-queries/models.js';
import type { SlackMessage } from '../../src/slack/message.js';
import { renderDescription, renderLogs } from '../../src/slack/views/k8s-detail-views.js';
import { renderEvents, renderPods } from '../../src/slack/views/k8s-list-views.js';
import { renderStatus } from '../../src/slack/views/k8s-status-view.js';
import { blockText } from '../support/block-text.js';

const at = new Date('2026-03-02T09:00:00Z');
const source = (cluster = 'prod-eu'): Source => ({
  cluster,
  at,
  state: { name: cluster, synced: true, lastSyncedAt: at, lastError: null, resources: [] },
});

/** Every text Slack measures, with its limit. */
function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  const texts: { text: string; max: number }[] = [];
  for (const block of message.blocks) {
    if (block.type === 'header') texts.push({ text: block.text.text, max: 150 });
    if (block.type === 'section' && block.text) texts.push({ text: block.text.text, max: 3000 });
    if (block.type === 'context') {
      for (const element of block.elements) {
        if ('text' in element) texts.push({ text: element.text, max: 3000 });
      }
    }
  }
  for (const { text, max } of texts) expect(text.length).toBeLessThanOrEqual(max);
  expect(message.text.length).toBeLessThanOrEqual(3000);
}

function brokenHealth(cluster: string, failing: number): ClusterHealth {
  return {
    cluster,
    healthy: false,
    nodes: {
      ready: 1,
      total: 40,
      notReady: Array.from({ length: 39 }, (_, i) => ({
        name: `node-${i}`,
        reason: 'KubeletNotReady',
      })),
    },
    degradedDeployments: Array.from({ length: 120 }, (_, i) => ({
      namespace: 'shop',
      name: `svc-${i}`,
      kind: 'Deployment',
      ready: 0,
      desired: 3,
      reason: 'ProgressDeadlineExceeded: ReplicaSet has timed out progressing. '.repeat(3),
    })),
    failingPods: Array.from({ length: failing }, (_, i) => ({
      namespace: 'shop',
      workload: `svc-${i}`,
      workloadKind: 'Deployment',
      pods: 1,
      reason: 'CrashLoopBackOff',
      restarts: 40 + i,
      message: `back-off 5m0s restarting failed container <!channel> ${'x'.repeat(400)}`,
    })),
    recentRollouts: Array.from({ length: 60 }, (_, i) => ({
      namespace: 'shop',
      name: `svc-${i}`,
      revision: 7,
      at,
      images: [`registry.example.com/shop/svc-${i}:1.2.${i}`],
    })),
    topWarnings: Array.from({ length: 30 }, (_, i) => ({
      reason: `Reason${i}`,
      count: 1000 - i,
      example: 'Back-off restarting failed container '.repeat(20),
    })),
  };
}

describe('status', () => {
  it('keeps a cluster with 500 failing pods on one screen, saying how many more there are', () => {
    const message = renderStatus([{ source: source(), health: brokenHealth('prod-eu', 500) }]);
    expectWithinLimits(message);
    const text = blockText(message.blocks);
    expect(text).toMatch(/…and \d+ more/);
    const failing = message.blocks.map(blockText).find((t) => t.startsWith('*Failing pods (500)*'));
    const shown = (failing ?? '').split('\n').filter((line) => line.includes('CrashLoopBackOff'));
    expect(failing).toContain(`…and ${500 - shown.length} more`);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('fits twenty troubled clusters, naming how many were left out', () => {
    const statuses: ClusterStatus[] = Array.from({ length: 20 }, (_, i) => ({
      source: source(`cluster-${i}`),
      health: brokenHealth(`cluster-${i}`, 80),
    }));
    const message = renderStatus(statuses);
    expectWithinLimits(message);
    expect(blockText(message.blocks)).toMatch(/…and \d+ more clusters to look at/);
  });
});

describe('lists and details', () => {
  it('truncates 5,000 pods with a count and a hint to narrow down', () => {
    const rows: PodRow[] = Array.from({ length: 5000 }, (_, i) => ({
      namespace: 'shop',
      name: `web-7d9f8c6b5-${String(i).padStart(5, '0')}`,
      status: 'Running',
      ready: '1/1',
      restarts: 0,
      node: 'node-1',
      createdAt: at,
      problem: false,
    }));
    const message = renderPods({
      source: source(),
      where: { namespace: 'shop' },
      problemsOnly: false,
      rows,
    });
    expectWithinLimits(message);
    expect(blockText(message.blocks)).toMatch(/…and \d+ more not shown\. Narrow it down/);
  });

  it('keeps the newest log lines and says how many earlier ones were left out', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'y'.repeat(900)}`);
    const message = renderLogs({
      source: source(),
      namespace: 'shop',
      pod: 'web-1',
      container: 'web',
      containers: ['web'],
      previous: false,
      tail: 200,
      lines,
    });
    expectWithinLimits(message);
    const text = blockText(message.blocks);
    expect(text).toContain('line 199 ');
    expect(text).not.toContain('line 0 ');
    expect(text).toMatch(/…\d+ earlier lines not shown/);
  });

  it('cuts a very long description and says so', () => {
    const message = renderDescription({
      source: source(),
      kind: 'pod',
      namespace: 'shop',
      name: 'web-1',
      lines: Array.from({ length: 5000 }, (_, i) => `Label-${i}: value`),
    });
    expectWithinLimits(message);
    expect(blockText(message.blocks)).toMatch(/…\d+ more lines not shown/);
  });

  it('caps 10,000 events', () => {
    const message = renderEvents({
      source: source(),
      where: { visible: 'all' },
      warningsOnly: true,
      rows: Array.from({ length: 10000 }, (_, i) => ({
        namespace: 'shop',
        type: 'Warning',
        reason: 'BackOff',
        object: `Pod/web-${i}`,
        message: 'Back-off restarting failed container',
        count: i,
        lastSeen: at,
      })),
    });
    expectWithinLimits(message);
  });
});
