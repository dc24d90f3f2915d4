// Roster history from app.yaml: recorded once, changes take effect at the next handoff, safe with two instances.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { AppConfig } from '../../src/config/schema.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { dutyAt } from '../../src/oncall/engine/index.js';
import { recordRosters } from '../../src/oncall/roster-recorder.js';
import { rotationSpec } from '../../src/oncall/rotation-spec.js';
import { OncallStore } from '../../src/oncall/store/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let db: Database;
let secondInstance: Database;
let store: OncallStore;
let secondStore: OncallStore;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  secondInstance = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  await runMigrations(db);
  store = new OncallStore(db.pool);
  secondStore = new OncallStore(secondInstance.pool);
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE oncall_roster_versions');
});

afterAll(async () => {
  await secondInstance?.close();
  await db?.close();
  await testDb?.close();
});

const [ANN, BEN, CAT, DAN, EVE, FAY] = [
  'U0ANN0001',
  'U0BEN0001',
  'U0CAT0001',
  'U0DAN0001',
  'U0EVE0001',
  'U0FAY0001',
];
const ORIGINAL = [ANN, BEN, CAT, DAN];
const EPOCH = new Date(0);
const at = (iso: string) => new Date(iso);
// Zurich hands off on Mondays 09:00 (08:00Z in winter): ann from 01-05, ben 01-12, cat 01-19, dan 01-26.
const CAT_SHIFT_WEDNESDAY = at('2026-01-21T13:00:00Z');
const NEXT_HANDOFF = at('2026-01-26T08:00:00Z');

function config(zurich: string[], sydney: string[] = [ANN, BEN]): AppConfig {
  return parseConfig(`
teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        handoff: { day: mon, time: '09:00' }
        start: 2026-01-05
        members: [${zurich.join(', ')}]
      - name: sydney
        timezone: Australia/Sydney
        shiftLength: 1d
        handoff: { time: '08:00' }
        start: 2026-01-05
        members: [${sydney.join(', ')}]
`);
}

async function onDuty(cfg: AppConfig, iso: string): Promise<string | null> {
  const rotation = cfg.teams[0]?.rotations.find((r) => r.name === 'zurich');
  if (!rotation) throw new Error('no zurich rotation');
  const spec = rotationSpec(rotation, await store.rosterVersions('zurich'));
  return dutyAt(spec, { overrides: [], swaps: [] }, at(iso)).member;
}

