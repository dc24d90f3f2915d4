// What a failure notice's thread says: the change (env names, never values), the crashed container to read,
// the warning events about the new pods, node trouble under them — and that it fits Slack's limits.
import type { CoreV1Event, V1Node, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  failureDetails,
  logSource,
  nodeTrouble,
  rolloutEvents,
  type FailureDetails,
} from '../../src/notices/details.js';
import type { ObservedRollout } from '../../src/notices/rollout.js';
import { blockProblems } from '../../src/sandbox/slack/block-kit-limits.js';
import { renderFailureThread } from '../../src/slack/views/notice-thread-view.js';
import { blockText } from '../support/block-text.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

function replicaSet(revision: number, env: Record<string, string>, version: string): V1ReplicaSet {
  return {
    metadata: { name: `web-rs${revision}`, namespace: 'shop' },
    spec: {
      selector: {},
      template: {
        spec: {
          containers: [
            {
              name: 'web',
              image: `registry.example.com/shop/web:${version}`,
              env: Object.entries(env).map(([name, value]) => ({ name, value })),
            },
          ],
        },
      },
    },
  };
}

function pod(name: string, node: string, restarts: number): V1Pod {
  return {
    metadata: { name, namespace: 'shop', creationTimestamp: ago(5) },
    spec: { containers: [{ name: 'web' }], nodeName: node },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'web',
          image: '',
          imageID: '',
          ready: false,
          restartCount: restarts,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(1) } },
        },
      ],
    },
  };
}

function event(
  kind: string,
  name: string,
  reason: string,
  count: number,
  namespace = 'shop',
): CoreV1Event {
  return {
    metadata: { name: `${name}.${reason}`, namespace },
    involvedObject: { kind, name, namespace },
    reason,
    message: `${reason} of ${name}`,
    count,
    lastTimestamp: ago(1),
    type: 'Warning',
  };
}

function node(name: string, conditions: Record<string, string>, unschedulable = false): V1Node {
  return {
    metadata: { name },
    spec: { unschedulable },
    status: {
      conditions: Object.entries(conditions).map(([type, status]) => ({
        type,
        status,
        ...(type === 'Ready' && status === 'False' ? { reason: 'KubeletNotReady' } : {}),
      })),
    },
  };
}

const previous = replicaSet(12, { DB_URL: 'postgres://user:hunter2@db', MODE: 'a' }, '1.4.1');
const current = replicaSet(13, { DB_URL: 'postgres://user:s3cret@db', CACHE: 'on' }, '1.4.2');
const pods = [pod('web-a', 'node-1', 4), pod('web-b', 'node-2', 7)];

const rollout = {
  key: { cluster: 'prod-eu', namespace: 'shop', workload: 'web', revision: 13 },
  deployment: {
    metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: {}, template: {}, progressDeadlineSeconds: 300 },
    status: {
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    },
  },
  current: { revision: 13, images: [], createdAt: ago(5), current: true, replicaSet: current },
  previous: { revision: 12, images: [], createdAt: ago(90), current: false, replicaSet: previous },
  pods,
  startedAt: ago(5).getTime(),
  progress: { phase: 'progressing', updated: 2, ready: 0, desired: 2 },
  noticeable: true,
} as ObservedRollout;

