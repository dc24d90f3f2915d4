// Gauges read when /metrics is scraped: scheduled posts, outbox messages and rollback requests by
// state (one small GROUP BY each), and each cluster's watch cache (objects held, synced or not).
import { Gauge } from 'prom-client';
import type pg from 'pg';
import type { ClusterSnapshot } from '../cluster/snapshot.js';
import type { Logger } from '../log.js';
import type { AppMetrics } from './app-metrics.js';

export interface StateSources {
  pool: Pick<pg.Pool, 'query'>;
  clusters: { names(): string[]; snapshot(cluster: string): ClusterSnapshot };
  logger: Pick<Logger, 'warn'>;
}

/** The tables counted by state, with every state their CHECK constraint allows (shown at 0 too). */
const TABLES = {
  scheduled_posts: ['claimed', 'sent', 'skipped', 'failed'],
  outbox: ['pending', 'sending', 'sent', 'dead'],
  rollback_requests: [
    'pending',
    'approved',
    'executing',
    'succeeded',
    'failed',
    'rejected',
    'expired',
  ],
} as const;

const CACHED: Record<string, (snapshot: ClusterSnapshot) => unknown[]> = {
  nodes: (s) => s.nodes(),
  namespaces: (s) => s.namespaces(),
  deployments: (s) => s.deployments(),
  replicasets: (s) => s.replicaSets(),
  statefulsets: (s) => s.statefulSets(),
  daemonsets: (s) => s.daemonSets(),
  pods: (s) => s.pods(),
  events: (s) => s.warningEvents(),
};

export function registerStateGauges(metrics: AppMetrics, sources: StateSources): void {
  const registers = [metrics.registry];
  const byState = (name: string, help: string, table: keyof typeof TABLES) =>
    new Gauge({
      name,
      help,
      labelNames: ['state'] as const,
      registers,
      async collect() {
        this.reset();
        const counts = await countByState(sources, table);
        if (!counts) return;
        for (const state of TABLES[table]) this.set({ state }, counts.get(state) ?? 0);
      },
    });
  byState(
    'watchkeeper_scheduled_posts',
    'Scheduled posts (daily status, handoffs, reminders) by state, read at scrape time.',
    'scheduled_posts',
  );
  byState(
    'watchkeeper_outbox_messages',
    'Outbox messages by state, read at scrape time.',
    'outbox',
  );
  byState(
    'watchkeeper_rollback_requests',
    'Rollback requests by state (succeeded and failed are outcomes), read at scrape time.',
    'rollback_requests',
  );

  new Gauge({
    name: 'watchkeeper_cluster_cache_objects',
    help: 'Objects held in the watch cache, by cluster and resource (events: warning events only).',
    labelNames: ['cluster', 'resource'] as const,
    registers,
    collect() {
      this.reset();
      for (const cluster of sources.clusters.names()) {
        const snapshot = sources.clusters.snapshot(cluster);
        for (const { resource } of snapshot.state().resources) {
          const list = CACHED[resource];
          if (list) this.set({ cluster, resource }, list(snapshot).length);
        }
      }
    },
  });
  new Gauge({
    name: 'watchkeeper_cluster_cache_synced',
    help: '1 while the resource is listed and watched, 0 otherwise, by cluster and resource.',
    labelNames: ['cluster', 'resource'] as const,
    registers,
    collect() {
      this.reset();
      for (const cluster of sources.clusters.names()) {
        for (const { resource, synced } of sources.clusters.snapshot(cluster).state().resources) {
          this.set({ cluster, resource }, synced ? 1 : 0);
        }
      }
    },
  });
  for (const cluster of sources.clusters.names()) {
    for (const { resource } of sources.clusters.snapshot(cluster).state().resources) {
      metrics.watchedResource(cluster, resource);
    }
  }
}

async function countByState(
  sources: StateSources,
  table: keyof typeof TABLES,
): Promise<Map<string, number> | undefined> {
  try {
    const { rows } = await sources.pool.query<{ state: string; count: number }>(
      `SELECT state, count(*)::int AS count FROM ${table} GROUP BY state`,
    );
    return new Map(rows.map((row) => [row.state, row.count]));
  } catch (error) {
    sources.logger.warn({ err: error, table }, 'could not count rows by state for /metrics');
    return undefined;
  }
}
