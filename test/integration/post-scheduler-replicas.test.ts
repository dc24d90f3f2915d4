// Two and three PostScheduler replicas on one PostgreSQL, ticking concurrently at random over a
// simulated week while Slack now and then answers 429 or 500: every due post reaches Slack exactly
// once, missed ones before the first tick are only recorded, and no channel gets two posts in a second.
import { WebClient } from '@slack/web-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/log.js';
import type { Override } from '../../src/oncall/engine/index.js';
import {
  loadRotationContexts,
  type RotationChangeSource,
} from '../../src/oncall/rotation-context.js';
import { dueEvents } from '../../src/scheduler/due-events.js';
import { PostScheduler } from '../../src/scheduler/post-scheduler.js';
import { plainMessage } from '../../src/slack/message.js';
import { webPoster } from '../../src/slack/web-poster.js';
import { FakeSlackApi, quietSlackLogger, testBotToken } from '../support/fake-slack.js';
import {
  createTestDatabase,
  hasPostgresServer,
  type TestDatabase,
} from '../support/test-database.js';

const HOUR = 3_600_000;
const GRACE_MS = 2 * HOUR;
const WEEK_START = Date.parse('2026-03-02T00:00:00Z');
const WEEK_END = WEEK_START + 7 * 24 * HOUR;

/** Daily shifts in four zones; three rotations of `platform` hand off together into one channel. */
function rotationYaml(
  name: string,
  zone: string,
  time: string,
  members: string[],
  channel?: string,
) {
  return `
      - name: ${name}
        timezone: ${zone}
        shiftLength: 1d
        handoff: { time: "${time}" }
        start: 2026-02-02
        members: [${members.join(', ')}]
        reminder: 6h${channel ? `\n        channel: ${channel}` : ''}`;
}

const config = parseConfig(`
teams:
  - name: platform
    channel: C0PLATFORM1
    timezone: Europe/Zurich
    statusLog: { time: "09:00", days: [mon, tue, wed, thu, fri, sat, sun] }
    rotations:${rotationYaml('zh-app', 'Europe/Zurich', '09:00', ['U0ALICE01', 'U0BOB0001'])}${rotationYaml('zh-db', 'Europe/Zurich', '09:00', ['U0CAROL01', 'U0DAN0001', 'U0EVE0001'])}${rotationYaml('zh-net', 'Europe/Zurich', '09:00', ['U0FAY0001', 'U0GUS0001'])}
  - name: sre
    channel: C0SRETEAM1
    timezone: America/Los_Angeles
    statusLog: { time: "08:30", days: [mon, tue, wed, thu, fri, sat, sun] }
    rotations:${rotationYaml('la-day', 'America/Los_Angeles', '08:00', ['U0HAL0001', 'U0IVY0001'], 'C0LAONCALL')}${rotationYaml('la-night', 'America/Los_Angeles', '20:00', ['U0JO00001', 'U0KAI0001'], 'C0LAONCALL')}${rotationYaml('ny', 'America/New_York', '07:00', ['U0LEE0001', 'U0MAX0001'])}
  - name: apac
    channel: C0APACTEAM
    timezone: Asia/Tokyo
    statusLog: { time: "10:00", days: [mon, tue, wed, thu, fri, sat, sun] }
    rotations:${rotationYaml('tokyo', 'Asia/Tokyo', '09:00', ['U0NIA0001', 'U0OTT0001'])}${rotationYaml('sydney', 'Australia/Sydney', '09:00', ['U0PIA0001', 'U0QUI0001'])}${rotationYaml('delhi', 'Asia/Kolkata', '09:30', ['U0RAJ0001', 'U0SAM0001'])}
scheduler: { grace: 2h }
`);

function override(
  id: string,
  member: string,
  start: string,
  end: string,
): Override & { rotation: string } {
  const created = new Date('2026-02-20T00:00:00Z');
  return {
    id,
    rotation: 'zh-net',
    member,
    start: new Date(start),
    end: new Date(end),
    createdAt: created,
  };
}

/** Gus covers two afternoons of zh-net: four override notes in the week. */
const changeSource: RotationChangeSource = {
  overridesFor: async () => [
    override('1', 'U0GUS0001', '2026-03-03T13:00:00Z', '2026-03-03T15:00:00Z'),
    override('2', 'U0GUS0001', '2026-03-05T13:00:00Z', '2026-03-05T15:30:00Z'),
  ],
  confirmedSwaps: async () => [],
  rosterVersions: async () => [],
};

