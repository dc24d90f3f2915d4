// Two and three app instances on one Postgres, ticking at once and restarted at random, post every
// scheduled post exactly once over two weeks (≥ 200 posts). Needs a real Postgres server: with
// embedded PGlite there is only ever one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import { createTestDatabase, hasPostgresServer } from '../support/test-database.js';

const rotation = (name: string, zone: string, members: string) => `
      - name: ${name}
        timezone: ${zone}
        shiftLength: 1d
        handoff: { time: "09:00" }
        start: 2026-03-01
        members: [${members}]`;
const config = `
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    statusLog: { time: "09:00", days: [mon, tue, wed, thu, fri, sat, sun] }
    rotations:${rotation('zurich', 'Europe/Zurich', 'U0ALICE01, U0BOB0001')}${rotation('paloalto', 'America/Los_Angeles', 'U0DAVE001, U0ERIN001')}
  - name: payments
    channel: C0PAYMENTS1
    statusLog: { time: "08:30", days: [mon, tue, wed, thu, fri, sat, sun] }
    rotations:${rotation('sydney', 'Australia/Sydney', 'U0FRANK01, U0GRACE01')}${rotation('chicago', 'America/Chicago', 'U0HEIDI01, U0IVAN001')}
`;

const start = Date.parse('2026-03-20T00:00:00Z');
const end = Date.parse('2026-04-03T00:00:00Z');

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe.runIf(await hasPostgresServer())(
  'scheduled posts with several app instances on one Postgres',
  () => {
    let slack: FakeSlackApi;
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      slack = await FakeSlackApi.start();
    });
    afterAll(async () => {
      await slack?.close();
    });

    it.each([2, 3])(
      '%i instances post each due post exactly once',
      async (count) => {
        database = await createTestDatabase();
        slack.clearCalls();
        const clock = new ManualClock(new Date(start));
        const next = random(count * 7919);
        const boot = () => bootApp({ config, clock, slack, databaseUrl: database.url });
        const instances: BootedApp[] = [];
        for (let i = 0; i < count; i++) instances.push(await boot());
        let restarts = 0;
        try {
          for (let t = start; t < end; t += 20 * 60_000 + Math.floor(next() * 20 * 60_000)) {
            clock.set(new Date(t));
            await Promise.all(
              instances.map((app) => (next() < 0.8 ? app.app.tick() : Promise.resolve())),
            );
            if (next() < 0.01) {
              const victim = Math.floor(next() * instances.length);
              await instances[victim]?.stop();
              instances[victim] = await boot();
              restarts++;
            }
          }
          clock.set(new Date(end));
          for (let round = 0; round < 5; round++) {
            clock.set(new Date(end + round * 2000));
            await Promise.all(instances.map((app) => app.app.tick()));
          }
        } finally {
          for (const app of instances) await app.stop();
        }
        const posts = slack.callsTo('chat.postMessage').filter((c) => c.ok);
        const texts = posts.map(
          (c) =>
            `${String(c.args.channel)} ${String(c.args.thread_ts ?? '')} ${JSON.stringify(c.args.blocks)}`,
        );
        const duplicates = texts.length - new Set(texts).size;
        console.log(
          JSON.stringify({ instances: count, restarts, posts: posts.length, duplicates }),
        );
        expect(posts.length).toBeGreaterThanOrEqual(200);
        expect(duplicates).toBe(0);
        expect(slack.rejections()).toEqual([]);
        await database.close();
      },
      600_000,
    );
  },
);
