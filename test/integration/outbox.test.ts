// The outbox against the fake Slack through the real Web API client: Retry-After and backoff,
// permanent errors, giving up, one message per second per channel across replicas, lost leases.
import { WebClient } from '@slack/web-api';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/log.js';
import { plainMessage } from '../../src/slack/message.js';
import { webPoster } from '../../src/slack/web-poster.js';
import {
  LEASE_MS,
  decideAfterFailure,
  deliverDue,
  enqueue,
  type OutboxSender,
  type RetryPolicy,
} from '../../src/scheduler/outbox/index.js';
import { leaseMessage, markSent } from '../../src/scheduler/outbox/lease.js';
import { FakeSlackApi, quietSlackLogger, testBotToken } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const T0 = new Date('2026-03-30T07:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const clock = new ManualClock(T0);
const logger = createLogger('silent');
/** Short backoff so Retry-After (1 s) is what decides the first wait. */
const quick: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 10_000 };

let testDb: TestDatabase;
let db: Database;
let fake: FakeSlackApi;
let sender: OutboxSender;

function slackClient(): WebClient {
  return new WebClient(testBotToken, {
    slackApiUrl: fake.url,
    logger: quietSlackLogger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  await runMigrations(db);
  fake = await FakeSlackApi.start({ now: () => clock.now().getTime() });
  sender = webPoster(slackClient());
});

beforeEach(async () => {
  fake.reset();
  clock.set(T0);
  await db.pool.query('TRUNCATE outbox, outbox_channel_pace, scheduled_posts');
});

afterAll(async () => {
  await fake?.close();
  await db?.close();
  await testDb?.close();
});

async function deliverAt(ms: number, options: { policy?: RetryPolicy; pool?: pg.Pool } = {}) {
  clock.set(at(ms));
  return deliverDue(options.pool ?? db.pool, sender, at(ms), {
    logger,
    policy: options.policy ?? quick,
  });
}

async function row(id: string) {
  const { rows } = await db.pool.query(
    'SELECT state, attempts, next_attempt_at, last_error, result_ts, sent_at FROM outbox WHERE id = $1',
    [id],
  );
  return rows[0];
}

const posts = () => fake.callsTo('chat.postMessage');
const none = { sent: 0, retrying: 0, dead: 0, leaseLost: 0 };

describe('outbox delivery', () => {
  it('waits out a 429 (Retry-After 1), retries a 500 with backoff, then posts exactly once', async () => {
    const id = await enqueue(db.pool, { channel: 'C0PLATFORM1', message: plainMessage('hi') }, T0);
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    fake.failNext('chat.postMessage', { status: 500 });

    expect(await deliverAt(0)).toEqual({ ...none, retrying: 1 });
    expect(await row(id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      next_attempt_at: at(1000),
    });
    expect(await deliverAt(999)).toEqual(none);
    expect(posts()).toHaveLength(1);

    expect(await deliverAt(1000)).toEqual({ ...none, retrying: 1 });
    expect(await row(id)).toMatchObject({
      state: 'pending',
      attempts: 2,
      next_attempt_at: at(1400),
      last_error: 'Slack answered HTTP 500',
    });
    // Backoff is over at 1.4 s, but the channel's slot (taken at 1 s) only frees at 2 s.
    expect(await deliverAt(1400)).toEqual(none);
    expect(await deliverAt(2000)).toEqual({ ...none, sent: 1 });
    expect(await deliverAt(60_000)).toEqual(none);

    expect(posts().map((call) => call.error ?? 'ok')).toEqual([
      'ratelimited',
      'internal_error',
      'ok',
    ]);
    const [message] = fake.messagesIn('C0PLATFORM1');
    expect(fake.messagesIn('C0PLATFORM1')).toHaveLength(1);
    expect(await row(id)).toMatchObject({
      state: 'sent',
      attempts: 3,
      sent_at: at(2000),
      result_ts: message?.ts,
      last_error: null,
    });
  });

  it('gives up at once on a permanent Slack error, and after the last attempt on others', async () => {
    const archived = await enqueue(
      db.pool,
      { channel: 'C0ARCHIVED', message: plainMessage('a') },
      T0,
    );
    const flaky = await enqueue(db.pool, { channel: 'C0FLAKY001', message: plainMessage('b') }, T0);
    fake.failNext('chat.postMessage', { error: 'is_archived' });
    fake.failNext('chat.postMessage', { status: 500 }, 4);

    expect(await deliverAt(0)).toEqual({ ...none, retrying: 1, dead: 1 });
    expect(await row(archived)).toMatchObject({
      state: 'dead',
      attempts: 1,
      last_error: 'Slack says is_archived',
    });
    // Backoff 200 ms, 400 ms, 800 ms, each behind the channel's one-second slot.
    expect(await deliverAt(1000)).toEqual({ ...none, retrying: 1 });
    expect(await deliverAt(2000)).toEqual({ ...none, retrying: 1 });
    expect(await deliverAt(3000)).toEqual({ ...none, dead: 1 });
    expect(await row(flaky)).toMatchObject({
      state: 'dead',
      attempts: 4,
      last_error: 'Slack answered HTTP 500 (gave up after 4 attempts)',
    });
    expect(await deliverAt(3_600_000)).toEqual(none);
    expect(posts()).toHaveLength(5);
  });

  it('posts at most one message per second per channel, even from two replicas at once', async () => {
    const other = new pg.Pool({ connectionString: testDb.url, max: 2 });
    try {
      for (const n of [1, 2, 3, 4]) {
        await enqueue(db.pool, { channel: 'C0BUSY0001', message: plainMessage(`busy ${n}`) }, T0);
      }
      await enqueue(db.pool, { channel: 'C0QUIET001', message: plainMessage('quiet') }, T0);

      const both = async (ms: number) => {
        const [a, b] = await Promise.all([deliverAt(ms), deliverAt(ms, { pool: other })]);
        return (a?.sent ?? 0) + (b?.sent ?? 0);
      };
      expect(await both(0)).toBe(2);
      expect(await both(999)).toBe(0);
      expect(await both(1000)).toBe(1);
      expect(await both(1500)).toBe(0);
      expect(await both(2000)).toBe(1);
      expect(await both(3000)).toBe(1);
      expect(await both(4000)).toBe(0);

      const busy = fake.messagesIn('C0BUSY0001');
      expect(busy.map((message) => message.text)).toEqual(['busy 1', 'busy 2', 'busy 3', 'busy 4']);
      const times = posts()
        .filter((call) => call.args.channel === 'C0BUSY0001')
        .map((call) => call.at.getTime() - T0.getTime());
      expect(times).toEqual([0, 1000, 2000, 3000]);
    } finally {
      await other.end();
    }
  });

  it('sends a message again once a crashed replica’s lease runs out, and the late marker loses', async () => {
    const id = await enqueue(db.pool, { channel: 'C0PLATFORM1', message: plainMessage('x') }, T0);
    const crashed = await leaseMessage(db.pool, id, T0, at(LEASE_MS), at(1000));
    expect(crashed).toMatchObject({ id, attempts: 1 });

    expect(await deliverAt(LEASE_MS - 1)).toEqual(none);
    expect(await deliverAt(LEASE_MS + 1)).toEqual({ ...none, sent: 1 });
    expect(await markSent(db.pool, crashed!, at(LEASE_MS + 5), 'late.0001')).toBe(false);
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 2, sent_at: at(LEASE_MS + 1) });
    expect(posts()).toHaveLength(1);
  });

  it('replies in a thread and updates a message in place', async () => {
    clock.set(T0);
    const parent = await sender.post('C0PLATFORM1', plainMessage('parent'));
    await enqueue(
      db.pool,
      { channel: 'C0PLATFORM1', message: plainMessage('reply'), threadTs: parent.ts },
      T0,
    );
    await enqueue(db.pool, { channel: 'C0OTHER001', message: plainMessage('first') }, T0);
    expect(await deliverAt(0)).toEqual({ ...none, sent: 2 });
    const [first] = fake.messagesIn('C0OTHER001');
    await enqueue(
      db.pool,
      { channel: 'C0OTHER001', message: plainMessage('second'), updateTs: first!.ts },
      at(1000),
    );
    expect(await deliverAt(1000)).toEqual({ ...none, sent: 1 });

    expect(fake.messages.thread('C0PLATFORM1', parent.ts)?.map((m) => m.text)).toEqual([
      'parent',
      'reply',
    ]);
    expect(fake.messagesIn('C0OTHER001').map((m) => m.text)).toEqual(['second']);
    expect(fake.callsTo('chat.update')).toHaveLength(1);
  });

  it('backs off 5 s, 10 s, 20 s … up to 15 minutes by default, unless Retry-After is longer', () => {
    const failure = { code: 'http_500', permanent: false, detail: 'Slack answered HTTP 500' };
    const waits = [1, 2, 3, 8, 9].map((attempts) => {
      const decision = decideAfterFailure(failure, attempts, T0);
      return decision.state === 'pending' ? decision.nextAttemptAt.getTime() - T0.getTime() : null;
    });
    expect(waits).toEqual([5_000, 10_000, 20_000, 640_000, 900_000]);
    expect(decideAfterFailure(failure, 10, T0)).toEqual({
      state: 'dead',
      error: 'Slack answered HTTP 500 (gave up after 10 attempts)',
    });
    const limited = { ...failure, code: 'ratelimited', retryAfterMs: 30_000 };
    expect(decideAfterFailure(limited, 1, T0)).toEqual({
      state: 'pending',
      error: 'Slack answered HTTP 500',
      nextAttemptAt: at(30_000),
      channelPausedUntil: at(30_000),
    });
  });
});
