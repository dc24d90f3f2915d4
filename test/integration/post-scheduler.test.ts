// The scheduled-posts job as a replica runs it: posts go out once at their instant; after a stop
// over a handoff the recent ones are caught up once and an older one is recorded as skipped.
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/log.js';
import { appYamlOnly, loadRotationContexts } from '../../src/oncall/rotation-context.js';
import { skippedSince } from '../../src/scheduler/claims.js';
import type { DueEvent } from '../../src/scheduler/due-events.js';
import { PostScheduler } from '../../src/scheduler/post-scheduler.js';
import { plainMessage, type SlackMessage } from '../../src/slack/message.js';
import { webPoster } from '../../src/slack/web-poster.js';
import { FakeSlackApi, quietSlackLogger, testBotToken } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// Zurich handoff Mon 30 Mar 09:00 CEST (07:00Z), Carol → Alice: reminder Sun 07:00Z to Alice,
// note request Mon 06:00Z to Carol; daily status Mon 07:00Z. Grace 2 h.
const config = parseConfig(`
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    statusLog: { time: "09:00", days: [mon, tue, wed, thu, fri] }
    rotations:
      - name: zurich
        shiftLength: 1w
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
scheduler: { grace: 2h }
`);
const GRACE_MS = 2 * 3_600_000;
const logger = createLogger('silent');

let testDb: TestDatabase;
let db: Database;
let fake: FakeSlackApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  await runMigrations(db);
  fake = await FakeSlackApi.start();
});

beforeEach(async () => {
  fake.reset();
  await db.pool.query('TRUNCATE outbox, outbox_channel_pace, scheduled_posts');
});

afterAll(async () => {
  await fake?.close();
  await db?.close();
  await testDb?.close();
});

type Render = (event: DueEvent, now: Date) => Promise<SlackMessage | null>;

const byKey: Render = async (event) => plainMessage(event.key);

function scheduler(render: Render = byKey): PostScheduler {
  const client = new WebClient(testBotToken, {
    slackApiUrl: fake.url,
    logger: quietSlackLogger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return new PostScheduler({
    pool: db.pool,
    config,
    contexts: (window) => loadRotationContexts(appYamlOnly, config.teams, window),
    render,
    sender: webPoster(client),
    logger,
    graceMs: GRACE_MS,
  });
}

/** What reached Slack: one line per successful chat.postMessage, "channel text". */
function posted(): string[] {
  return fake
    .callsTo('chat.postMessage')
    .filter((call) => call.ok)
    .map((call) => `${String(call.args.channel)} ${String(call.args.text)}`);
}

async function states(): Promise<Record<string, string>> {
  const { rows } = await db.pool.query<{ key: string; state: string; skipped_reason: string }>(
    'SELECT key, state, skipped_reason FROM scheduled_posts ORDER BY key',
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.key,
      row.skipped_reason ? `${row.state}:${row.skipped_reason}` : row.state,
    ]),
  );
}

const reminder = 'handoff-reminder:zurich:2026-03-30T07:00:00.000Z';
const noteRequest = 'handoff-note-request:zurich:2026-03-30T07:00:00.000Z';
const handoff = 'handoff:zurich:2026-03-30T07:00:00.000Z';
const dailyMonday = 'daily-status:platform:2026-03-30T07:00:00.000Z';

