// GET /metrics after signed Slack requests: commands and buttons by outcome with latencies, Web API
// calls, watch caches and restarts, table states; request ids in the JSON logs; no secret ever shown.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import { bootApp, testBotToken, testSigningSecret, type BootedApp } from '../support/boot-app.js';

const config = `
timezone: Europe/Zurich
clusters:
  - name: prod-eu
    context: prod-eu
teams:
  - name: platform
    channel: C0PLATFORM1
    managers: [U0MANAGER1]
    rotations:
      - name: zurich
        shiftLength: 1w
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
`;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

let booted: BootedApp;
let prod: SimulatedCluster;
let dir: string;

beforeAll(async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  prod = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  prod.addNode('node-1');
  prod.addNamespace('shop');
  prod.applyDeployment('shop', 'cart', { image: 'shop/cart:1' });
  prod.applyDeployment('shop', 'checkout', { image: 'shop/checkout:1' });
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-metrics-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  prod.writeKubeconfig(kubeconfigPath, 'prod-eu');
  booted = await bootApp({ config, clock, kubeconfigPath });
});

afterAll(async () => {
  await booted?.stop();
  await prod?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function scrape(): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${booted.baseUrl}/metrics`);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name whose labels include `labels`; undefined when none. */
function value(all: Sample[], name: string, labels: Record<string, string> = {}) {
  const found = all.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match`);
  return found[0]?.value;
}

async function command(text: string) {
  booted.slack.clearCalls();
  const response = await booted.requester.slashCommand({
    command: '/oncall',
    text,
    userId: 'U0ALICE01',
    channelId: 'C0PLATFORM1',
  });
  expect(response.status).toBe(200);
  await booted.slack.waitForCall('response_url');
}

