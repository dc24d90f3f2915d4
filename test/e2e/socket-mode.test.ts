// Socket Mode: with SLACK_APP_TOKEN the app opens a WebSocket to Slack, acks each envelope and answers
// the command, with every Web API call (apps.connections.open included) going to SLACK_API_URL.
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
      response_url: slack.responseUrl(),
      trigger_id: 'trigger-1',
    });
    expect(ack).toBeDefined();
    const reply = await slack.waitForCall('response_url');
    expect(JSON.stringify(reply.args.blocks)).toContain('On call now');
    expect(booted.logs.join('\n')).not.toContain('xapp-test-app-token');
  });
});