describe('recordRosters', () => {
  it('records each rotation once as its first version, from the start', async () => {
    const cfg = config(ORIGINAL);
    expect(await recordRosters(store, cfg, at('2026-01-06T10:00:00Z'))).toEqual([
      { rotation: 'zurich', effectiveFrom: EPOCH, members: ORIGINAL, change: 'first' },
      { rotation: 'sydney', effectiveFrom: EPOCH, members: [ANN, BEN], change: 'first' },
    ]);
    expect(await recordRosters(store, cfg, at('2026-01-07T10:00:00Z'))).toEqual([]);
    expect(await store.rosterVersions('zurich')).toEqual([
      { members: ORIGINAL, effectiveFrom: EPOCH },
    ]);
  });

  it('records a change effective at the next handoff, leaving the shift in progress alone', async () => {
    await recordRosters(store, config(ORIGINAL), at('2026-01-06T10:00:00Z'));
    const changed = config([ANN, BEN, CAT, EVE, DAN], [BEN, ANN]);
    expect(await recordRosters(store, changed, CAT_SHIFT_WEDNESDAY)).toEqual([
      {
        rotation: 'zurich',
        effectiveFrom: NEXT_HANDOFF,
        members: [ANN, BEN, CAT, EVE, DAN],
        change: 'changed',
      },
      // 2026-01-22 00:00 in Sydney: the next 08:00 handoff there is 21:00Z.
      {
        rotation: 'sydney',
        effectiveFrom: at('2026-01-21T21:00:00Z'),
        members: [BEN, ANN],
        change: 'changed',
      },
    ]);
    expect(await recordRosters(store, changed, at('2026-01-22T09:00:00Z'))).toEqual([]);
    expect(await store.rosterVersions('zurich')).toEqual([
      { members: ORIGINAL, effectiveFrom: EPOCH },
      { members: [ANN, BEN, CAT, EVE, DAN], effectiveFrom: NEXT_HANDOFF },
    ]);

    expect(await onDuty(changed, '2026-01-13T10:00:00Z')).toBe(BEN);
    expect(await onDuty(changed, '2026-01-26T07:59:59Z')).toBe(CAT);
    // Duty passes to whoever follows cat in the new order: eve, where the old order had dan.
    expect(await onDuty(changed, '2026-01-26T08:00:00Z')).toBe(EVE);
    expect(await onDuty(changed, '2026-02-02T08:00:00Z')).toBe(DAN);
  });

  it('replaces a pending change that changes again, and drops it when app.yaml goes back', async () => {
    await recordRosters(store, config(ORIGINAL), at('2026-01-06T10:00:00Z'));
    await recordRosters(store, config([ANN, BEN, CAT, EVE, DAN]), CAT_SHIFT_WEDNESDAY);
    expect(
      await recordRosters(store, config([ANN, BEN, CAT, DAN, FAY]), at('2026-01-22T10:00:00Z')),
    ).toEqual([
      {
        rotation: 'zurich',
        effectiveFrom: NEXT_HANDOFF,
        members: [ANN, BEN, CAT, DAN, FAY],
        change: 'changed',
      },
    ]);
    expect(await store.rosterVersions('zurich')).toEqual([
      { members: ORIGINAL, effectiveFrom: EPOCH },
      { members: [ANN, BEN, CAT, DAN, FAY], effectiveFrom: NEXT_HANDOFF },
    ]);

    expect(await recordRosters(store, config(ORIGINAL), at('2026-01-23T10:00:00Z'))).toEqual([
      { rotation: 'zurich', effectiveFrom: NEXT_HANDOFF, members: ORIGINAL, change: 'withdrawn' },
    ]);
    expect(await recordRosters(store, config(ORIGINAL), at('2026-01-23T11:00:00Z'))).toEqual([]);
    expect(await store.rosterVersions('zurich')).toEqual([
      { members: ORIGINAL, effectiveFrom: EPOCH },
    ]);
    expect(await onDuty(config(ORIGINAL), '2026-01-26T08:00:00Z')).toBe(DAN);
  });

  it('keeps a change once its handoff has passed; going back later is a change of its own', async () => {
    const withEve = [ANN, BEN, CAT, EVE, DAN];
    await recordRosters(store, config(ORIGINAL), at('2026-01-06T10:00:00Z'));
    await recordRosters(store, config(withEve), CAT_SHIFT_WEDNESDAY);
    expect(await recordRosters(store, config(withEve), at('2026-01-27T10:00:00Z'))).toEqual([]);
    expect(await recordRosters(store, config(ORIGINAL), at('2026-01-27T10:00:00Z'))).toEqual([
      {
        rotation: 'zurich',
        effectiveFrom: at('2026-02-02T08:00:00Z'),
        members: ORIGINAL,
        change: 'changed',
      },
    ]);
    expect(await store.rosterVersions('zurich')).toEqual([
      { members: ORIGINAL, effectiveFrom: EPOCH },
      { members: withEve, effectiveFrom: NEXT_HANDOFF },
      { members: ORIGINAL, effectiveFrom: at('2026-02-02T08:00:00Z') },
    ]);
  });

  it('records once when two instances start at the same moment', async () => {
    const both = async (cfg: AppConfig, now: Date) =>
      (
        await Promise.all([recordRosters(store, cfg, now), recordRosters(secondStore, cfg, now)])
      ).flat();

    const first = await both(config(ORIGINAL), at('2026-01-06T10:00:00Z'));
    expect(first.map((r) => [r.rotation, r.change]).sort()).toEqual([
      ['sydney', 'first'],
      ['zurich', 'first'],
    ]);
    const changed = await both(config([ANN, BEN, CAT, EVE, DAN], [BEN, ANN]), CAT_SHIFT_WEDNESDAY);
    expect(changed.map((r) => [r.rotation, r.change]).sort()).toEqual([
      ['sydney', 'changed'],
      ['zurich', 'changed'],
    ]);
    const back = await both(config(ORIGINAL, [BEN, ANN]), at('2026-01-21T14:00:00Z'));
    expect(back.map((r) => [r.rotation, r.change])).toEqual([['zurich', 'withdrawn']]);
    expect(await store.rosterVersions('zurich')).toEqual([
      { members: ORIGINAL, effectiveFrom: EPOCH },
    ]);
    expect(await store.rosterVersions('sydney')).toHaveLength(2);
  });
});
