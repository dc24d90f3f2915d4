// /oncall subcommands through signed Slack requests, as the team uses them: schedule, override, cancel,
// swap with the other person's confirmation, mine, help — and every bad input answered in a sentence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import { zurichOnly } from '../support/oncall-config.js';

// Monday 2026-11-23, 11:00 in Zurich: Bob's shift (Nov 23 → Nov 30), then Carol, Alice, Bob.
const clock = new ManualClock('2026-11-23T10:00:00Z');
let booted: BootedApp;

beforeAll(async () => {
  booted = await bootApp({ config: zurichOnly, clock });
});
afterAll(async () => {
  await booted?.stop();
});
beforeEach(() => {
  clock.set('2026-11-23T10:00:00Z');
  booted.slack.clearCalls();
});

async function oncall(userId: string, text: string, channelId = 'C0PLATFORM1') {
  booted.slack.clearCalls();
  const response = await booted.requester.slashCommand({
    command: '/oncall',
    text,
    userId,
    channelId,
  });
  expect(response.status).toBe(200);
  const reply = await booted.slack.waitForCall('response_url');
  expect(reply.ok).toBe(true);
  return { text: blockText(reply.args.blocks), responseType: reply.args.response_type };
}

describe('/oncall schedule and mine', () => {
  it('lists the coming shifts in order with their members', async () => {
    const { text } = await oncall('U0ALICE01', 'schedule zurich 3');
    const order = ['U0BOB0001', 'U0CAROL01', 'U0ALICE01'].map((id) => text.indexOf(`<@${id}>`));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows only your own shifts with /oncall mine', async () => {
    const { text } = await oncall('U0CAROL01', 'mine');
    expect(text).toContain('*zurich*');
    expect(text).toContain(`<!date^${Date.parse('2026-11-30T08:00:00Z') / 1000}^`);
    expect(text).not.toContain('paloalto');
  });

  it.each([
    ['schedule zurch', 'Did you mean `zurich`?'],
    ['schedule zurich 99', 'use 1 to 26 weeks'],
    ['schedul', 'is not a subcommand I know'],
    ['mine please', 'takes no arguments'],
  ])('answers "/oncall %s" with a clear sentence', async (input, sentence) => {
    const { text } = await oncall('U0ALICE01', input);
    expect(text).toContain(sentence);
  });
});

describe('/oncall override and cancel', () => {
  it('lets Carol cover tomorrow afternoon for Bob; /oncall then names her', async () => {
    const made = await oncall(
      'U0CAROL01',
      'override zurich <@U0CAROL01|carol> tomorrow 13:00 tomorrow 17:00 dentist',
    );
    expect(made.responseType).toBe('in_channel');
    expect(made.text).toContain('put <@U0CAROL01> on call for *zurich*');
    expect(made.text).toContain('(covering for <@U0BOB0001>)');
    clock.set('2026-11-24T13:00:00Z');
    const now = await oncall('U0ALICE01', '');
    expect(now.text).toContain('<@U0CAROL01> on duty (covering for <@U0BOB0001>');
  });

  it('refuses to put someone else on call unless you are a manager', async () => {
    const refused = await oncall(
      'U0ALICE01',
      'override zurich <@U0CAROL01> tomorrow 09:00 tomorrow 12:00',
    );
    expect(refused.text).toContain('You can only put yourself on call');
    const byManager = await oncall(
      'U0MANAGER1',
      'override zurich <@U0CAROL01> tomorrow 09:00 tomorrow 12:00',
    );
    expect(byManager.text).toContain('<@U0MANAGER1> put <@U0CAROL01> on call');
  });

  it.each([
    [
      'override zurch <@U0CAROL01> tomorrow 09:00 tomorrow 12:00',
      'There is no rotation called "zurch"',
    ],
    [
      'override zurich carol tomorrow 09:00 tomorrow 12:00',
      'Expected a person (an @mention) but got "carol"',
    ],
    [
      'override zurich <@U0NOBODY1> tomorrow 09:00 tomorrow 12:00',
      'is not in any rotation of team platform',
    ],
    ['override zurich <@U0CAROL01> tomorrow 12:00 tomorrow 09:00', 'after'],
    ['override zurich <@U0CAROL01> 2026-11-01 09:00 2026-11-02 09:00', 'already over'],
    ['override zurich <@U0CAROL01> fri 25:00 sat 09:00', '25:00 is not a time of day'],
    ['override zurich', 'Some arguments are missing'],
  ])('answers "/oncall %s" in a sentence and stores nothing', async (input, sentence) => {
    const covers = async () =>
      (await oncall('U0CAROL01', 'schedule zurich 2')).text.split('covers').length;
    const before = await covers();
    const { text } = await oncall('U0CAROL01', input);
    expect(text).toContain(sentence);
    expect(await covers()).toBe(before);
  });

  it('cancels an override once; a second cancel and a bad id are explained', async () => {
    const made = await oncall('U0CAROL01', 'override zurich <@U0CAROL01> wed 09:00 wed 12:00');
    const id = /`(o\d+)`/.exec(made.text)?.[1];
    expect(id).toBeDefined();
    const refused = await oncall('U0BOB0001', `cancel ${id}`);
    expect(refused.text).toContain('Only <@U0CAROL01> or a manager');
    const done = await oncall('U0CAROL01', `cancel ${id}`);
    expect(done.text).toContain(`cancelled override \`${id}\``);
    expect((await oncall('U0CAROL01', `cancel ${id}`)).text).toContain('already cancelled');
    expect((await oncall('U0CAROL01', 'cancel x1')).text).toContain('is not an id I know');
    expect((await oncall('U0CAROL01', 'cancel o999999')).text).toContain(
      'There is no override o999999',
    );
  });
});

