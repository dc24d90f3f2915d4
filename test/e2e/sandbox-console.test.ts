// The sandbox console's server, as the page and a curious neighbour use it: live updates, time travel
// that delivers every scheduled post on the way, "break something", and requests it must refuse.
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { nextDailyPost } from '../../src/sandbox/demo/next-events.js';
import { dailyStatusEvents } from '../../src/scheduler/due/daily-status.js';
import type { KubeObject, Workload } from '../../src/sandbox/kube/index.js';
import { bootSandbox, type BootedSandbox } from '../browser/console-page.js';

const config = loadConfig('app.yaml');
let booted: BootedSandbox;
let base: string;

beforeAll(async () => {
  booted = await bootSandbox();
  base = booted.sandbox.url;
});
afterAll(async () => {
  await booted?.stop();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { notice?: string } };
}

/** A GET with another Host header, as a page from a rebinding DNS name would send (fetch cannot). */
function statusWithHost(path: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`.replace('localhost', '127.0.0.1'), { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject);
  });
}

function botPostsIn(channel: string): string[] {
  return booted.sandbox.fake
    .messagesIn(channel)
    .filter((message) => message.botId !== undefined)
    .map((message) => JSON.stringify(message.blocks ?? message.text));
}

describe('the console server', () => {
  it('pushes a live update to the page when the app answers', async () => {
    const events = await fetch(`${base}/api/events`);
    const reader = events.body!.getReader();
    await post('/api/send', { user: 'U0BOB0001', channel: 'C0PLATFORM1', text: '/oncall' });
    let seen = '';
    while (!seen.includes('"kind":"slack"')) {
      const { value } = await reader.read();
      seen += new TextDecoder().decode(value);
    }
    await reader.cancel();
    expect(seen).toContain('"detail":"response_url"');
  });

  it('moves the clock an hour on, and never back', async () => {
    const before = booted.sandbox.clock.now().getTime();
    expect((await post('/api/clock', { move: 'hour' })).body.notice).toBe('One hour later.');
    expect(booted.sandbox.clock.now().getTime() - before).toBeGreaterThanOrEqual(3_600_000);
    expect(() => booted.sandbox.clock.advance(-1)).toThrow(RangeError);
  });

  it('jumps to the next daily post, which the app posts in the team channel', async () => {
    const next = nextDailyPost(config, booted.sandbox.clock.now())!;
    const channel = config.teams.find((team) => team.name === next.name)!.channel;
    const answer = await post('/api/clock', { move: 'daily' });
    expect(answer.body.notice).toBe(`Daily status of team ${next.name}.`);
    expect(booted.sandbox.clock.now().getTime()).toBeGreaterThanOrEqual(next.at.getTime());
    await expect
      .poll(() => botPostsIn(channel).join('\n'), { timeout: 10_000 })
      .toContain('Daily status');
  });

  it('delivers every post on the way when it jumps days ahead', async () => {
    const from = booted.sandbox.clock.now();
    for (let i = 0; i < 3; i++) await post('/api/clock', { move: 'handoff' });
    const to = new Date(booted.sandbox.clock.now().getTime() + 1);
    const expected = config.teams.flatMap((team) =>
      dailyStatusEvents(team, from, to).map((event) => ({
        channel: team.channel,
        text: `Daily status — ${team.name}`,
        token: `<!date^${event.scheduledAt.getTime() / 1000}^{date_short_pretty}|`,
      })),
    );
    expect(expected.length).toBeGreaterThan(2);
    for (const { channel, text, token } of expected) {
      await expect
        .poll(
          () => botPostsIn(channel).filter((p) => p.includes(text) && p.includes(token)).length,
          { timeout: 10_000 },
        )
        .toBe(1);
    }
    expect(botPostsIn('C0PLATFORM1').join('\n')).toContain('Handoff — zurich');
  });

  it('breaks things through the simulated cluster: a new revision, a crash, a node', async () => {
    const prod = booted.sandbox.clusters.get('prod-eu')!.sim;
    const released = await post('/api/break', {
      cluster: 'prod-eu',
      what: 'release',
      target: 'payments/payments-api',
    });
    expect(released.body.notice).toBe('Rolled out ghcr.io/acme/payments-api:4.3.2 to prod-eu.');
    const api = prod.object<Workload>('Deployment', 'payments', 'payments-api')!;
    expect(api.metadata.annotations?.['kubernetes.io/change-cause']).toBe('Release 4.3.2');
    expect(api.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    const node = await post('/api/break', { cluster: 'prod-eu', what: 'node' });
    const name = /Node (\S+) of prod-eu is NotReady/.exec(node.body.notice ?? '')?.[1] ?? '';
    const ready = prod
      .object<KubeObject & { status: { conditions: Array<{ type: string; status: string }> } }>(
        'Node',
        '',
        name,
      )
      ?.status.conditions.find((condition) => condition.type === 'Ready');
    expect(ready?.status).toBe('False');
    const unknown = await post('/api/break', {
      cluster: 'prod-eu',
      what: 'crash',
      target: 'shop/nope',
    });
    expect(unknown).toEqual({
      status: 400,
      body: { notice: 'prod-eu has no demo Deployment shop/nope.' },
    });
  });

  it('refuses what the page would never send, in a sentence', async () => {
    expect(
      (
        await post('/api/send', 'user=U0ALICE01', {
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).body,
    ).toEqual({ notice: 'The console only takes JSON.' });
    expect(
      (await post('/api/send', { user: 'U0NOBODY1', channel: 'C0PLATFORM1', text: '/oncall' }))
        .body,
    ).toEqual({ notice: 'There is nobody called U0NOBODY1 in the sandbox.' });
    expect(
      (await post('/api/send', { user: 'alice', channel: 'C0PLATFORM1', text: 'hi' })).status,
    ).toBe(400);
    expect(await statusWithHost('/api/state', 'evil.example.com')).toBe(403);
    expect((await fetch(`${base}/..%2Fpackage.json`)).status).toBe(404);
    const script = await fetch(`${base}/js/main.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('tells the person when a button is gone instead of failing', async () => {
    const answer = await post('/api/click', {
      user: 'U0ALICE01',
      actionId: 'oncall_swap_confirm',
      channel: 'C0PLATFORM1',
      ts: '1.000001',
    });
    expect(answer).toEqual({ status: 400, body: { notice: 'That button is no longer there.' } });
  });
});