describe('PostScheduler', () => {
  it('sends each post once at its instant, however often it ticks', async () => {
    const job = scheduler().tickJob();
    for (const iso of [
      '2026-03-29T06:59:59Z',
      '2026-03-29T07:00:00Z',
      '2026-03-29T07:00:15Z',
      '2026-03-30T06:00:05Z',
      '2026-03-30T07:00:00Z',
      '2026-03-30T07:00:01Z',
      '2026-03-30T07:00:30Z',
    ]) {
      await job.run(new Date(iso));
    }
    expect(posted()).toEqual([
      `U0ALICE01 ${reminder}`,
      `U0CAROL01 ${noteRequest}`,
      `C0PLATFORM1 ${dailyMonday}`,
      `C0PLATFORM1 ${handoff}`,
    ]);
    expect(fake.messagesIn('D0ALICE01').map((m) => m.text)).toEqual([reminder]);
    expect(await states()).toEqual({
      [dailyMonday]: 'sent',
      [noteRequest]: 'sent',
      [reminder]: 'sent',
      [handoff]: 'sent',
    });
  });

  it('after a stop over the handoff, catches up the recent posts once and skips the older one', async () => {
    const replica = scheduler();
    await replica.tick(new Date('2026-03-29T07:00:30Z'));
    expect(posted()).toEqual([`U0ALICE01 ${reminder}`]);

    // Stopped from Sunday noon until Monday 08:30Z: the note request (06:00Z) is 2.5 h old.
    const restart = await replica.tick(new Date('2026-03-30T08:30:00Z'));
    expect(restart).toMatchObject({ claimed: 2, enqueued: 2, skipped: 1, failed: 0 });
    await replica.tick(new Date('2026-03-30T08:30:01Z'));
    await replica.tick(new Date('2026-03-30T08:45:00Z'));

    expect(posted()).toEqual([
      `U0ALICE01 ${reminder}`,
      `C0PLATFORM1 ${dailyMonday}`,
      `C0PLATFORM1 ${handoff}`,
    ]);
    expect(await states()).toEqual({
      [dailyMonday]: 'sent',
      [noteRequest]: 'skipped:missed',
      [reminder]: 'sent',
      [handoff]: 'sent',
    });
    const skipped = await skippedSince(db.pool, 'platform', new Date('2026-03-29T00:00:00Z'));
    expect(skipped).toEqual([
      {
        key: noteRequest,
        kind: 'handoff-note-request',
        team: 'platform',
        rotation: 'zurich',
        channel: 'U0CAROL01',
        scheduledAt: new Date('2026-03-30T06:00:00Z'),
      },
    ]);
    expect(await skippedSince(db.pool, 'platform', new Date('2026-03-30T06:00:01Z'))).toEqual([]);
  });

  it('records a post with nothing to say as skipped, not as missed', async () => {
    const quiet = scheduler(async (event) =>
      event.kind === 'daily-status' ? null : plainMessage(event.key),
    );
    await quiet.tick(new Date('2026-03-30T07:00:00Z'));
    expect(posted()).toEqual([`U0CAROL01 ${noteRequest}`, `C0PLATFORM1 ${handoff}`]);
    expect((await states())[dailyMonday]).toBe('skipped:nothing-to-post');
    expect(await skippedSince(db.pool, 'platform', new Date('2026-03-30T00:00:00Z'))).toEqual([]);
  });

  it('tries a post whose rendering failed again once its claim runs out, and sends it once', async () => {
    let failures = 1;
    const flaky = scheduler(async (event) => {
      if (event.kind === 'handoff' && failures-- > 0) throw new Error('digest source down');
      return plainMessage(event.key);
    });
    await flaky.tick(new Date('2026-03-30T07:00:00Z'));
    const { rows } = await db.pool.query(
      'SELECT state, attempts, last_error FROM scheduled_posts WHERE key = $1',
      [handoff],
    );
    expect(rows).toEqual([{ state: 'claimed', attempts: 1, last_error: 'digest source down' }]);
    await flaky.tick(new Date('2026-03-30T07:00:30Z'));
    expect(posted()).not.toContain(`C0PLATFORM1 ${handoff}`);
    await flaky.tick(new Date('2026-03-30T07:01:00Z'));
    await flaky.tick(new Date('2026-03-30T07:01:05Z'));
    expect(posted().filter((line) => line.endsWith(handoff))).toEqual([`C0PLATFORM1 ${handoff}`]);
    expect((await states())[handoff]).toBe('sent');
  });

  it('marks a post failed when Slack refuses it for good, and sends the others', async () => {
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const replica = scheduler();
    await replica.tick(new Date('2026-03-30T06:00:00Z'));
    await replica.tick(new Date('2026-03-30T07:00:00Z'));
    await replica.tick(new Date('2026-03-30T07:00:01Z'));
    expect(await states()).toEqual({
      [dailyMonday]: 'sent',
      [noteRequest]: 'failed',
      [reminder]: 'skipped:missed',
      [handoff]: 'sent',
    });
    const { rows } = await db.pool.query('SELECT last_error FROM scheduled_posts WHERE key = $1', [
      noteRequest,
    ]);
    expect(rows).toEqual([{ last_error: 'Slack says not_in_channel' }]);
  });
});