describe('/oncall swap', () => {
  async function askSwap(requester: string, text: string) {
    booted.slack.clearCalls();
    await booted.requester.slashCommand({
      command: '/oncall',
      text,
      userId: requester,
      channelId: 'C0PLATFORM1',
    });
    const post = await booted.slack.waitForCall('chat.postMessage');
    await booted.slack.waitForCall('response_url');
    booted.slack.clearCalls();
    return { channel: String(post.args.channel), ts: String(post.response.ts) };
  }

  it('asks the other person; only they can answer; a decline changes nothing', async () => {
    const card = await askSwap(
      'U0CAROL01',
      'swap zurich <@U0CAROL01> 2026-11-30 <@U0ALICE01> 2026-12-07',
    );
    expect(card.channel).toBe('C0PLATFORM1');
    booted.slack.clearCalls();
    await booted.requester.blockAction({
      userId: 'U0BOB0001',
      actionId: 'oncall_swap_confirm',
      channelId: card.channel,
      messageTs: card.ts,
    });
    const refusal = await booted.slack.waitForCall('response_url');
    expect(blockText(refusal.args)).toContain('Only <@U0ALICE01> can answer');
    booted.slack.clearCalls();
    await booted.requester.blockAction({
      userId: 'U0ALICE01',
      actionId: 'oncall_swap_decline',
      channelId: card.channel,
      messageTs: card.ts,
    });
    const updated = await booted.slack.waitForCall('response_url');
    expect(updated.args.replace_original).toBe(true);
    expect(blockText(updated.args.blocks)).toContain('declined by <@U0ALICE01>');
    const schedule = await oncall('U0ALICE01', 'schedule zurich 3');
    expect(schedule.text).not.toContain('swapped');
  });

  it('a confirmed swap shows in the schedule, and the buttons are gone', async () => {
    const card = await askSwap(
      'U0CAROL01',
      'swap zurich <@U0CAROL01> 2026-11-30 <@U0ALICE01> 2026-12-07',
    );
    await booted.requester.blockAction({
      userId: 'U0ALICE01',
      actionId: 'oncall_swap_confirm',
      channelId: card.channel,
      messageTs: card.ts,
    });
    const updated = await booted.slack.waitForCall('response_url');
    expect(blockText(updated.args.blocks)).toContain('confirmed by <@U0ALICE01>');
    expect(JSON.stringify(updated.args.blocks)).not.toContain('oncall_swap_confirm');
    clock.set('2026-11-30T10:00:00Z');
    const now = await oncall('U0BOB0001', '');
    expect(now.text).toContain('<@U0ALICE01> on duty');
    expect(now.text).toContain('(swapped shift)');
  });

  it.each([
    [
      'swap zurich <@U0CAROL01> 2026-12-28 <@U0ALICE01> 2026-12-21',
      'belongs to <@U0ALICE01>, not <@U0CAROL01>',
    ],
    ['swap zurich <@U0CAROL01> 2026-11-30', 'A swap needs five parts'],
    ['swap zurich <@U0CAROL01> 2026-12-21 <@U0CAROL01> 2026-12-22', 'same shift'],
    [
      'swap zurich <@U0ALICE01> 2026-12-07 <@U0BOB0001> 2026-12-14',
      'Only <@U0ALICE01> or <@U0BOB0001> or a manager',
    ],
  ])('answers "/oncall %s" in a sentence', async (input, sentence) => {
    const { text } = await oncall('U0CAROL01', input);
    expect(text).toContain(sentence);
  });
});

describe('/oncall help', () => {
  it('lists every subcommand', async () => {
    const { text } = await oncall('U0ALICE01', 'help');
    for (const sub of ['schedule', 'mine', 'override', 'swap', 'cancel'])
      expect(text).toContain(`/oncall ${sub}`);
  });
});

describe('/oncall override without arguments opens a form', () => {
  async function openForm() {
    booted.slack.clearCalls();
    const response = await booted.requester.slashCommand({
      command: '/oncall',
      text: 'override',
      userId: 'U0CAROL01',
      channelId: 'C0PLATFORM1',
    });
    expect(response.status).toBe(200);
    const opened = await booted.slack.waitForCall('views.open');
    expect(opened.ok).toBe(true);
    return String((opened.response.view as { id: string }).id);
  }
  const values = (from: string, to: string) => ({
    rotation: { value: { type: 'static_select', selected_option: { value: 'zurich' } } },
    member: { value: { type: 'users_select', selected_user: 'U0CAROL01' } },
    from: { value: { type: 'plain_text_input', value: from } },
    to: { value: { type: 'plain_text_input', value: to } },
    reason: { value: { type: 'plain_text_input', value: 'form test' } },
  });

  it('a bad time keeps the form open with the problem under that field', async () => {
    const viewId = await openForm();
    const response = await booted.requester.viewSubmission({
      userId: 'U0CAROL01',
      viewId,
      values: values('fri 25:00', 'sat 09:00'),
    });
    expect(response.body).toMatchObject({
      response_action: 'errors',
      errors: { from: expect.stringContaining('25:00') },
    });
  });

  it('a good form makes the override and says so in the channel', async () => {
    const viewId = await openForm();
    booted.slack.clearCalls();
    const response = await booted.requester.viewSubmission({
      userId: 'U0CAROL01',
      viewId,
      values: values('thu 09:00', 'thu 12:00'),
    });
    expect(response.status).toBe(200);
    const post = await booted.slack.waitForCall('chat.postMessage');
    expect(post.args.channel).toBe('C0PLATFORM1');
    expect(blockText(post.args.blocks)).toContain('put <@U0CAROL01> on call for *zurich*');
    expect(blockText(post.args.blocks)).toContain('form test');
  });
});
