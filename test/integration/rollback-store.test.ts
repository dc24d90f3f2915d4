// Rollback requests on a real database: request → approve → execute → result, refusals in a sentence, the audit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { UserFacingError } from '../../src/errors.js';
import { slackDate } from '../../src/slack/date-token.js';
import {
  OpenRequestExistsError,
  RollbackStore,
  type NewRollbackRequest,
  type RollbackRequest,
} from '../../src/rollback/store/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let db: Database;
let store: RollbackStore;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  await runMigrations(db);
  store = new RollbackStore(db.pool);
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE rollback_audit, rollback_requests RESTART IDENTITY CASCADE');
});

afterAll(async () => {
  await db?.close();
  await testDb?.close();
});

const NOW = new Date('2026-03-10T02:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const WEB = { cluster: 'prod-eu', namespace: 'shop', kind: 'Deployment', name: 'web' } as const;

function newRequest(overrides: Partial<NewRollbackRequest> = {}): NewRollbackRequest {
  return {
    workload: WEB,
    fromRevision: 7,
    toRevision: 6,
    snapshot: { resourceVersion: '48213', generation: 9, templateHash: '7d9f8c6b5' },
    requestedBy: 'U0BOB0001',
    expiresAt: at(30),
    ...overrides,
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('a rollback request', () => {
  it('goes pending → approved → executing → succeeded, and the audit keeps each step in order', async () => {
    const created = await store.createRequest(newRequest(), NOW);
    expect(created).toEqual({
      id: '1',
      workload: WEB,
      fromRevision: 7,
      toRevision: 6,
      snapshot: { resourceVersion: '48213', generation: 9, templateHash: '7d9f8c6b5' },
      requestedBy: 'U0BOB0001',
      requestedAt: NOW,
      breakGlass: false,
      state: 'pending',
      expiresAt: at(30),
    } satisfies RollbackRequest);
    expect(await store.attachCard('1', 'C0SHOPDEV1', '1773108000.000100')).toBe(true);
    expect(await store.attachCard('99', 'C0SHOPDEV1', '1.2')).toBe(false);

    const approved = await store.approve('1', 'U0ALICE01', at(5));
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'U0ALICE01', decidedAt: at(5) });
    const claimed = await store.claimExecution('1', at(5));
    expect(claimed).toMatchObject({ state: 'executing', startedAt: at(5) });
    const done = await store.finish('1', 'succeeded', 'Rolled back to revision 6.', at(6));
    expect(done).toEqual({
      ...created,
      state: 'succeeded',
      decidedBy: 'U0ALICE01',
      decidedAt: at(5),
      startedAt: at(5),
      finishedAt: at(6),
      result: 'Rolled back to revision 6.',
      card: { channel: 'C0SHOPDEV1', ts: '1773108000.000100' },
    });
    expect(await store.get('1')).toEqual(done);
    expect(await store.finish('1', 'failed', 'again', at(7))).toBeNull();

    const trail = await store.auditTrail({ namespace: 'shop', name: 'web', since: NOW });
    expect(trail.map((entry) => [entry.action, entry.actor, entry.at, entry.requestId])).toEqual([
      ['requested', 'U0BOB0001', NOW, '1'],
      ['approved', 'U0ALICE01', at(5), '1'],
      ['executing', 'watchkeeper', at(5), '1'],
      ['succeeded', 'watchkeeper', at(6), '1'],
    ]);
    expect(trail[0]?.details).toMatchObject({
      fromRevision: 7,
      toRevision: 6,
      resourceVersion: '48213',
    });
    expect(trail[0]?.workload).toEqual(WEB);
    expect(trail[1]?.details).toMatchObject({ requestedBy: 'U0BOB0001' });
    expect(trail[3]?.details).toMatchObject({ result: 'Rolled back to revision 6.' });
  });

  it('records who approved even when it is the requester (self-approval is the policy’s call)', async () => {
    await store.createRequest(newRequest(), NOW);
    expect(await store.approve('1', 'U0BOB0001', at(1))).toMatchObject({
      requestedBy: 'U0BOB0001',
      decidedBy: 'U0BOB0001',
    });
  });

  it('is approved once: a second approval or a rejection gets null and a sentence naming the first', async () => {
    await store.createRequest(newRequest(), NOW);
    expect(await store.approve('1', 'U0ALICE01', at(2))).not.toBeNull();
    expect(await store.approve('1', 'U0CAROL01', at(3))).toBeNull();
    expect(await store.reject('1', 'U0CAROL01', at(3))).toBeNull();
    expect(await store.whyUnchanged('1', at(3))).toBe(
      `Rollback request r1 for shop/web was already approved by <@U0ALICE01> at ${slackDate(at(2))}.`,
    );
    expect((await store.auditTrail({ since: NOW })).map((entry) => entry.action)).toEqual([
      'requested',
      'approved',
    ]);
  });

  it('can be rejected, which frees the workload for a new request', async () => {
    await store.createRequest(newRequest(), NOW);
    expect(await store.reject('1', 'U0ALICE01', at(1))).toMatchObject({
      state: 'rejected',
      decidedBy: 'U0ALICE01',
      finishedAt: at(1),
    });
    expect(await store.approve('1', 'U0CAROL01', at(2))).toBeNull();
    expect(await store.claimExecution('1', at(2))).toBeNull();
    expect(await store.whyUnchanged('1', at(2))).toBe(
      `Rollback request r1 for shop/web was already rejected by <@U0ALICE01> at ${slackDate(at(1))}.`,
    );
    expect(await store.createRequest(newRequest(), at(3))).toMatchObject({ id: '2' });
  });

  it('cannot be approved, rejected or executed after it expires, and expires once', async () => {
    await store.createRequest(newRequest(), NOW);
    expect(await store.claimExecution('1', at(1))).toBeNull();
    expect(await store.whyUnchanged('1', at(1))).toBe(
      'Rollback request r1 for shop/web is still waiting for approval.',
    );
    expect(await store.approve('1', 'U0ALICE01', at(30))).toBeNull();
    expect(await store.reject('1', 'U0ALICE01', at(31))).toBeNull();
    const expiredSentence = `Rollback request r1 for shop/web expired at ${slackDate(at(30))} without an approval.`;
    expect(await store.whyUnchanged('1', at(30))).toBe(expiredSentence);
    expect(await store.expireDue(at(29))).toEqual([]);
    expect(await store.expireDue(at(31))).toMatchObject([
      { id: '1', state: 'expired', finishedAt: at(31) },
    ]);
    expect(await store.expireDue(at(32))).toEqual([]);
    expect(await store.whyUnchanged('1', at(40))).toBe(expiredSentence);
    const trail = await store.auditTrail({ since: NOW });
    expect(trail.map((entry) => [entry.action, entry.actor])).toEqual([
      ['requested', 'U0BOB0001'],
      ['expired', 'watchkeeper'],
    ]);
  });

  it('says so for an id that names no request', async () => {
    expect(await store.approve('42', 'U0ALICE01', NOW)).toBeNull();
    expect(await store.approve('not-an-id', 'U0ALICE01', NOW)).toBeNull();
    expect(await store.get('not-an-id')).toBeNull();
    expect(await store.whyUnchanged('42', NOW)).toBe('That rollback request does not exist.');
  });
});

describe('one open request per workload', () => {
  it('refuses a second one, naming the open one, for as long as it is open', async () => {
    await store.createRequest(newRequest(), NOW);
    const pending = await failure(
      store.createRequest(newRequest({ requestedBy: 'U0DAVE001' }), NOW),
    );
    expect(pending).toBeInstanceOf(OpenRequestExistsError);
    expect((pending as OpenRequestExistsError).message).toBe(
      'There is already a pending rollback request for shop/web (r1) — approve or reject that one.',
    );
    expect((pending as OpenRequestExistsError).open).toMatchObject({ id: '1', state: 'pending' });

    await store.approve('1', 'U0ALICE01', at(1));
    expect(await failure(store.createRequest(newRequest(), at(1)))).toMatchObject({
      message:
        'A rollback of shop/web (r1) was already approved and is about to run; wait for it to finish.',
    });
    await store.claimExecution('1', at(1));
    expect(await failure(store.createRequest(newRequest(), at(1)))).toMatchObject({
      message: 'shop/web (r1) is being rolled back right now; wait for it to finish.',
    });
    await store.finish('1', 'failed', 'The Deployment changed since the card was posted.', at(2));
    expect(await store.createRequest(newRequest(), at(3))).toMatchObject({
      state: 'pending',
      requestedAt: at(3),
    });
  });

  it('keeps workloads apart by cluster, kind and name', async () => {
    await store.createRequest(newRequest(), NOW);
    const others = [
      { ...WEB, cluster: 'staging' },
      { ...WEB, kind: 'StatefulSet' as const },
      { ...WEB, name: 'checkout' },
    ];
    for (const workload of others) await store.createRequest(newRequest({ workload }), NOW);
    expect((await store.openRequests()).map((request) => request.workload)).toEqual([
      WEB,
      ...others,
    ]);
    expect(await store.openRequests({ cluster: 'staging' })).toHaveLength(1);
    expect(await store.openRequests({ namespace: 'shop', name: 'web' })).toHaveLength(3);
  });

  it('keeps the parts of the card snapshot it was given', async () => {
    const created = await store.createRequest(
      newRequest({ snapshot: { templateHash: '3f1c0a9e5b7d2c44' } }),
      NOW,
    );
    expect(created.snapshot).toEqual({ templateHash: '3f1c0a9e5b7d2c44' });
    expect((await store.get(created.id))?.snapshot).toEqual({ templateHash: '3f1c0a9e5b7d2c44' });
  });

  it('refuses a request that rolls back to the running revision', async () => {
    const error = await failure(store.createRequest(newRequest({ toRevision: 7 }), NOW));
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toBe(
      'shop/web is already at revision 7; there is nothing to roll back.',
    );
  });
});
