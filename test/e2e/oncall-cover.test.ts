// Cover requests, user groups and members by email, end to end: what the team sees in Slack when
// someone needs cover, when duty changes hands, and when app.yaml names people by email.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';

const config = `
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    managers: [U0MANAGER1]
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [alice@example.com, U0BOB0001, carol@example.com, nobody@example.com]
        userGroup: S0ONCALLZH
`;

// Monday 2026-11-23 11:00 Zurich. Without nobody@ (unknown to Slack) the roster is Alice, Bob, Carol:
// 46 weeks after the first handoff → Bob's shift (Nov 23 → Nov 30).
const clock = new ManualClock('2026-11-23T10:00:00Z');
let slack: FakeSlackApi;
let booted: BootedApp;

beforeAll(async () => {
  slack = await FakeSlackApi.start();
  slack.addUser({ id: 'U0ALICE01', name: 'alice', email: 'alice@example.com' });
  slack.addUser({ id: 'U0CAROL01', name: 'carol', email: 'Carol@Example.com' });
  slack.addUserGroup({ id: 'S0ONCALLZH', handle: 'oncall-zurich', users: ['U0ALICE01'] });
  booted = await bootApp({ config, clock, slack });
});
afterAll(async () => {
  await booted?.stop();
  await slack?.close();
});
beforeEach(() => slack.clearCalls());

async function oncall(userId: string, text: string) {
  slack.clearCalls();
  await booted.requester.slashCommand({
    command: '/oncall',
    text,
    userId,
    channelId: 'C0PLATFORM1',
  });
  return blockText((await slack.waitForCall('response_url')).args.blocks);
}

describe('members written as emails', () => {
  it('are resolved to Slack ids; an unknown address is one clear log line and the rest works', async () => {
    expect(await oncall('U0ALICE01', '')).toContain('<@U0BOB0001> on duty');
    const warning = booted.logs.find((line) => line.includes('nobody@example.com'));
    expect(warning).toContain('rotation \\"zurich\\"');
    expect(booted.logs.filter((line) => line.includes('nobody@example.com'))).toHaveLength(1);
  });
});

describe('the user group follows the rotation', () => {
  it('is set to the person on duty at each tick, only when it changes', async () => {
    await booted.app.tick();
    const update = await slack.waitForCall('usergroups.users.update');
    expect(update.args).toMatchObject({ usergroup: 'S0ONCALLZH', users: 'U0BOB0001' });
    slack.clearCalls();
    await booted.app.tick();
    expect(slack.callsTo('usergroups.users.update')).toHaveLength(0);
    clock.set('2026-11-30T08:00:00Z');
    await booted.app.tick();
    expect((await slack.waitForCall('usergroups.users.update')).args.users).toBe('U0CAROL01');
    clock.set('2026-11-23T10:00:00Z');
  });
});

describe('cover requests', () => {
  async function askCover(text: string) {
    slack.clearCalls();
    await booted.requester.slashCommand({
      command: '/oncall',
      text,
      userId: 'U0BOB0001',
      channelId: 'C0PLATFORM1',
    });
    const post = await slack.waitForCall('chat.postMessage');
    const ack = await slack.waitForCall('response_url');
    return {
      channel: String(post.args.channel),
      ts: String(post.response.ts),
      ack: blockText(ack.args.blocks),
    };
  }

  it('two people click "I\'ll cover" at once: one wins and becomes on call, the other is told', async () => {
    const card = await askCover('cover wed 09:00 wed 17:00 school play');
    expect(card.ack).toContain('Asked in <#C0PLATFORM1>');
    slack.clearCalls();
    await Promise.all(
      ['U0ALICE01', 'U0CAROL01'].map((userId) =>
        booted.requester.blockAction({
          userId,
          actionId: 'oncall_cover_take',
          channelId: card.channel,
          messageTs: card.ts,
        }),
      ),
    );
    await slack.waitForCall('response_url', (c) => c.args.replace_original === true);
    await slack.waitForCall('response_url', (c) => c.args.replace_original !== true);
    const replies = slack.callsTo('response_url').map((c) => blockText(c.args.blocks));
    const won = replies.filter((t) => t.includes(':white_check_mark:'));
    const lost = replies.filter((t) => t.includes('Too late'));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = /:white_check_mark: <@(U0\w+)> covers/.exec(won[0] ?? '')?.[1];
    expect(lost[0]).toContain(`<@${winner}> already took this shift`);
    const dm = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'U0BOB0001');
    expect(blockText(dm.args.blocks)).toContain(`<@${winner}> will cover your *zurich* shift`);
    clock.set('2026-11-25T10:00:00Z');
    expect(await oncall('U0MANAGER1', '')).toContain(
      `<@${winner}> on duty (covering for <@U0BOB0001>`,
    );
    clock.set('2026-11-23T10:00:00Z');
  });

  it('refuses cover for a shift that is not yours, and your own click', async () => {
    expect(await oncall('U0CAROL01', 'cover wed 09:00 wed 17:00')).toContain(
      "<@U0BOB0001>'s shift in zurich, not yours",
    );
    const card = await askCover('cover thu 09:00 thu 12:00');
    slack.clearCalls();
    await booted.requester.blockAction({
      userId: 'U0BOB0001',
      actionId: 'oncall_cover_take',
      channelId: card.channel,
      messageTs: card.ts,
    });
    expect(blockText((await slack.waitForCall('response_url')).args.blocks)).toContain(
      'This is your own request',
    );
  });

  it('reminds once in the thread, then expires the request when it starts', async () => {
    const card = await askCover('cover fri 09:00 fri 12:00');
    clock.set('2026-11-24T09:00:00Z');
    slack.clearCalls();
    await booted.app.tick();
    const reminder = await slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.thread_ts === card.ts,
    );
    expect(blockText(reminder.args.blocks)).toContain('it starts in 3 days');
    slack.clearCalls();
    await booted.app.tick();
    expect(
      slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === card.ts),
    ).toHaveLength(0);
    clock.set('2026-11-27T08:30:00Z');
    await booted.app.tick();
    const expired = await slack.waitForCall('chat.update', (c) => c.args.ts === card.ts);
    expect(blockText(expired.args.blocks)).toContain('expired');
    clock.set('2026-11-23T10:00:00Z');
  });

  it('lets the requester cancel with /oncall cancel c<id>', async () => {
    const card = await askCover('cover tue 13:00 tue 15:00');
    const id = /`(c\d+)`/.exec(card.ack)?.[1];
    expect(await oncall('U0CAROL01', `cancel ${id}`)).toContain('Only <@U0BOB0001> can cancel');
    expect(await oncall('U0BOB0001', `cancel ${id}`)).toContain('cancelled by <@U0BOB0001>');
    expect(slack.callsTo('chat.update').some((c) => c.args.ts === card.ts)).toBe(true);
  });
});
