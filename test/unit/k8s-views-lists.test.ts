// Wording of the /k8s lists (pods, workloads, nodes) and of logs and history: what a reader sees per
// object, problems marked, log text escaped, revisions newest first.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/cluster-queries/models.js';
import { renderHistory, renderLogs } from '../../src/slack/views/k8s-detail-views.js';
import {
  renderNodes,
  renderPods,
  renderWorkloads,
  where,
} from '../../src/slack/views/k8s-list-views.js';
import { blockText } from '../support/block-text.js';

const at = new Date('2026-03-02T09:00:00Z');
const live = (cluster = 'prod-eu'): Source => ({
  cluster,
  at,
  state: { name: cluster, synced: true, lastSyncedAt: at, lastError: null, resources: [] },
});

describe('lists', () => {
  it('summarises pods and marks the ones with problems', () => {
    const message = renderPods({
      source: live(),
      where: { namespace: 'shop' },
      filter: 'web',
      problemsOnly: false,
      rows: [
        {
          namespace: 'shop',
          name: 'web-7d9f-a',
          status: 'CrashLoopBackOff',
          ready: '0/1',
          restarts: 12,
          node: 'node-1',
          createdAt: new Date('2026-03-02T06:00:00Z'),
          problem: true,
        },
        {
          namespace: 'shop',
          name: 'web-7d9f-b',
          status: 'Running',
          ready: '1/1',
          restarts: 1,
          createdAt: new Date('2026-02-20T09:00:00Z'),
          problem: false,
        },
      ],
    });
    const text = blockText(message.blocks);
    expect(message.text).toBe('2 pods in `shop` matching `web`, 1 with problems.');
    expect(text).toContain(
      ':red_circle: `shop/web-7d9f-a` CrashLoopBackOff · 0/1 ready · 12 restarts · node-1 · 3h',
    );
    expect(text).toContain(
      ':large_green_circle: `shop/web-7d9f-b` Running · 1/1 ready · 1 restart · 10d',
    );
  });

  it('says plainly when nothing matches', () => {
    const message = renderPods({
      source: live(),
      where: { visible: ['shop', 'payments'] },
      problemsOnly: true,
      rows: [],
    });
    expect(message.text).toBe('No pods with problems in shop, payments.');
  });

  it('shows workloads with readiness, images and why they are degraded', () => {
    const text = blockText(
      renderWorkloads({
        source: live(),
        where: { visible: 'all' },
        rows: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            ready: 1,
            desired: 3,
            upToDate: 1,
            images: ['shop/web:2'],
            createdAt: at,
            problem: 'ProgressDeadlineExceeded',
            paused: false,
          },
          {
            kind: 'StatefulSet',
            namespace: 'shop',
            name: 'db',
            ready: 1,
            desired: 1,
            upToDate: 1,
            images: ['postgres:16'],
            createdAt: at,
            paused: true,
          },
        ],
      }).blocks,
    );
    expect(text).toContain('2 workloads in all namespaces, 1 degraded.');
    expect(text).toContain(
      ':red_circle: Deployment `shop/web` 1/3 ready · 1 up to date · `shop/web:2` · 0s — ProgressDeadlineExceeded',
    );
    expect(text).toContain(
      ':large_green_circle: StatefulSet `shop/db` 1/1 ready · 1 up to date · `postgres:16` · paused',
    );
  });

  it('shows nodes that are not ready, under pressure or cordoned', () => {
    const text = blockText(
      renderNodes({
        source: live(),
        rows: [
          {
            name: 'node-1',
            ready: 'Ready',
            roles: ['control-plane'],
            version: 'v1.30.4',
            createdAt: at,
            pressures: [],
            unschedulable: false,
          },
          {
            name: 'node-2',
            ready: 'NotReady',
            reason: 'KubeletNotReady',
            roles: [],
            version: 'v1.30.4',
            createdAt: at,
            pressures: ['MemoryPressure'],
            unschedulable: true,
          },
        ],
      }).blocks,
    );
    expect(text).toContain('1/2 nodes ready.');
    expect(text).toContain(
      ':red_circle: `node-2` NotReady (KubeletNotReady) · MemoryPressure · cordoned · v1.30.4',
    );
  });

  it('names the namespaces a list covers', () => {
    expect(where({ namespace: 'shop' })).toBe('in `shop`');
    expect(where({ visible: 'all' })).toBe('in all namespaces');
    expect(where({ visible: [] })).toBe('in no namespaces');
  });
});

describe('details', () => {
  it('shows a log tail in a code block, escaped, naming the other containers', () => {
    const text = blockText(
      renderLogs({
        source: live(),
        namespace: 'shop',
        pod: 'web-1',
        container: 'app',
        containers: ['app', 'proxy'],
        previous: true,
        tail: 50,
        lines: ['panic: <!channel> & ```boom```'],
      }).blocks,
    );
    expect(text).toContain(
      'Last 1 line of previous (terminated) container `app` in `shop/web-1` (asked for 50). Other containers: `proxy`.',
    );
    expect(text).toContain("```\npanic: &lt;!channel&gt; &amp; '''boom'''\n```");
  });

  it('lists revisions newest first with the current one marked', () => {
    const replicaSet = {};
    const text = blockText(
      renderHistory({
        source: live(),
        namespace: 'shop',
        name: 'web',
        revisions: [
          {
            revision: 1,
            images: ['shop/web:1'],
            changeCause: 'first',
            createdAt: new Date('2026-02-01T09:00:00Z'),
            current: false,
            replicaSet,
          },
          { revision: 2, images: ['shop/web:2'], createdAt: at, current: true, replicaSet },
        ],
      }).blocks,
    );
    expect(text.indexOf('*2* *(current)* `shop/web:2`')).toBeLessThan(
      text.indexOf('*1* `shop/web:1`'),
    );
    expect(text).toContain('— “first”');
  });
});
