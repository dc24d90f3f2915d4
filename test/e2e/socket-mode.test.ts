// Socket Mode: with SLACK_APP_TOKEN the app opens a WebSocket to Slack, acks each envelope and answers
// the command, with every Web API call (apps.connections.open included) going to SLACK_API_URL. With two
// replicas on one database, each handles whatever Slack sends over its own connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import { FakeSocketMode } from '../support/fake-socket-mode.js';

let slack: FakeSlackApi;
let socketMode: FakeSocketMode;
let booted: BootedApp;

beforeAll(async () => {
  slack = await FakeSlackApi.start();
  socketMode = await FakeSocketMode.start(slack);
  booted = await bootApp({
    slack,
    clock: new ManualClock('2026-11-23T10:00:00Z'),
    env: { SLACK_APP_TOKEN: 'xapp-test-app-token', SLACK_API_URL: socketMode.url },
  });
  for (let i = 0; i < 50 && socketMode.connections === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await booted?.stop();
  await socketMode?.close();
  await slack?.close();
});

describe('Socket Mode', () => {
  it('connects, acks a /oncall envelope and answers through response_url', async () => {
    expect(socketMode.connections).toBe(1);
    slack.clearCalls();
    const ack = await socketMode.sendSlashCommand({
      token: 'unused',
      team_id: 'T0TEST',
      channel_id: 'C0PLATFORM1',
      user_id: 'U0ALICE01',
      command: '/oncall',
      text: '',
      response_url: slack.responseUrl({ channelId: 'C0PLATFORM1', userId: 'U0ALICE01' }),
      trigger_id: 'trigger-1',
    });
    expect(ack).toBeDefined();
    const reply = await slack.waitForCall('response_url');
    expect(reply.ok, reply.error).toBe(true);
    expect(JSON.stringify(reply.args.blocks)).toContain('On call now');
    expect(booted.logs.join('\n')).not.toContain('xapp-test-app-token');
  });

  it('with a second replica, answers envelopes sent over either connection', async () => {
    const second = await bootApp({
      slack,
      clock: new ManualClock('2026-11-23T10:00:00Z'),
      databaseUrl: booted.databaseUrl,
      env: { SLACK_APP_TOKEN: 'xapp-test-app-token', SLACK_API_URL: socketMode.url },
    });
    try {
      for (let i = 0; i < 50 && socketMode.connections < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(socketMode.connections).toBe(2);
      const handled = (app: BootedApp) =>
        app.logs.filter((line) => line.includes('slack request handled')).length;
      const before = [handled(booted), handled(second)];
      for (let i = 0; i < 4; i++) {
        slack.clearCalls();
        const ack = await socketMode.sendSlashCommand(
          {
            token: 'unused',
            team_id: 'T0TEST',
            channel_id: 'C0PLATFORM1',
            user_id: 'U0ALICE01',
            command: '/oncall',
            text: '',
            response_url: slack.responseUrl({ channelId: 'C0PLATFORM1', userId: 'U0ALICE01' }),
            trigger_id: `trigger-spread-${i}`,
          },
          i % 2,
        );
        expect(ack).toBeDefined();
        const reply = await slack.waitForCall('response_url');
        expect(reply.ok, reply.error).toBe(true);
        expect(JSON.stringify(reply.args.blocks)).toContain('On call now');
      }
      // Each replica logs its request once the reply is sent, a moment after Slack has it.
      const spread = () => [handled(booted) - (before[0] ?? 0), handled(second) - (before[1] ?? 0)];
      for (let i = 0; i < 50 && spread().join() !== '2,2'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(spread()).toEqual([2, 2]);
    } finally {
      await second.stop();
    }
  });
});