/** A small seeded generator, so a failing run can be replayed (the seed is printed). */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replica(pool: pg.Pool, slackApiUrl: string): PostScheduler {
  const client = new WebClient(testBotToken, {
    slackApiUrl,
    logger: quietSlackLogger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return new PostScheduler({
    pool,
    config,
    contexts: (window) => loadRotationContexts(changeSource, config.teams, window),
    render: async (event) => plainMessage(event.key),
    sender: webPoster(client),
    logger: createLogger('silent'),
    graceMs: GRACE_MS,
  });
}

/** Posts due from the first tick's grace on (sent) and in the day before it (only recorded). */
async function expectedPosts(lastTick: number) {
  const from = new Date(WEEK_START - GRACE_MS - 24 * HOUR);
  const contexts = await loadRotationContexts(changeSource, config.teams, {
    from,
    to: new Date(lastTick + 24 * HOUR),
  });
  const events = dueEvents(config, contexts, from, new Date(lastTick + 1));
  const sendFrom = WEEK_START - GRACE_MS;
  return {
    due: events.filter((event) => event.scheduledAt.getTime() >= sendFrom),
    missed: events.filter((event) => event.scheduledAt.getTime() < sendFrom),
  };
}

describe.runIf(await hasPostgresServer())('PostScheduler replicas on one PostgreSQL', () => {
  let testDb: TestDatabase;
  let db: Database;
  let fake: FakeSlackApi;

  beforeAll(async () => {
    testDb = await createTestDatabase({ kind: 'postgres' });
    db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
    await runMigrations(db);
    fake = await FakeSlackApi.start();
  });

  afterAll(async () => {
    await fake?.close();
    await db?.close();
    await testDb?.close();
  });

  const outstanding = async () => {
    const { rows } = await db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE state IN ('pending', 'sending')",
    );
    return rows[0]?.n;
  };

  it.each([2, 3])(
    '%i replicas ticking at random over a week post each due post exactly once',
    async (count) => {
      fake.reset();
      await db.pool.query('TRUNCATE outbox, outbox_channel_pace, scheduled_posts');
      const seed = 1000 + count;
      const random = generator(seed);
      const pools = Array.from(
        { length: count },
        () => new pg.Pool({ connectionString: testDb.url, max: 3 }),
      );
      const replicas = pools.map((pool) => replica(pool, fake.url));
      const stats = { rounds: 0, ticks: 0, injectedFaults: 0, lastTick: WEEK_START };
      /** Some replicas tick at once, each with its clock up to `jitterMs` ahead of `at`. */
      const round = async (at: number, jitterMs = 3000) => {
        stats.rounds++;
        if (random() < 0.08) {
          stats.injectedFaults++;
          const retryAfterSeconds = 1 + Math.floor(random() * 3);
          fake.failNext(
            'chat.postMessage',
            random() < 0.5 ? { status: 429, retryAfterSeconds } : { status: 500 },
          );
        }
        const chosen = replicas.filter(() => random() < 0.8);
        await Promise.all(
          (chosen.length > 0 ? chosen : replicas).map(async (scheduler) => {
            const tickAt = at + Math.floor(random() * jitterMs);
            stats.lastTick = Math.max(stats.lastTick, tickAt);
            stats.ticks++;
            await sleep(Math.floor(random() * 4));
            await scheduler.tick(new Date(tickAt));
          }),
        );
      };
      try {
        // No jitter in the first round, so which posts are older than the grace is certain.
        await round(WEEK_START, 0);
        let now = WEEK_START;
        while (now < WEEK_END) {
          now += 60_000 + Math.floor(random() * 44 * 60_000);
          await round(now);
        }
        for (let drain = 0; drain < 200 && (await outstanding()) !== 0; drain++) {
          now += 5_000 + Math.floor(random() * 60_000);
          await round(now);
        }
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }
      expect(await outstanding()).toBe(0);

      const { due, missed } = await expectedPosts(stats.lastTick);
      const calls = fake.callsTo('chat.postMessage');
      const delivered = calls.filter((call) => call.ok).map((call) => String(call.args.text));
      const duplicates = delivered.filter((key, i) => delivered.indexOf(key) !== i);
      const { rows } = await db.pool.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM scheduled_posts GROUP BY state ORDER BY state',
      );
      const states = Object.fromEntries(rows.map((row) => [row.state, row.n]));
      console.log(
        JSON.stringify({
          replicas: count,
          seed,
          ...stats,
          lastTick: new Date(stats.lastTick).toISOString(),
          duePosts: due.length,
          missedBeforeFirstTick: missed.length,
          postMessageOk: delivered.length,
          postMessageFailed: calls.length - delivered.length,
          duplicates: duplicates.length,
          scheduledPosts: states,
        }),
      );

      expect(due.length).toBeGreaterThanOrEqual(200);
      expect(duplicates).toEqual([]);
      expect([...delivered].sort()).toEqual(due.map((event) => event.key).sort());
      expect(calls.length - delivered.length).toBe(stats.injectedFaults);
      expect(states).toEqual({ sent: due.length, skipped: missed.length });

      const { rows: channels } = await db.pool.query<{ channel: string; times: Date[] }>(
        `SELECT channel, array_agg(sent_at ORDER BY sent_at) AS times
         FROM outbox WHERE state = 'sent' GROUP BY channel`,
      );
      for (const { channel, times } of channels) {
        const gaps = times.slice(1).map((time, i) => time.getTime() - (times[i]?.getTime() ?? 0));
        expect(Math.min(...gaps, 1000), `posts to ${channel} less than 1 s apart`).toBe(1000);
      }
    },
    180_000,
  );
});
