// Calendar feed tokens and user-group sync state on a real database.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { OncallStore } from '../../src/oncall/store/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let db: Database;
let store: OncallStore;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  await runMigrations(db);
  store = new OncallStore(db.pool);
});

afterAll(async () => {
  await db?.close();
  await testDb?.close();
});

const NOW = new Date('2026-03-02T10:00:00Z');

describe('calendar tokens', () => {
  it('issues a random secret that resolves to its owner and is stored only as a hash', async () => {
    const token = await store.issueCalendarToken({
      userId: 'U0ALICE01',
      rotation: 'zurich',
      now: NOW,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.resolveCalendarToken(token)).toEqual({
      userId: 'U0ALICE01',
      rotation: 'zurich',
    });

    const { rows } = await db.pool.query<{ stored: string }>(
      'SELECT row_to_json(t)::text AS stored FROM oncall_calendar_tokens t',
    );
    const everything = rows.map((row) => row.stored).join('\n');
    expect(everything).not.toContain(token);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(everything).toContain(hash);
  });

  it('revokes the previous token of the same user and rotation when a new one is issued', async () => {
    const old = await store.issueCalendarToken({
      userId: 'U0BOB0001',
      rotation: 'zurich',
      now: NOW,
    });
    const all = await store.issueCalendarToken({ userId: 'U0BOB0001', now: NOW });
    const fresh = await store.issueCalendarToken({
      userId: 'U0BOB0001',
      rotation: 'zurich',
      now: NOW,
    });
    expect(fresh).not.toBe(old);
    expect(await store.resolveCalendarToken(old)).toBeNull();
    expect(await store.resolveCalendarToken(fresh)).toEqual({
      userId: 'U0BOB0001',
      rotation: 'zurich',
    });
    expect(await store.resolveCalendarToken(all)).toEqual({ userId: 'U0BOB0001', rotation: null });
  });

  it('revokes on request, once', async () => {
    const token = await store.issueCalendarToken({ userId: 'U0CAROL01', now: NOW });
    expect(await store.revokeCalendarToken({ userId: 'U0CAROL01', now: NOW })).toBe(true);
    expect(await store.revokeCalendarToken({ userId: 'U0CAROL01', now: NOW })).toBe(false);
    expect(await store.resolveCalendarToken(token)).toBeNull();
    const again = await store.issueCalendarToken({ userId: 'U0CAROL01', now: NOW });
    expect(await store.resolveCalendarToken(again)).toEqual({
      userId: 'U0CAROL01',
      rotation: null,
    });
  });

  it('leaves exactly one live token when two are issued at the same moment', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 4 }, () => store.issueCalendarToken({ userId: 'U0DAVE001', now: NOW })),
    );
    const live = await Promise.all(tokens.map((token) => store.resolveCalendarToken(token)));
    expect(live.filter((owner) => owner !== null)).toHaveLength(1);
  });

  it('resolves nothing for malformed or unknown tokens', async () => {
    expect(await store.resolveCalendarToken('')).toBeNull();
    expect(await store.resolveCalendarToken("'; DROP TABLE oncall_calendar_tokens; --")).toBeNull();
    expect(await store.resolveCalendarToken('A'.repeat(43))).toBeNull();
  });
});

describe('user-group state', () => {
  const later = new Date(NOW.getTime() + 3_600_000);

  it('remembers what was last pushed, sorted, and ignores an older push arriving late', async () => {
    expect(await store.userGroupState('S0ONCALLZH')).toBeNull();
    await store.recordUserGroupSync('S0ONCALLZH', ['U0BOB0001', 'U0ALICE01', 'U0BOB0001'], NOW);
    expect(await store.userGroupState('S0ONCALLZH')).toEqual({
      members: ['U0ALICE01', 'U0BOB0001'],
      syncedAt: NOW,
      refusal: null,
    });
    await store.recordUserGroupSync('S0ONCALLZH', ['U0CAROL01'], later);
    await store.recordUserGroupSync('S0ONCALLZH', ['U0ALICE01'], NOW);
    expect(await store.userGroupState('S0ONCALLZH')).toMatchObject({
      members: ['U0CAROL01'],
      syncedAt: later,
    });
  });

  it('refuses to record an empty group', async () => {
    await expect(store.recordUserGroupSync('S0EMPTY01', [], NOW)).rejects.toThrow(
      'a Slack user group cannot be emptied',
    );
    expect(await store.userGroupState('S0EMPTY01')).toBeNull();
  });

  it('tells a refusal once per error and members, keeps the last members, and forgets it on success', async () => {
    const group = 'S0REFUSED1';
    const refusal = { error: 'invalid_users', members: ['U0GONE0001', 'U0ALICE01'] };
    expect(await store.recordUserGroupRefusal(group, refusal, NOW)).toBe(true);
    expect(await store.userGroupState(group)).toEqual({
      members: [],
      syncedAt: null,
      refusal: { error: 'invalid_users', members: ['U0ALICE01', 'U0GONE0001'], at: NOW },
    });
    const reordered = { ...refusal, members: ['U0ALICE01', 'U0GONE0001'] };
    expect(await store.recordUserGroupRefusal(group, reordered, later)).toBe(false);
    expect((await store.userGroupState(group))?.refusal?.at).toEqual(later);
    expect(
      await store.recordUserGroupRefusal(group, { ...refusal, error: 'no_permission' }, later),
    ).toBe(true);

    await store.recordUserGroupSync(group, ['U0ALICE01'], later);
    expect(await store.userGroupState(group)).toEqual({
      members: ['U0ALICE01'],
      syncedAt: later,
      refusal: null,
    });
    expect(await store.recordUserGroupRefusal(group, refusal, later)).toBe(true);
    expect(await store.userGroupState(group)).toMatchObject({ members: ['U0ALICE01'] });
  });

  it('tells a refusal exactly once when several replicas record it at the same moment', async () => {
    const refusal = { error: 'invalid_users', members: ['U0GONE0001'] };
    const told = await Promise.all(
      Array.from({ length: 5 }, () => store.recordUserGroupRefusal('S0RACE0001', refusal, NOW)),
    );
    expect(told.filter(Boolean)).toHaveLength(1);
  });
});
