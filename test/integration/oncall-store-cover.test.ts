// Cover requests on a real database: the first click wins, reminders go out once, unanswered ones expire.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { UserFacingError } from '../../src/errors.js';
import { OncallStore, type NewCoverRequest } from '../../src/oncall/store/index.js';
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

// Every test starts from empty tables: reminders and expiry look at all requests.
beforeEach(async () => {
  await db.pool.query('TRUNCATE oncall_overrides, oncall_cover_requests');
});

afterAll(async () => {
  await db?.close();
  await testDb?.close();
});

const HOUR = 3_600_000;
const START = new Date('2026-03-10T07:00:00Z');
const END = new Date('2026-03-12T17:00:00Z');
const before = (hours: number) => new Date(START.getTime() - hours * HOUR);

function request(overrides: Partial<NewCoverRequest> = {}): NewCoverRequest {
  return {
    rotation: 'zurich',
    requester: 'U0ALICE01',
    start: START,
    end: END,
    note: 'school trip',
    now: before(100),
    ...overrides,
  };
}

describe('cover requests', () => {
  it('opens a request and remembers the message that offers it', async () => {
    const created = await store.createCoverRequest(request());
    expect(created).toEqual({
      id: expect.stringMatching(/^\d+$/),
      rotation: 'zurich',
      requester: 'U0ALICE01',
      start: START,
      end: END,
      note: 'school trip',
      status: 'open',
      createdAt: before(100),
      remindersSent: [],
    });
    expect(await store.attachCoverMessage(created.id, 'C0PLATFORM1', '1773000000.000100')).toBe(
      true,
    );
    expect(await store.attachCoverMessage('987654', 'C0PLATFORM1', '1.2')).toBe(false);
    expect(await store.getCoverRequest(created.id)).toEqual({
      ...created,
      message: { channel: 'C0PLATFORM1', ts: '1773000000.000100' },
    });
    expect(await store.openCoverRequests(['zurich', 'sydney'], before(1))).toEqual([
      { ...created, message: { channel: 'C0PLATFORM1', ts: '1773000000.000100' } },
    ]);
    expect(await store.openCoverRequests(['sydney'], before(1))).toEqual([]);
  });

  it('refuses a request that has already started or ends before it starts', async () => {
    const started = await store
      .createCoverRequest(request({ now: before(-1) }))
      .catch((e: unknown) => e);
    expect(started).toBeInstanceOf(UserFacingError);
    expect((started as Error).message).toBe(
      'A cover request must start in the future; for cover from right now, ask a manager for an override.',
    );
    const backwards = await store
      .createCoverRequest(request({ end: START }))
      .catch((e: unknown) => e);
    expect((backwards as Error).message).toBe('The cover request must end after it starts.');
  });

  it('is taken by exactly one of ten people clicking at once; the others are told who won', async () => {
    const created = await store.createCoverRequest(request());
    const takers = Array.from({ length: 10 }, (_, i) => `U0TAKER${String(i).padStart(2, '0')}`);
    const results = await Promise.all(
      takers.map((taker) => store.takeCoverRequest(created.id, taker, before(50))),
    );

    const won = results.filter((result) => result.outcome === 'taken');
    expect(won).toHaveLength(1);
    const winner = won[0];
    if (winner?.outcome !== 'taken') throw new Error('unreachable');
    const taker = winner.request.takenBy as string;
    expect(takers).toContain(taker);
    expect(winner.request).toMatchObject({ status: 'taken', takenBy: taker, closedAt: before(50) });
    expect(winner.override).toMatchObject({
      rotation: 'zurich',
      member: taker,
      replaces: 'U0ALICE01',
      start: START,
      end: END,
      reason: 'school trip',
      createdBy: taker,
      coverRequestId: created.id,
    });

    const lost = results.filter((result) => result.outcome === 'already-taken');
    expect(lost).toHaveLength(9);
    for (const result of lost) expect(result).toMatchObject({ takenBy: taker });

    const overrides = await store.overridesFor(['zurich'], START, END);
    expect(overrides).toEqual([winner.override]);
    expect(await store.openCoverRequests(['zurich'], before(50))).toEqual([]);
  });

  it('cannot be taken by the person who asked', async () => {
    const created = await store.createCoverRequest(request());
    const error = await store
      .takeCoverRequest(created.id, 'U0ALICE01', before(50))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toBe(
      'You asked for this cover yourself; someone else has to take it.',
    );
    expect(await store.takeCoverRequest(created.id, 'U0BOB0001', before(49))).toMatchObject({
      outcome: 'taken',
    });
  });

  it('says a cancelled request is closed, and cancels only once', async () => {
    const created = await store.createCoverRequest(request());
    const cancelled = await store.cancelCoverRequest(created.id, 'U0ALICE01', before(60));
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'U0ALICE01',
      closedAt: before(60),
    });
    expect(await store.cancelCoverRequest(created.id, 'U0ALICE01', before(59))).toBeNull();
    expect(await store.takeCoverRequest(created.id, 'U0BOB0001', before(50))).toMatchObject({
      outcome: 'closed',
      status: 'cancelled',
    });
    expect(await store.overridesFor(['zurich'], START, END)).toEqual([]);
    const unknown = await store
      .takeCoverRequest('31337', 'U0BOB0001', before(50))
      .catch((e: unknown) => e);
    expect((unknown as Error).message).toBe('That cover request does not exist (any more).');
  });

  it('taken after its start (before expiry ran), covers from the moment it was taken', async () => {
    const created = await store.createCoverRequest(request());
    const lateClick = new Date(START.getTime() + 2 * HOUR);
    const result = await store.takeCoverRequest(created.id, 'U0BOB0001', lateClick);
    expect(result).toMatchObject({ outcome: 'taken', override: { start: lateClick, end: END } });
  });

  it('expires unanswered requests once their start has come, once', async () => {
    const unanswered = await store.createCoverRequest(request());
    const later = await store.createCoverRequest(
      request({ start: END, end: new Date(END.getTime() + 24 * HOUR) }),
    );
    const taken = await store.createCoverRequest(request({ requester: 'U0CAROL01' }));
    await store.takeCoverRequest(taken.id, 'U0BOB0001', before(10));

    expect(await store.expireCoverRequests(before(0.001))).toEqual([]);
    const expired = await store.expireCoverRequests(START);
    expect(expired).toEqual([{ ...unanswered, status: 'expired', closedAt: START }]);
    expect(await store.expireCoverRequests(START)).toEqual([]);
    expect(await store.getCoverRequest(later.id)).toMatchObject({ status: 'open' });
    expect(await store.getCoverRequest(taken.id)).toMatchObject({ status: 'taken' });
    expect(await store.takeCoverRequest(unanswered.id, 'U0BOB0001', START)).toMatchObject({
      outcome: 'closed',
      status: 'expired',
    });
  });

  it('is not taken once it has ended, even if expiry never ran', async () => {
    const created = await store.createCoverRequest(request());
    expect(await store.takeCoverRequest(created.id, 'U0BOB0001', END)).toMatchObject({
      outcome: 'closed',
      status: 'expired',
    });
    expect(await store.overridesFor(['zurich'], START, END)).toEqual([]);
  });
});

