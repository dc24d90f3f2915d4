// Break-glass rollbacks, interrupted ones, recent requests and the audit trail as `/k8s audit` reads it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { UserFacingError } from '../../src/errors.js';
import {
  RollbackStore,
  type NewRollbackRequest,
  type Workload,
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
const workload = (name: string, namespace = 'shop'): Workload => ({
  cluster: 'prod-eu',
  namespace,
  kind: 'Deployment',
  name,
});

function newRequest(overrides: Partial<NewRollbackRequest> = {}): NewRollbackRequest {
  return {
    workload: workload('web'),
    fromRevision: 7,
    toRevision: 6,
    snapshot: { resourceVersion: '48213', generation: 9 },
    requestedBy: 'U0BOB0001',
    expiresAt: at(30),
    ...overrides,
  };
}

describe('break-glass', () => {
  it('starts approved by the on-call alone, with the reason recorded loudly', async () => {
    const created = await store.createRequest(
      newRequest({ requestedBy: 'U0ALICE01', breakGlass: { reason: '  checkout 500s ' } }),
      NOW,
    );
    expect(created).toMatchObject({
      state: 'approved',
      breakGlass: true,
      reason: 'checkout 500s',
      decidedBy: 'U0ALICE01',
      decidedAt: NOW,
    });
    expect(await store.approve(created.id, 'U0CAROL01', at(1))).toBeNull();
    expect(await store.whyUnchanged(created.id, at(1))).toMatch(
      /^Rollback request r1 for shop\/web was already started without approval by <@U0ALICE01> at <!date\^\d+\^.*> \(break-glass\)\.$/,
    );
    expect(await store.claimExecution(created.id, at(1))).toMatchObject({ state: 'executing' });
    const trail = await store.auditTrail({ since: NOW });
    expect(trail.map((entry) => [entry.action, entry.actor])).toEqual([
      ['break-glass', 'U0ALICE01'],
      ['executing', 'watchkeeper'],
    ]);
    expect(trail[0]?.details).toMatchObject({ reason: 'checkout 500s', fromRevision: 7 });
  });

  it.each([
    ['blank', '   ', 'Say why you are rolling back without approval'],
    ['too long', 'x'.repeat(501), 'The reason is 501 characters long'],
  ])('refuses a %s reason', async (_name, reason, sentence) => {
    const error = await store
      .createRequest(newRequest({ breakGlass: { reason } }), NOW)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain(sentence);
    expect(await store.openRequests()).toEqual([]);
  });
});

describe('interrupted rollbacks', () => {
  it('closes approved and executing requests left since before the cutoff, once', async () => {
    const stuckApproved = await store.createRequest(newRequest(), NOW);
    await store.approve(stuckApproved.id, 'U0ALICE01', at(1));
    const stuckExecuting = await store.createRequest(
      newRequest({ workload: workload('cart') }),
      NOW,
    );
    await store.approve(stuckExecuting.id, 'U0ALICE01', at(1));
    await store.claimExecution(stuckExecuting.id, at(2));
    const fresh = await store.createRequest(newRequest({ workload: workload('search') }), NOW);
    await store.approve(fresh.id, 'U0ALICE01', at(20));
    const pending = await store.createRequest(newRequest({ workload: workload('api') }), NOW);

    const closed = await store.failInterrupted(at(10), at(25));
    expect(closed.map((request) => [request.id, request.state, request.result])).toEqual([
      [
        stuckApproved.id,
        'failed',
        'The bot stopped before the approved rollback started; nothing was changed.',
      ],
      [
        stuckExecuting.id,
        'failed',
        'The bot stopped while rolling back; check the workload before trying again.',
      ],
    ]);
    expect(await store.failInterrupted(at(10), at(26))).toEqual([]);
    expect((await store.openRequests()).map((request) => request.id)).toEqual([
      fresh.id,
      pending.id,
    ]);
    expect(await store.finish(stuckExecuting.id, 'succeeded', 'late', at(27))).toBeNull();
  });
});

describe('recent requests', () => {
  it('lists requests made or closed since an instant, by workload', async () => {
    const old = await store.createRequest(newRequest(), at(-120));
    await store.reject(old.id, 'U0ALICE01', at(-100));
    const closedLately = await store.createRequest(newRequest(), at(-90));
    await store.approve(closedLately.id, 'U0ALICE01', at(-80));
    await store.claimExecution(closedLately.id, at(-80));
    await store.finish(closedLately.id, 'succeeded', 'Rolled back to revision 6.', at(-10));
    const other = await store.createRequest(
      newRequest({ workload: workload('ledger', 'payments') }),
      at(-5),
    );

    const ids = (requests: Array<{ id: string }>) => requests.map((request) => request.id);
    expect(ids(await store.recent({ since: at(-60) }))).toEqual([closedLately.id, other.id]);
    expect(ids(await store.recent({ since: at(-60), namespace: 'shop' }))).toEqual([
      closedLately.id,
    ]);
    expect(ids(await store.recent({ since: at(-200), name: 'web' }))).toEqual([
      old.id,
      closedLately.id,
    ]);
    expect(await store.recent({ since: at(-60), cluster: 'staging' })).toEqual([]);
  });
});

describe('the audit trail', () => {
  it('keeps refusals and patches beside the steps, and filters by workload and time', async () => {
    const refused = await store.record({
      at: at(-1),
      actor: 'U0STRANGER',
      action: 'refused',
      workload: workload('web'),
      details: {
        attempted: 'request',
        reason: 'Only <!subteam^S0ENGINEER> may request rollbacks in shop.',
      },
    });
    expect(refused).toEqual({
      id: '1',
      at: at(-1),
      actor: 'U0STRANGER',
      action: 'refused',
      workload: workload('web'),
      details: {
        attempted: 'request',
        reason: 'Only <!subteam^S0ENGINEER> may request rollbacks in shop.',
      },
    });
    const request = await store.createRequest(newRequest(), NOW);
    await store.approve(request.id, 'U0ALICE01', at(1));
    await store.claimExecution(request.id, at(1));
    await store.record({
      requestId: request.id,
      at: at(1),
      actor: 'watchkeeper',
      action: 'patched',
      workload: request.workload,
      details: { template: 'revision 6' },
    });
    await store.finish(request.id, 'succeeded', 'Rolled back to revision 6.', at(2));
    await store.createRequest(newRequest({ workload: workload('ledger', 'payments') }), at(3));

    const shopWeb = await store.auditTrail({ namespace: 'shop', name: 'web', since: at(-10) });
    expect(shopWeb.map((entry) => entry.action)).toEqual([
      'refused',
      'requested',
      'approved',
      'executing',
      'patched',
      'succeeded',
    ]);
    expect((await store.auditTrail({ since: at(-10) })).at(-1)?.workload.namespace).toBe(
      'payments',
    );
    expect((await store.auditTrail({ namespace: 'payments', since: at(-10) })).length).toBe(1);
    expect((await store.auditTrail({ since: at(2) })).map((entry) => entry.action)).toEqual([
      'succeeded',
      'requested',
    ]);
    expect(
      (await store.auditTrail({ since: at(-10), limit: 2 })).map((entry) => entry.action),
    ).toEqual(['succeeded', 'requested']);
  });
});
