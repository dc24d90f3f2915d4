// A fresh, empty database per call: a new database on a real PostgreSQL when one answers, else in-memory PGlite.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { IN_MEMORY, startEmbeddedPostgres } from '../../src/db/embedded.js';

export interface TestDatabase {
  /** A postgres:// URL the app can be given as DATABASE_URL. */
  readonly url: string;
  readonly kind: 'postgres' | 'embedded';
  /** A small pool for the test's own queries. */
  readonly pool: pg.Pool;
  /** Ends the pool and drops the database (or stops PGlite). */
  close(): Promise<void>;
}

/** The maintenance database used to create and drop test databases (TEST_DATABASE_URL, or local trust auth). */
const maintenanceUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** TEST_DATABASE_KIND=embedded runs everything on PGlite as if no server answered (to check that path). */
const embeddedOnly = process.env.TEST_DATABASE_KIND === 'embedded';

let probe: Promise<boolean> | undefined;

/** Whether a real PostgreSQL answers at the maintenance URL; asked once per process, within about a second. */
export function hasPostgresServer(): Promise<boolean> {
  probe ??= (async () => {
    if (embeddedOnly) return false;
    const client = new pg.Client({
      connectionString: maintenanceUrl,
      connectionTimeoutMillis: 1_000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

/**
 * Creates an empty database. Without `kind`, real PostgreSQL is used when it answers; TEST_DATABASE_URL
 * set but unreachable is an error rather than a silent fallback.
 */
export async function createTestDatabase(
  opts: { kind?: 'postgres' | 'embedded' } = {},
): Promise<TestDatabase> {
  const kind = opts.kind ?? ((await hasPostgresServer()) ? 'postgres' : 'embedded');
  if (
    kind === 'embedded' &&
    opts.kind === undefined &&
    process.env.TEST_DATABASE_URL &&
    !embeddedOnly
  ) {
    throw new Error('TEST_DATABASE_URL is set but that PostgreSQL does not answer.');
  }
  if (kind === 'postgres' && !(await hasPostgresServer())) {
    throw new Error(`No PostgreSQL answers at the test maintenance URL (set TEST_DATABASE_URL).`);
  }
  return kind === 'postgres' ? createPostgresDatabase() : createEmbeddedDatabase();
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `wk_test_${randomBytes(6).toString('hex')}`;
  await withMaintenanceClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    kind: 'postgres',
    pool,
    close: once(async () => {
      await pool.end();
      await withMaintenanceClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    }),
  };
}

async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const server = await startEmbeddedPostgres({ dataDir: IN_MEMORY, maxConnections: 32 });
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on('error', () => undefined);
  return {
    url: server.url,
    kind: 'embedded',
    pool,
    close: once(async () => {
      await pool.end();
      await server.stop();
    }),
  };
}

async function withMaintenanceClient(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({
    connectionString: maintenanceUrl,
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}