describe('cover reminders', () => {
  const due = async (hoursBefore: number) =>
    (await store.dueCoverReminders(before(hoursBefore))).map(({ request: r, reminder }) => [
      r.id,
      reminder,
    ]);

  it('are due 3 days, 1 day and 12 hours before the start, each sent once', async () => {
    const { id } = await store.createCoverRequest(request());
    expect(await due(90)).toEqual([]);
    expect(await due(72.01)).toEqual([]);
    expect(await due(72)).toEqual([[id, '3d']]);
    expect(await store.markCoverReminderSent(id, '3d')).toBe(true);
    expect(await store.markCoverReminderSent(id, '3d')).toBe(false);
    expect(await due(71)).toEqual([]);
    expect(await due(24)).toEqual([[id, '1d']]);
    expect(await store.markCoverReminderSent(id, '1d')).toBe(true);
    expect(await due(12.5)).toEqual([]);
    expect(await due(11)).toEqual([[id, '12h']]);
    expect(await store.markCoverReminderSent(id, '12h')).toBe(true);
    expect(await due(1)).toEqual([]);
    expect(await store.getCoverRequest(id)).toMatchObject({ remindersSent: ['3d', '1d', '12h'] });
  });

  it('sends only the latest due reminder, never an earlier one after a later one went out', async () => {
    const { id } = await store.createCoverRequest(request());
    expect(await due(11)).toEqual([[id, '12h']]);
    expect(await store.markCoverReminderSent(id, '12h')).toBe(true);
    expect(await store.markCoverReminderSent(id, '1d')).toBe(false);
    expect(await store.markCoverReminderSent(id, '3d')).toBe(false);
    expect(await due(2)).toEqual([]);
  });

  it('skips reminders whose time came before the request was made', async () => {
    const { id } = await store.createCoverRequest(request({ now: before(48) }));
    expect(await due(47)).toEqual([]);
    expect(await due(24)).toEqual([[id, '1d']]);
  });

  it('is claimed by exactly one of several replicas', async () => {
    const { id } = await store.createCoverRequest(request());
    const claims = await Promise.all(
      Array.from({ length: 6 }, () => store.markCoverReminderSent(id, '1d')),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('stops once the request is taken or cancelled', async () => {
    const taken = await store.createCoverRequest(request());
    const cancelled = await store.createCoverRequest(request({ requester: 'U0CAROL01' }));
    const open = await store.createCoverRequest(request({ requester: 'U0DAVE001' }));
    await store.takeCoverRequest(taken.id, 'U0BOB0001', before(30));
    await store.cancelCoverRequest(cancelled.id, 'U0CAROL01', before(30));
    expect(await due(24)).toEqual([[open.id, '1d']]);
    expect(await store.markCoverReminderSent(taken.id, '1d')).toBe(false);
    expect(await store.markCoverReminderSent(cancelled.id, '1d')).toBe(false);
  });
});
