// Rollback requests under concurrency: many clicks and two replicas change a request exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import {
  OpenRequestExistsError,
  RollbackStore,
  type NewRollbackRequest,
} from '../../src/rollback/store/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
/** Two replicas: each its own pool on the same database. */
let replicas: [Database, Database];
let stores: [RollbackStore, RollbackStore];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const open = () => openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  replicas = [await open(), await open()];
  await runMigrations(replicas[0]);
  stores = [new RollbackStore(replicas[0].pool), new RollbackStore(replicas[1].pool)];
});

beforeEach(async () => {
  await replicas[0].pool.query(
    'TRUNCATE rollback_audit, rollback_requests RESTART IDENTITY CASCADE',
  );
});

afterAll(async () => {
  await Promise.all((replicas ?? []).map((db) => db.close()));
  await testDb?.close();
});

const NOW = new Date('2026-03-10T02:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const CLICKS = 20;

function newRequest(name = 'web'): NewRollbackRequest {
  return {
    workload: { cluster: 'prod-eu', namespace: 'shop', kind: 'Deployment', name },
    fromRevision: 7,
    toRevision: 6,
    snapshot: { resourceVersion: '48213', generation: 9 },
    requestedBy: 'U0BOB0001',
    expiresAt: at(30),
  };
}

/** `CLICKS` calls at once, alternating between the two replicas. */
function clicks<T>(call: (store: RollbackStore, click: number) => Promise<T>): Promise<T[]> {
  return Promise.all(
    Array.from({ length: CLICKS }, (_, click) => call(stores[click % 2] as RollbackStore, click)),
  );
}

async function actions(): Promise<string[]> {
  const trail = await stores[0].auditTrail({ since: NOW });
  return trail.map((entry) => entry.action);
}

describe('concurrent changes', () => {
  it(`${CLICKS} approvals at once: exactly one approves, the others are told who did`, async () => {
    const { id } = await stores[0].createRequest(newRequest(), NOW);
    const results = await clicks((store, click) => store.approve(id, `U0APPROVER${click}`, at(1)));
    const winners = results.filter((result) => result !== null);
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.decidedBy;
    expect(await stores[1].get(id)).toMatchObject({ state: 'approved', decidedBy: winner });
    expect(await stores[1].whyUnchanged(id, at(1))).toContain(`approved by <@${winner}>`);
    expect(await actions()).toEqual(['requested', 'approved']);
  });

  it(`${CLICKS} executions claimed at once: exactly one runs`, async () => {
    const { id } = await stores[0].createRequest(newRequest(), NOW);
    await stores[0].approve(id, 'U0ALICE01', at(1));
    const results = await clicks((store) => store.claimExecution(id, at(1)));
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(await actions()).toEqual(['requested', 'approved', 'executing']);
  });

  it(`${CLICKS} requests for one workload at once: exactly one opens, the others name it`, async () => {
    const results = await clicks((store, click) =>
      store
        .createRequest({ ...newRequest(), requestedBy: `U0CLICK${click}` }, NOW)
        .catch((error: unknown) => error),
    );
    const refusals = results.filter((result) => result instanceof OpenRequestExistsError);
    const created = results.filter((result) => !(result instanceof Error));
    expect(created).toHaveLength(1);
    expect(refusals).toHaveLength(CLICKS - 1);
    const [open] = await stores[0].openRequests();
    expect(refusals.every((refusal) => refusal.open.id === open?.id)).toBe(true);
    expect(await actions()).toEqual(['requested']);
  });

  it('expireDue on two replicas at once expires each request exactly once', async () => {
    const names = ['web', 'checkout', 'cart', 'search', 'payments'];
    for (const name of names) await stores[0].createRequest(newRequest(name), NOW);
    const [first, second] = await Promise.all([
      stores[0].expireDue(at(30)),
      stores[1].expireDue(at(30)),
    ]);
    const expired = [...first, ...second].map((request) => request.workload.name);
    expect(expired.sort()).toEqual([...names].sort());
    expect(await stores[0].openRequests()).toEqual([]);
    expect((await actions()).filter((action) => action === 'expired')).toHaveLength(names.length);
  });

  it('an approval racing the expiry: the request ends either approved or expired, never both', async () => {
    const { id } = await stores[0].createRequest(newRequest(), NOW);
    // The approver clicked a moment before expiry; the other replica's tick is already past it.
    const [approved, expired] = await Promise.all([
      stores[0].approve(id, 'U0ALICE01', at(29)),
      stores[1].expireDue(at(30)),
    ]);
    expect(Number(approved !== null) + expired.length).toBe(1);
    const final = await stores[0].get(id);
    expect(final?.state).toBe(approved ? 'approved' : 'expired');
    expect(await actions()).toEqual(['requested', approved ? 'approved' : 'expired']);
  });
});
