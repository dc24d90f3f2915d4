// The handoff as people live it: a note asked for and written, the post that carries it, the incoming
// person's acknowledgement; a restart over a handoff; and a big team's daily post within Slack's limits.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { LogStore } from '../../src/statuslog/log-store.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import { createTestDatabase } from '../support/test-database.js';

const rotations = `
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]`;
const config = `
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    statusLog: { time: "09:00" }${rotations}
`;

const postsTo = (slack: FakeSlackApi, channel: string, starts: string) =>
  slack
    .callsTo('chat.postMessage')
    .filter(
      (c) => c.ok && c.args.channel === channel && blockText(c.args.blocks).startsWith(starts),
    );

describe('handoff note, post and acknowledgement (Carol hands over to Alice on 2026-03-30)', () => {
  const clock = new ManualClock('2026-03-30T05:45:00Z');
  let booted: BootedApp;
  beforeAll(async () => {
    booted = await bootApp({ config, clock });
  });
  afterAll(async () => {
    await booted?.stop();
  });

  it('asks Carol for a note an hour before; her note appears in the handoff post', async () => {
    clock.set('2026-03-30T06:00:00Z');
    await booted.app.tick();
    const request = await booted.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'U0CAROL01',
    );
    const dm = {
      channelId: String(request.response.channel),
      messageTs: String(request.response.ts),
    };
    booted.slack.clearCalls();
    await booted.requester.blockAction({ userId: 'U0BOB0001', actionId: 'handoff_note', ...dm });
    expect(blockText((await booted.slack.waitForCall('response_url')).args)).toContain(
      'Only <@U0CAROL01>',
    );
    await booted.requester.blockAction({ userId: 'U0CAROL01', actionId: 'handoff_note', ...dm });
    const opened = await booted.slack.waitForCall('views.open');
    const viewId = String((opened.response.view as { id: string }).id);
    await booted.requester.viewSubmission({
      userId: 'U0CAROL01',
      viewId,
      values: {
        note: {
          value: { type: 'plain_text_input', value: 'kafka broker 3 is flaky; watch its disk' },
        },
      },
    });
    clock.set('2026-03-30T07:00:00Z');
    await booted.app.tick();
    clock.set('2026-03-30T07:00:02Z');
    await booted.app.tick();
    const [handoff] = postsTo(booted.slack, 'C0PLATFORM1', 'Handoff — zurich');
    expect(blockText(handoff?.args.blocks)).toContain(
      'Handoff note from <@U0CAROL01>*\nkafka broker 3 is flaky; watch its disk',
    );
  });

  it('only Alice can acknowledge; then the button goes and nobody is nudged', async () => {
    const [handoff] = postsTo(booted.slack, 'C0PLATFORM1', 'Handoff — zurich');
    const card = { channelId: 'C0PLATFORM1', messageTs: String(handoff?.response.ts) };
    booted.slack.clearCalls();
    await booted.requester.blockAction({ userId: 'U0BOB0001', actionId: 'handoff_ack', ...card });
    expect(blockText((await booted.slack.waitForCall('response_url')).args)).toContain(
      'Only <@U0ALICE01>, who takes over zurich',
    );
    booted.slack.clearCalls();
    await booted.requester.blockAction({ userId: 'U0ALICE01', actionId: 'handoff_ack', ...card });
    const updated = await booted.slack.waitForCall(
      'response_url',
      (c) => c.args.replace_original === true,
    );
    const text = blockText(updated.args.blocks);
    expect(text).toContain('Acknowledged by <@U0ALICE01>');
    expect(JSON.stringify(updated.args.blocks)).not.toContain('handoff_ack');
    expect(text).toContain('kafka broker 3 is flaky');
    clock.set('2026-03-30T09:00:00Z');
    booted.slack.clearCalls();
    await booted.app.tick();
    expect(
      booted.slack
        .callsTo('chat.postMessage')
        .filter((c) => blockText(c.args.blocks).includes('not been acknowledged')),
    ).toHaveLength(0);
  });
});

describe('a restart over a handoff', () => {
  let slack: FakeSlackApi;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await slack?.close();
    await database?.close();
  });

  it('catches up once what is within the grace, and says what it skipped', async () => {
    const clock = new ManualClock('2026-03-26T07:30:00Z');
    const first = await bootApp({ config, clock, slack, databaseUrl: database.url });
    await first.app.tick();
    await first.stop();
    clock.set('2026-03-30T08:30:00Z');
    const second = await bootApp({ config, clock, slack, databaseUrl: database.url });
    await second.app.tick();
    clock.set('2026-03-30T08:30:05Z');
    await second.app.tick();
    await second.app.tick();
    await second.stop();
    expect(postsTo(slack, 'C0PLATFORM1', 'Handoff — zurich')).toHaveLength(1);
    const dailies = postsTo(slack, 'C0PLATFORM1', 'Daily status');
    expect(dailies).toHaveLength(1);
    expect(blockText(dailies[0]?.args.blocks)).toMatch(/\d+ scheduled post\(s\) were skipped/);
  });
});

describe('a big team', () => {
  const clock = new ManualClock('2026-03-31T06:00:00Z');
  let booted: BootedApp;
  beforeAll(async () => {
    booted = await bootApp({
      config: `
timezone: Europe/Zurich
clusters:
  - { name: prod-eu, context: prod-eu }
  - { name: prod-us, context: prod-us }
  - { name: staging, context: staging }
teams:
  - name: platform
    channel: C0PLATFORM1
    statusLog: { time: "09:00" }
    clusters: [{ cluster: prod-eu }, { cluster: prod-us }, { cluster: staging }]${rotations}
`,
      clock,
    });
  });
  afterAll(async () => {
    await booted?.stop();
  });

  it('gets a daily post with 3 clusters and 200 log entries that Slack accepts, truncated with a count', async () => {
    const pool = new pg.Pool({ connectionString: booted.databaseUrl, max: 2 });
    const logs = new LogStore(pool);
    for (let i = 0; i < 200; i++) {
      await logs.add({
        team: 'platform',
        author: 'U0BOB0001',
        body: `entry ${i}: ${'checked the dashboards and the queue depth; '.repeat(6)}`,
        source: 'command',
        now: new Date(Date.parse('2026-03-30T06:00:00Z') + i * 60_000),
      });
    }
    await pool.end();
    clock.set('2026-03-31T07:00:00Z');
    await booted.app.tick();
    const [daily] = postsTo(booted.slack, 'C0PLATFORM1', 'Daily status');
    expect(daily).toBeDefined();
    expect(booted.slack.rejections()).toEqual([]);
    const text = blockText(daily?.args.blocks);
    expect(text).toMatch(/…and \d+ more not shown/);
    expect(text).toContain('prod-us');
    expect((daily?.args.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });
});