function logLines(): Array<Record<string, unknown>> {
  return booted.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('GET /metrics after a few signed requests', () => {
  let all: Sample[];
  let text: string;

  beforeAll(async () => {
    await command('');
    await command('');
    await command('frobnicate');
    booted.slack.failNext('response_url', { status: 500 });
    await command('');
    await booted.slack.waitForCall('response_url', (call) => call.ok);
    booted.slack.clearCalls();
    const click = await booted.requester.blockAction({
      userId: 'U0ALICE01',
      actionId: 'handoff_ack',
      value: 'handoff:nowhere:2026-11-23T08:00:00Z',
      channelId: 'C0PLATFORM1',
      messageTs: '1790000000.000100',
      message: { type: 'message', ts: '1790000000.000100', text: 'Handoff', blocks: [] },
    });
    expect(click.status).toBe(200);
    await booted.slack.waitForCall('response_url');
    booted.slack.failNext('views.publish', { error: 'not_enabled' });
    await booted.requester.appHomeOpened('U0ALICE01');
    await booted.slack.waitForCall('views.publish');
    await booted.requester.appHomeOpened('U0BOB0001');
    await booted.slack.waitForCall('views.publish', (call) => call.ok);
    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    expect(scraped.type).toContain('text/plain; version=0.0.4');
    text = scraped.text;
    all = samples(text);
  });

  it('counts commands by name and outcome, with a latency histogram', () => {
    const name = 'watchkeeper_slack_command_duration_seconds';
    const ok = { command: '/oncall', outcome: 'ok' };
    expect(value(all, `${name}_count`, ok)).toBe(2);
    expect(value(all, `${name}_count`, { command: '/oncall', outcome: 'user_error' })).toBe(1);
    expect(value(all, `${name}_count`, { command: '/oncall', outcome: 'error' })).toBe(1);
    const sum = value(all, `${name}_sum`, ok)!;
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(6);
    expect(value(all, `${name}_bucket`, { ...ok, le: '+Inf' })).toBe(2);
    expect(value(all, `${name}_bucket`, { ...ok, le: '10' })).toBe(2);
  });

  it('counts button clicks by action id and outcome', () => {
    const labels = { action_id: 'handoff_ack', outcome: 'user_error' };
    expect(value(all, 'watchkeeper_slack_action_duration_seconds_count', labels)).toBe(1);
  });

  it('counts Web API calls of every client by method and outcome', () => {
    const calls = 'watchkeeper_slack_api_calls_total';
    expect(value(all, calls, { method: 'auth.test', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(value(all, calls, { method: 'views.publish', outcome: 'ok' })).toBe(1);
    expect(value(all, calls, { method: 'views.publish', outcome: 'error' })).toBe(1);
  });

  it('shows the watch cache of each cluster by resource, synced, with restarts at 0', () => {
    const cache = { cluster: 'prod-eu', resource: 'deployments' };
    expect(value(all, 'watchkeeper_cluster_cache_objects', cache)).toBe(2);
    expect(value(all, 'watchkeeper_cluster_cache_objects', { ...cache, resource: 'nodes' })).toBe(
      1,
    );
    expect(value(all, 'watchkeeper_cluster_cache_synced', cache)).toBe(1);
    expect(value(all, 'watchkeeper_cluster_watch_restarts_total', cache)).toBe(0);
  });

  it('reads scheduled posts, outbox messages and rollback requests by state', () => {
    expect(value(all, 'watchkeeper_rollback_requests', { state: 'succeeded' })).toBe(0);
    expect(value(all, 'watchkeeper_rollback_requests', { state: 'pending' })).toBe(0);
    expect(value(all, 'watchkeeper_scheduled_posts', { state: 'sent' })).toBe(0);
    expect(value(all, 'watchkeeper_outbox_messages', { state: 'dead' })).toBe(0);
    expect(value(all, 'watchkeeper_outbox_deliveries_total', { outcome: 'sent' })).toBe(0);
  });

  it('includes the process metrics', () => {
    expect(value(all, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('never shows the bot token or the signing secret', () => {
    expect(text).not.toContain(testBotToken);
    expect(text).not.toContain(testSigningSecret);
    expect(text).not.toMatch(/xox[abpre]-/);
  });

  it('logs one line per request with a request id, also on the error handler line', () => {
    const handled = logLines().filter((l) => l.msg === 'slack request handled');
    const refused = handled.find((l) => l.outcome === 'user_error' && l.command === '/oncall');
    expect(refused).toMatchObject({ kind: 'slash_command', user: 'U0ALICE01' });
    expect(refused?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(handled.map((l) => l.requestId)).size).toBe(handled.length);
    const explained = logLines().find((l) => l.msg === 'request refused with a user-facing error');
    expect(explained?.requestId).toBe(refused?.requestId);
    const failed = logLines().find((l) => l.msg === 'request failed');
    const failedRequest = handled.find((l) => l.outcome === 'error');
    expect(failed?.requestId).toBe(failedRequest?.requestId);
    expect(failed?.errorId).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('the JSON logs', () => {
  it('summarise the configuration at start, and never carry a token or the signing secret', () => {
    const loaded = logLines().find((l) => l.msg === 'configuration loaded');
    expect(loaded).toMatchObject({
      clusters: ['prod-eu'],
      teams: ['platform'],
      rotations: ['zurich'],
    });
    const all = booted.logs.join('\n');
    expect(all).not.toContain(testBotToken);
    expect(all).not.toContain(testSigningSecret);
  });
});

describe('watch restarts', () => {
  it('counts an informer listing and watching again after its watch broke', async () => {
    prod.faults.failNext('watch', 'pods', 500);
    prod.faults.dropWatches();
    const restarts = { cluster: 'prod-eu', resource: 'pods' };
    const deadline = Date.now() + 10_000;
    let seen = 0;
    while (Date.now() < deadline) {
      seen =
        value(
          samples((await scrape()).text),
          'watchkeeper_cluster_watch_restarts_total',
          restarts,
        ) ?? 0;
      if (seen > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen).toBeGreaterThanOrEqual(1);
  });
});
