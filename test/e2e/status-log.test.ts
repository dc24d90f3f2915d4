// /log and replies in the daily post's thread, as the team uses them — including bad input and hiccups.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import { zurichOnly } from '../support/oncall-config.js';

const clock = new ManualClock('2026-11-24T08:00:00Z');
let booted: BootedApp;
let pool: pg.Pool;

beforeAll(async () => {
  booted = await bootApp({ config: zurichOnly, clock });
  pool = new pg.Pool({ connectionString: booted.databaseUrl, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await booted?.stop();
});

async function log(text: string, userId = 'U0ALICE01') {
  booted.slack.clearCalls();
  await booted.requester.slashCommand({ command: '/log', text, userId, channelId: 'C0PLATFORM1' });
  return blockText((await booted.slack.waitForCall('response_url')).args.blocks);
}

describe('/log', () => {
  it('adds entries and open items, shows them today, and closes an item once', async () => {
    expect(await log('deployed payments 4.2 to prod')).toMatch(
      /Logged #\d+: deployed payments 4\.2 to prod/,
    );
    const opened = await log('--open certificate for shop.example.com expires Friday', 'U0BOB0001');
    const id = /Open item #(\d+)/.exec(opened)?.[1];
    expect(id).toBeDefined();
    const today = await log('');
    expect(today).toContain('<@U0ALICE01>: deployed payments 4.2 to prod');
    expect(today).toContain('Open items (1)');
    expect(await log(`close ${id}`)).toContain(`Closed open item #${id}`);
    expect(await log(`close ${id}`)).toContain('already closed by <@U0ALICE01>');
  });

  it('shows the week, and yesterday is not today', async () => {
    clock.set('2026-11-25T08:00:00Z');
    expect(await log('')).not.toContain('deployed payments 4.2');
    expect(await log('week')).toContain('deployed payments 4.2');
    clock.set('2026-11-24T08:00:00Z');
  });

  it.each([
    ['--open', 'An open item needs some text'],
    ['--urgent fix it', 'is not an option of /log'],
    ['close', 'Say which item to close'],
    ['close 999999', 'There is no log entry #999999'],
    ['close abc', 'There is no log entry #abc'],
    ['x'.repeat(10_000), 'at most 3,000 characters; this one has 10,000'],
  ])('answers "/log %s" clearly', async (input, sentence) => {
    expect(await log(input)).toContain(sentence);
  });

  it('does not let an entry ping the whole channel when shown again', async () => {
    await log('heads up <!channel> maintenance at noon');
    const today = await log('');
    expect(today).toContain('&lt;!channel&gt;');
    expect(today).not.toContain('<!channel>');
  });

  it('when the database hiccups, gives the text back so nothing is lost', async () => {
    await pool.query('ALTER TABLE log_entries RENAME TO log_entries_away');
    try {
      const reply = await log('rotated the TLS keys on the ingress');
      expect(reply).toContain('could not be saved');
      expect(reply).toContain('rotated the TLS keys on the ingress');
    } finally {
      await pool.query('ALTER TABLE log_entries_away RENAME TO log_entries');
    }
  });

  it('when Slack hiccups on the reply, the entry is still kept', async () => {
    booted.slack.failNext('response_url', { status: 500 });
    await booted.requester.slashCommand({
      command: '/log',
      text: 'restarted kafka broker 3',
      userId: 'U0CAROL01',
      channelId: 'C0PLATFORM1',
    });
    await booted.slack.waitForCall('response_url');
    expect(await log('')).toContain('restarted kafka broker 3');
  });
});

describe('replies in the daily post thread', () => {
  it('become log entries once, even if Slack sends the event twice; other threads do not', async () => {
    const posted = booted.slack.postAsUser({
      channel: 'C0PLATFORM1',
      user: 'U0WATCHBOT',
      text: 'Daily status',
    });
    await pool.query(
      `INSERT INTO scheduled_posts (key, kind, team, channel, scheduled_at, state, claimed_at, sent_at, message_ts)
       VALUES ('daily-status:platform:test', 'daily-status', 'platform', 'C0PLATFORM1', $1, 'sent', $1, $1, $2)`,
      [clock.now(), posted.ts],
    );
    await booted.requester.message({
      userId: 'U0CAROL01',
      channelId: 'C0PLATFORM1',
      text: 'payments latency back to normal',
      threadTs: posted.ts,
    });
    const other = booted.slack.postAsUser({
      channel: 'C0PLATFORM1',
      user: 'U0BOB0001',
      text: 'lunch?',
    });
    await booted.requester.message({
      userId: 'U0ALICE01',
      channelId: 'C0PLATFORM1',
      text: 'yes please',
      threadTs: other.ts,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const today = await log('');
    expect(today.split('payments latency back to normal')).toHaveLength(2);
    expect(today).not.toContain('yes please');
  });
});
