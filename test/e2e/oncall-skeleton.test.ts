// The walking skeleton end to end: a signed /oncall reaches the real app and is answered in Block Kit;
// forged or stale requests are refused before anything happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';

const config = `
timezone: Europe/Zurich
clusters:
  - name: prod-eu
    context: prod-eu
teams:
  - name: platform
    channel: C0PLATFORM1
    channels: [C0PLATFORM1, C0SHOPDEV1]
    managers: [U0MANAGER1]
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        shiftLength: 1w
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
`;

// Monday 2026-11-23 11:00 in Zurich: 46 weeks after the first handoff, so member 46 mod 3 = 1 (Bob).
const now = '2026-11-23T10:00:00Z';

let booted: BootedApp;

beforeAll(async () => {
  booted = await bootApp({ config, clock: new ManualClock(now) });
});

afterAll(async () => {
  await booted?.stop();
});

const sectionTexts = (blocks: unknown): string => JSON.stringify(blocks ?? []);

describe('/oncall through signed Slack requests', () => {
  it('answers in Block Kit with the member on duty, the next one and Slack date tokens', async () => {
    booted.slack.clearCalls();
    const response = await booted.requester.slashCommand({
      command: '/oncall',
      text: '',
      userId: 'U0ALICE01',
      channelId: 'C0SHOPDEV1',
    });
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3000);
    const reply = await booted.slack.waitForCall('response_url');
    expect(reply.ok).toBe(true);
    const blocks = sectionTexts(reply.args.blocks);
    expect(blocks).toContain('<@U0BOB0001> on duty until <!date^1796025600^');
    expect(blocks).toContain('Next: <@U0CAROL01> from <!date^1796025600^');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(booted.slack.rejections()).toEqual([]);
  });

  it('refuses a request with a bad signature: 401 and no Web API call', async () => {
    booted.slack.clearCalls();
    const response = await booted.requester.slashCommand({
      command: '/oncall',
      text: '',
      userId: 'U0ALICE01',
      channelId: 'C0PLATFORM1',
      signatureOverride: 'v0=' + '0'.repeat(64),
    });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(booted.slack.calls).toEqual([]);
  });

  it('refuses a request signed 6 minutes ago: 401 and no Web API call', async () => {
    booted.slack.clearCalls();
    const response = await booted.requester.slashCommand({
      command: '/oncall',
      text: '',
      userId: 'U0ALICE01',
      channelId: 'C0PLATFORM1',
      timestampOffsetSeconds: -6 * 60,
    });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(booted.slack.calls).toEqual([]);
  });

  it('tells a channel bound to no team which channels are set up', async () => {
    booted.slack.clearCalls();
    await booted.requester.slashCommand({
      command: '/oncall',
      text: '',
      userId: 'U0ALICE01',
      channelId: 'C0RANDOM99',
    });
    const reply = await booted.slack.waitForCall('response_url');
    const text = sectionTexts(reply.args.blocks);
    expect(text).toContain('This channel is not set up for Watchkeeper');
    expect(text).toContain('<#C0PLATFORM1>, <#C0SHOPDEV1>');
    expect(text).not.toContain('U0BOB0001');
  });

  it('never writes the bot token or the signing secret into its logs', () => {
    const logs = booted.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('xoxb-test-token');
    expect(logs).not.toContain('test-signing-secret');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${booted.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${booted.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});