describe('failure details', () => {
  it('say what changed by env names only, how the new pods fail and since when the deadline passed', () => {
    const details = failureDetails(
      rollout,
      { events: [], nodes: [] },
      { now: NOW, graceMs: 300_000 },
    );
    expect(details.change?.images).toEqual([
      {
        container: 'web',
        from: 'registry.example.com/shop/web:1.4.1',
        to: 'registry.example.com/shop/web:1.4.2',
      },
    ]);
    expect(details.change?.env).toEqual({
      added: ['CACHE'],
      removed: ['MODE'],
      changed: ['DB_URL'],
    });
    expect(details.problems).toEqual([
      {
        reason: 'OOMKilled',
        pods: 2,
        restarts: 11,
        exitCode: 137,
        message: 'container web ran out of memory',
      },
    ]);
    expect(details.deadline).toEqual({ seconds: 300 });
    const text = blockText(renderFailureThread(details).blocks);
    expect(text).toContain('• env added: `CACHE`');
    expect(text).toContain('• env removed: `MODE`');
    expect(text).toContain('• env changed: `DB_URL`');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('s3cret');
  });

  it('read the log of the container that crashed most', () => {
    expect(logSource(pods)).toEqual({ pod: 'web-b', container: 'web' });
    expect(logSource([])).toBeUndefined();
  });

  it('keep the five most frequent warnings about the new pods, their ReplicaSet and the Deployment', () => {
    const events = [
      event('Pod', 'web-a', 'BackOff', 12),
      event('Pod', 'web-b', 'OOMKilling', 3),
      event('ReplicaSet', 'web-rs13', 'FailedCreate', 2),
      event('Deployment', 'web', 'Scaled', 1),
      event('Pod', 'web-a', 'Unhealthy', 5),
      event('Pod', 'web-b', 'Failed', 4),
      event('Pod', 'cart-a', 'BackOff', 99),
      event('ReplicaSet', 'web-rs12', 'FailedCreate', 50),
      event('Pod', 'web-a', 'BackOff', 70, 'other'),
    ];
    expect(rolloutEvents(rollout, events).map((e) => `${e.reason}×${e.count}`)).toEqual([
      'BackOff×12',
      'Unhealthy×5',
      'Failed×4',
      'OOMKilling×3',
      'FailedCreate×2',
    ]);
  });

  it('name the nodes under the new pods that are not ready, under pressure or cordoned', () => {
    const nodes = [
      node('node-1', { Ready: 'False', MemoryPressure: 'True' }),
      node('node-2', { Ready: 'True', DiskPressure: 'False' }, true),
      node('node-3', { Ready: 'False' }),
    ];
    expect(nodeTrouble(pods, nodes)).toEqual([
      { name: 'node-1', problems: ['NotReady (KubeletNotReady)', 'MemoryPressure'] },
      { name: 'node-2', problems: ['cordoned'] },
    ]);
  });
});

describe('the thread message', () => {
  const huge: FailureDetails = {
    key: { cluster: 'prod-eu', namespace: 'shop', workload: 'web', revision: 13 },
    previousRevision: 12,
    change: {
      images: Array.from({ length: 40 }, (_, i) => ({
        container: `c${i}`,
        from: `registry.example.com/${'x'.repeat(200)}/c${i}:1`,
        to: `registry.example.com/${'x'.repeat(200)}/c${i}:2`,
      })),
      env: {
        added: Array.from({ length: 300 }, (_, i) => `VARIABLE_${i}`),
        removed: [],
        changed: [],
      },
      resources: [{ container: 'c0', from: 'requests cpu=1', to: 'requests cpu=2' }],
      command: [{ container: 'c0', changed: true }],
      other: true,
    },
    problems: [
      {
        reason: 'CrashLoopBackOff',
        pods: 30,
        restarts: 400,
        exitCode: 1,
        message: 'm'.repeat(5000),
      },
    ],
    deadline: { seconds: 600, message: 'timed out' },
    events: Array.from({ length: 5 }, (_, i) => ({
      reason: 'BackOff',
      count: i,
      object: `Pod web-${i}`,
      message: 'e'.repeat(4000),
    })),
    nodes: Array.from({ length: 40 }, (_, i) => ({ name: `node-${i}`, problems: ['NotReady'] })),
    logs: {
      pod: 'web-a',
      container: 'web',
      lines: [
        ...Array.from({ length: 19 }, (_, i) => `line ${i} ${'z'.repeat(400)}`),
        'panic: <!channel> ``` & <@U123>',
      ],
    },
  };

  it('fits Slack’s limits whatever it is given, keeping the newest log lines', () => {
    const message = renderFailureThread(huge);
    expect(blockProblems(message.blocks, 'message')).toEqual([]);
    const text = blockText(message.blocks);
    expect(text).toContain("panic: &lt;!channel&gt; ''' &amp; &lt;@U123&gt;");
    expect(text).toContain('• and 35 more containers with another image');
    expect(text).toContain('`VARIABLE_14` and 285 more');
    expect(text).toContain('• command or args of c0 changed');
    expect(text).toMatch(/…\d+ earlier lines not shown/);
  });

  it('says plainly when the log could not be read', () => {
    const text = blockText(
      renderFailureThread({
        ...huge,
        logs: { pod: 'web-a', container: 'web', problem: 'prod-eu refused: pods/log is forbidden' },
      }).blocks,
    );
    expect(text).toContain(
      '*Log tail* of `web-a` (container web, its run before the last restart): prod-eu refused: pods/log is forbidden',
    );
  });
});
