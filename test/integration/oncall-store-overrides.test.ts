// The on-call store's overrides and swaps on a real database: stored, listed, cancelled or decided once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { UserFacingError } from '../../src/errors.js';
import { OncallStore, SwapConflictError, type NewSwap } from '../../src/oncall/store/index.js';
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
const at = (iso: string) => new Date(iso);

async function refusal(action: Promise<unknown>): Promise<UserFacingError> {
  const error = await action.then(
    () => new Error('expected a refusal'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe('overrides', () => {
  const base = {
    rotation: 'ovr-zurich',
    member: 'U0BOB0001',
    start: at('2026-03-03T07:00:00Z'),
    end: at('2026-03-05T17:00:00Z'),
    createdBy: 'U0MANAGER1',
    now: NOW,
  };

  it('stores an override and reads it back by id', async () => {
    const added = await store.addOverride({ ...base, reason: '  dentist ', replaces: 'U0ALICE01' });
    expect(added).toEqual({
      id: expect.stringMatching(/^\d+$/),
      rotation: 'ovr-zurich',
      member: 'U0BOB0001',
      start: base.start,
      end: base.end,
      createdAt: NOW,
      createdBy: 'U0MANAGER1',
      reason: 'dentist',
      replaces: 'U0ALICE01',
    });
    expect(await store.getOverride(added.id)).toEqual(added);
    expect(await store.getOverride('999999')).toBeNull();
    expect(await store.getOverride('o1')).toBeNull();
  });

  it('lists overrides that overlap a range, half-open, of the asked rotations only', async () => {
    const rotation = 'ovr-overlap';
    const first = await store.addOverride({ ...base, rotation });
    const later = await store.addOverride({
      ...base,
      rotation,
      member: 'U0CAROL01',
      start: at('2026-03-05T12:00:00Z'),
      end: at('2026-03-06T12:00:00Z'),
    });
    await store.addOverride({ ...base, rotation: 'ovr-elsewhere' });

    const ids = async (from: string, to: string) =>
      (await store.overridesFor([rotation], at(from), at(to))).map((o) => o.id);
    expect(await ids('2026-03-01T00:00:00Z', '2026-03-03T07:00:00Z')).toEqual([]);
    expect(await ids('2026-03-01T00:00:00Z', '2026-03-03T07:00:01Z')).toEqual([first.id]);
    expect(await ids('2026-03-05T13:00:00Z', '2026-03-05T14:00:00Z')).toEqual([first.id, later.id]);
    expect(await ids('2026-03-05T17:00:00Z', '2026-03-06T00:00:00Z')).toEqual([later.id]);
    expect(await ids('2026-03-06T12:00:00Z', '2026-03-09T00:00:00Z')).toEqual([]);
    expect(
      await store.overridesFor([], at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z')),
    ).toEqual([]);
  });

  it('cancels once: the second cancel returns null and the override is no longer listed', async () => {
    const rotation = 'ovr-cancel';
    const added = await store.addOverride({ ...base, rotation });
    const cancelAt = at('2026-03-02T11:00:00Z');
    const cancelled = await store.cancelOverride(added.id, 'U0ALICE01', cancelAt);
    expect(cancelled).toEqual({ ...added, cancelledAt: cancelAt, cancelledBy: 'U0ALICE01' });
    expect(await store.cancelOverride(added.id, 'U0MANAGER1', cancelAt)).toBeNull();
    expect(await store.getOverride(added.id)).toEqual(cancelled);
    expect(await store.overridesFor([rotation], base.start, base.end)).toEqual([]);
    expect(await store.cancelOverride('424242', 'U0ALICE01', cancelAt)).toBeNull();
  });

  it('cancels exactly once when several people cancel at the same moment', async () => {
    const added = await store.addOverride({ ...base, rotation: 'ovr-race' });
    const results = await Promise.all(
      ['U0A', 'U0B', 'U0C', 'U0D', 'U0E'].map((by) => store.cancelOverride(added.id, by, NOW)),
    );
    expect(results.filter((result) => result !== null)).toHaveLength(1);
  });

  it('refuses bad input with a sentence a user can act on', async () => {
    expect((await refusal(store.addOverride({ ...base, end: base.start }))).message).toBe(
      'The override must end after it starts.',
    );
    expect(
      (
        await refusal(
          store.addOverride({
            ...base,
            start: at('2026-02-01T00:00:00Z'),
            end: at('2026-02-02T00:00:00Z'),
          }),
        )
      ).message,
    ).toBe('The override is already over; pick a time range that has not ended.');
    expect((await refusal(store.addOverride({ ...base, member: '  ' }))).message).toBe(
      'The person covering is missing.',
    );
    expect((await refusal(store.addOverride({ ...base, replaces: 'U0BOB0001' }))).message).toBe(
      'Someone cannot cover for themselves; name another person.',
    );
    expect(
      (await refusal(store.addOverride({ ...base, start: new Date('nonsense') }))).message,
    ).toBe('The start of the override is not a valid date and time.');
    expect((await refusal(store.addOverride({ ...base, reason: 'x'.repeat(501) }))).message).toBe(
      'The reason is 501 characters long; keep it under 500.',
    );
  });
});

describe('swaps', () => {
  const proposal = (rotation: string, overrides: Partial<NewSwap> = {}): NewSwap => ({
    rotation,
    shiftA: at('2026-03-09T08:00:00Z'),
    memberA: 'U0ALICE01',
    shiftB: at('2026-03-16T08:00:00Z'),
    memberB: 'U0BOB0001',
    requestedBy: 'U0ALICE01',
    now: NOW,
    ...overrides,
  });

  it('is proposed pending, confirmed once, and then listed for the engine', async () => {
    const swap = await store.proposeSwap(proposal('swp-confirm'));
    expect(swap).toEqual({
      id: expect.stringMatching(/^\d+$/),
      rotation: 'swp-confirm',
      shiftA: at('2026-03-09T08:00:00Z'),
      memberA: 'U0ALICE01',
      shiftB: at('2026-03-16T08:00:00Z'),
      memberB: 'U0BOB0001',
      createdAt: NOW,
      status: 'pending',
      requestedBy: 'U0ALICE01',
    });
    expect(await store.pendingSwaps(['swp-confirm'])).toEqual([swap]);
    expect(await store.confirmedSwaps(['swp-confirm'])).toEqual([]);

    const decidedAt = at('2026-03-02T12:00:00Z');
    const confirmed = await store.decideSwap(swap.id, 'confirmed', 'U0BOB0001', decidedAt);
    expect(confirmed).toEqual({ ...swap, status: 'confirmed', decidedBy: 'U0BOB0001', decidedAt });
    expect(await store.decideSwap(swap.id, 'declined', 'U0BOB0001', decidedAt)).toBeNull();
    expect(await store.decideSwap(swap.id, 'confirmed', 'U0BOB0001', decidedAt)).toBeNull();
    expect(await store.confirmedSwaps(['swp-confirm', 'elsewhere'])).toEqual([confirmed]);
    expect(await store.getSwap(swap.id)).toEqual(confirmed);
  });

  it('decides exactly once when confirm and decline are clicked at the same moment', async () => {
    const swap = await store.proposeSwap(proposal('swp-race'));
    const results = await Promise.all([
      store.decideSwap(swap.id, 'confirmed', 'U0BOB0001', NOW),
      store.decideSwap(swap.id, 'declined', 'U0BOB0001', NOW),
      store.decideSwap(swap.id, 'confirmed', 'U0BOB0001', NOW),
    ]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);
  });

  it('refuses a second swap touching a shift already in a pending or confirmed swap', async () => {
    const rotation = 'swp-conflict';
    const first = await store.proposeSwap(proposal(rotation));
    const clash = proposal(rotation, {
      shiftA: at('2026-03-16T08:00:00Z'),
      memberA: 'U0BOB0001',
      shiftB: at('2026-03-23T08:00:00Z'),
      memberB: 'U0CAROL01',
      requestedBy: 'U0CAROL01',
    });
    const error = await refusal(store.proposeSwap(clash));
    expect(error).toBeInstanceOf(SwapConflictError);
    expect(error.message).toBe(
      'The swp-conflict shift starting 2026-03-16T08:00:00.000Z is already part of another swap that is pending or confirmed; cancel that swap first.',
    );
    expect((error as SwapConflictError).conflictingSwapId).toBe(first.id);

    await store.decideSwap(first.id, 'confirmed', 'U0BOB0001', NOW);
    await refusal(store.proposeSwap(clash));
    // Another rotation's shift at the same instant is a different shift.
    await store.proposeSwap({ ...clash, rotation: 'swp-conflict-other' });

    const cancelled = await store.cancelSwap(first.id, 'U0ALICE01', NOW);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'U0ALICE01',
      cancelledAt: NOW,
    });
    expect(await store.cancelSwap(first.id, 'U0ALICE01', NOW)).toBeNull();
    expect(await store.confirmedSwaps([rotation])).toEqual([]);
    expect(await store.proposeSwap(clash)).toMatchObject({ status: 'pending' });
  });

  it('frees the shifts of a declined swap', async () => {
    const rotation = 'swp-declined';
    const first = await store.proposeSwap(proposal(rotation));
    expect(await store.decideSwap(first.id, 'declined', 'U0BOB0001', NOW)).toMatchObject({
      status: 'declined',
    });
    expect(await store.cancelSwap(first.id, 'U0ALICE01', NOW)).toBeNull();
    expect(await store.proposeSwap(proposal(rotation))).toMatchObject({ status: 'pending' });
  });

  it('lets exactly one of several simultaneous proposals for the same shift through', async () => {
    const rotation = 'swp-simultaneous';
    const partners = ['U0BOB0001', 'U0CAROL01', 'U0DAVE001', 'U0ERIN001'];
    const results = await Promise.allSettled(
      partners.map((memberB, week) =>
        store.proposeSwap(
          proposal(rotation, {
            memberB,
            shiftB: new Date(at('2026-03-16T08:00:00Z').getTime() + week * 7 * 86_400_000),
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results)
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(SwapConflictError);
    expect(await store.pendingSwaps([rotation])).toHaveLength(1);
  });

  it('refuses a swap of a shift with itself or of a person with themselves', async () => {
    expect(
      (await refusal(store.proposeSwap(proposal('swp-bad', { memberB: 'U0ALICE01' })))).message,
    ).toBe('A swap needs two different people; name someone else.');
    expect(
      (
        await refusal(
          store.proposeSwap(proposal('swp-bad', { shiftB: at('2026-03-09T08:00:00Z') })),
        )
      ).message,
    ).toBe('A swap trades two different shifts; pick another shift.');
    expect(await store.pendingSwaps(['swp-bad'])).toEqual([]);
  });
});
