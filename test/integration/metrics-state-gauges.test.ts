// Gauges read at scrape time from a migrated database and a cluster's cache, a database that fails
// without failing the scrape, and outbox delivery outcomes counted from each scheduler pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../src/cluster/snapshot.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { AppMetrics } from '../../src/metrics/app-metrics.js';
import { countedPostJob } from '../../src/metrics/delivery-job.js';
import { registerStateGauges } from '../../src/metrics/state-gauges.js';
import type { TickReport } from '../../src/scheduler/post-scheduler.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
  await runMigrations(db);
  const at = '2026-03-30T07:00:00Z';
  await db.pool.query(
    `INSERT INTO scheduled_posts (key, kind, team, channel, scheduled_at, state)
     VALUES ('daily:platform:1', 'daily', 'platform', 'C1', $1, 'sent'),
            ('daily:platform:2', 'daily', 'platform', 'C1', $1, 'sent'),
            ('daily:platform:3', 'daily', 'platform', 'C1', $1, 'claimed')`,
    [at],
  );
  await db.pool.query(
    `INSERT INTO outbox (channel, payload, state, next_attempt_at, created_at)
     VALUES ('C1', '{}', 'pending', $1, $1), ('C1', '{}', 'dead', $1, $1)`,
    [at],
  );
});

afterAll(async () => {
  await db?.close();
  await testDb?.close();
});

/** A cluster cache holding 3 pods and 1 node, with its events not synced. */
const cluster = {
  name: 'prod-eu',
  state: () => ({
    name: 'prod-eu',
    synced: true,
    lastSyncedAt: null,
    lastError: null,
    resources: [
      { resource: 'pods', synced: true, lastError: null },
      { resource: 'nodes', synced: true, lastError: null },
      { resource: 'events', synced: false, lastError: 'forbidden' },
    ],
  }),
  pods: () => [{}, {}, {}],
  nodes: () => [{}],
  warningEvents: () => [],
} as unknown as ClusterSnapshot;

const clusters = { names: () => ['prod-eu'], snapshot: () => cluster };

function warnings() {
  const lines: unknown[] = [];
  return { lines, logger: { warn: (fields: unknown) => void lines.push(fields) } };
}

describe('gauges read at scrape time', () => {
  it('counts rows by state, every allowed state shown, and the cluster cache by resource', async () => {
    const metrics = new AppMetrics();
    registerStateGauges(metrics, { pool: db.pool, clusters, ...warnings() });
    const text = await metrics.registry.metrics();
    expect(text).toContain('watchkeeper_scheduled_posts{state="sent"} 2');
    expect(text).toContain('watchkeeper_scheduled_posts{state="claimed"} 1');
    expect(text).toContain('watchkeeper_scheduled_posts{state="skipped"} 0');
    expect(text).toContain('watchkeeper_outbox_messages{state="pending"} 1');
    expect(text).toContain('watchkeeper_outbox_messages{state="dead"} 1');
    expect(text).toContain('watchkeeper_rollback_requests{state="expired"} 0');
    expect(text).toContain(
      'watchkeeper_cluster_cache_objects{cluster="prod-eu",resource="pods"} 3',
    );
    expect(text).toContain(
      'watchkeeper_cluster_cache_objects{cluster="prod-eu",resource="nodes"} 1',
    );
    expect(text).toContain(
      'watchkeeper_cluster_cache_synced{cluster="prod-eu",resource="events"} 0',
    );
    expect(text).toContain(
      'watchkeeper_cluster_watch_restarts_total{cluster="prod-eu",resource="events"} 0',
    );
  });

  it('follows the table between scrapes', async () => {
    const metrics = new AppMetrics();
    registerStateGauges(metrics, { pool: db.pool, clusters, ...warnings() });
    await db.pool.query(`UPDATE scheduled_posts SET state = 'sent' WHERE state = 'claimed'`);
    const text = await metrics.registry.metrics();
    expect(text).toContain('watchkeeper_scheduled_posts{state="sent"} 3');
    expect(text).toContain('watchkeeper_scheduled_posts{state="claimed"} 0');
  });

  it('leaves the table gauges out and logs a warning when the database fails', async () => {
    const metrics = new AppMetrics();
    const failing = { query: () => Promise.reject(new Error('connection refused')) };
    const { lines, logger } = warnings();
    registerStateGauges(metrics, { pool: failing as never, clusters, logger });
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/^watchkeeper_scheduled_posts\{/m);
    expect(text).toContain(
      'watchkeeper_cluster_cache_objects{cluster="prod-eu",resource="pods"} 3',
    );
    expect(lines).toHaveLength(3);
  });
});

describe('outbox deliveries', () => {
  it('adds the outcomes of each scheduler pass', async () => {
    const metrics = new AppMetrics();
    const delivery = { sent: 2, retrying: 1, dead: 0, leaseLost: 1 };
    const scheduler = { tick: async () => ({ delivery }) as TickReport };
    const job = countedPostJob(scheduler, metrics);
    await job.run(new Date());
    await job.run(new Date());
    const text = await metrics.registry.metrics();
    expect(text).toContain('watchkeeper_outbox_deliveries_total{outcome="sent"} 4');
    expect(text).toContain('watchkeeper_outbox_deliveries_total{outcome="retrying"} 2');
    expect(text).toContain('watchkeeper_outbox_deliveries_total{outcome="dead"} 0');
    expect(text).toContain('watchkeeper_outbox_deliveries_total{outcome="lease_lost"} 2');
  });
});
