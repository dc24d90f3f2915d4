// Scheduled posts through the real app with a controlled clock: a week across Zurich's DST change posts
// exactly the expected daily statuses, handoffs, reminders and note requests, each once, on time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { RecordedCall } from '../../src/sandbox/slack/types.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';

const config = `
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    statusLog: { time: "09:00", days: [mon, tue, wed, thu, fri] }
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
      - name: paloalto
        timezone: America/Los_Angeles
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0DAVE001, U0ERIN001]
`;

const start = Date.parse('2026-03-27T00:00:00Z');
const end = Date.parse('2026-04-03T00:00:00Z');
const step = 15 * 60_000;
const clock = new ManualClock(new Date(start));
let booted: BootedApp;
const posts: Array<{ at: string; call: RecordedCall }> = [];

beforeAll(async () => {
  booted = await bootApp({ config, clock });
  booted.slack.on('call', (call) => {
    if (call.method === 'chat.postMessage' && call.ok)
      posts.push({ at: clock.now().toISOString(), call });
  });
  for (let t = start; t < end; t += step) {
    clock.set(new Date(t));
    await booted.app.tick();
    // Slack takes ~1 post per second per channel: a second post due at the same instant goes a moment later.
    clock.set(new Date(t + 2000));
    await booted.app.tick();
  }
}, 240_000);
afterAll(async () => {
  await booted?.stop();
});

const summary = () =>
  posts.map(({ at, call }) => {
    const text = blockText(call.args.blocks);
    const kind = text.startsWith('Daily status')
      ? 'daily'
      : text.startsWith('Handoff —')
        ? 'handoff'
        : text.includes('Leave a short note')
          ? 'note-request'
          : text.includes('shift starts')
            ? 'reminder'
            : text.includes('has not been acknowledged')
              ? 'nudge'
              : 'other';
    return `${at.slice(0, 16)} ${String(call.args.channel)} ${kind}`;
  });

describe('a week of scheduled posts across the DST change (Zurich, 2026-03-29)', () => {
  it('posts exactly these, at these UTC instants, and nothing else', () => {
    expect(summary()).toEqual([
      '2026-03-27T08:00 C0PLATFORM1 daily',
      '2026-03-29T07:00 U0ALICE01 reminder',
      '2026-03-29T16:00 U0DAVE001 reminder',
      '2026-03-30T06:00 U0CAROL01 note-request',
      '2026-03-30T07:00 C0PLATFORM1 daily',
      '2026-03-30T07:00 C0PLATFORM1 handoff',
      '2026-03-30T08:15 C0PLATFORM1 nudge',
      '2026-03-30T15:00 U0ERIN001 note-request',
      '2026-03-30T16:00 C0PLATFORM1 handoff',
      '2026-03-30T17:00 C0PLATFORM1 nudge',
      '2026-03-31T07:00 C0PLATFORM1 daily',
      '2026-04-01T07:00 C0PLATFORM1 daily',
      '2026-04-02T07:00 C0PLATFORM1 daily',
    ]);
  });

  it('never had a post refused by Slack', () => {
    expect(booted.slack.rejections()).toEqual([]);
  });

  it('the handoff names outgoing and incoming and the new shift window', () => {
    const handoff = posts.find(({ call }) =>
      blockText(call.args.blocks).startsWith('Handoff — zurich'),
    );
    const text = blockText(handoff?.call.args.blocks);
    expect(text).toContain('<@U0CAROL01> → <@U0ALICE01>');
    expect(text).toContain(`New shift: <!date^${Date.parse('2026-03-30T07:00:00Z') / 1000}^`);
    expect(text).toContain(`→ <!date^${Date.parse('2026-04-06T07:00:00Z') / 1000}^`);
  });
});
