// Opens the app's database: a pg Pool on DATABASE_URL, or on the embedded PGlite when no URL is given.
import pg from 'pg';
import { UserFacingError } from '../errors.js';
import {
  connectionFailureReason,
  describeTarget,
  hostAndPort,
  parseTarget,
  type DatabaseTarget,
} from './connection-error.js';
import { IN_MEMORY, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';

export interface Database {
  readonly pool: pg.Pool;
  readonly kind: 'postgres' | 'embedded';
  /** Where the data lives, safe to log: "PostgreSQL at 127.0.0.1:5432/watchkeeper". Never the password. */
  readonly description: string;
  /** One `SELECT 1`; a failure is a UserFacingError saying the database is not answering. */
  ping(): Promise<void>;
  /** Ends the pool (and stops the embedded server). Safe to call twice. */
  close(): Promise<void>;
}

/** What the database layer logs through; a pino logger fits. */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL; when absent, the embedded database in `dataDir` is used. */
  databaseUrl?: string;
  /** The embedded database's own directory (e.g. `.data/pglite`), or `memory://`. */
  dataDir: string;
  logger?: DbLogger;
  /** How long to wait for PostgreSQL to answer at startup (default 5 s). */
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const POSTGRES_POOL_SIZE = 10;
const EMBEDDED_POOL_SIZE = 8;
/** Room for the app's pool plus a few direct connections (tests, `watchkeeper migrate` in-process). */
const EMBEDDED_MAX_CONNECTIONS = 32;

/** Connects and checks the connection with one query; an unreachable database is one clear sentence. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  const timeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, timeoutMs, opts.logger);
  return openEmbedded(opts.dataDir, timeoutMs, opts.logger);
}

async function openPostgres(
  databaseUrl: string,
  timeoutMs: number,
  logger?: DbLogger,
): Promise<Database> {
  const target = parseTarget(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'watchkeeper',
  });
  const description = `PostgreSQL at ${describeTarget(target)}`;
  const db = wrap(pool, 'postgres', description, target, timeoutMs, logger, async () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = connectionFailureReason(error, target, timeoutMs);
    throw new UserFacingError(
      `Could not connect to PostgreSQL at ${hostAndPort(target)} (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`,
      { cause: error },
    );
  }
  logger?.info({ database: description }, 'database connected');
  return db;
}

async function openEmbedded(
  dataDir: string,
  timeoutMs: number,
  logger?: DbLogger,
): Promise<Database> {
  const server = await startEmbeddedPostgres({ dataDir, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  const target = parseTarget(server.url);
  const pool = new pg.Pool({
    connectionString: server.url,
    max: EMBEDDED_POOL_SIZE,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'watchkeeper',
  });
  const where = server.location === IN_MEMORY ? 'in memory' : `in ${server.location}`;
  const description = `embedded PostgreSQL (PGlite) ${where}`;
  const db = wrap(pool, 'embedded', description, target, timeoutMs, logger, () => server.stop());
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await db.close();
    throw error;
  }
  logger?.info({ database: description }, 'database opened');
  return db;
}

function wrap(
  pool: pg.Pool,
  kind: Database['kind'],
  description: string,
  target: DatabaseTarget,
  timeoutMs: number,
  logger: DbLogger | undefined,
  stopServer: EmbeddedPostgres['stop'],
): Database {
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', (error) =>
    logger?.warn?.({ err: error, database: description }, 'idle database connection failed'),
  );
  let closing: Promise<void> | undefined;
  return {
    pool,
    kind,
    description,
    async ping() {
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        const reason = connectionFailureReason(error, target, timeoutMs);
        throw new UserFacingError(`The database (${description}) is not answering (${reason}).`, {
          cause: error,
        });
      }
    },
    close() {
      closing ??= pool.end().finally(stopServer);
      return closing;
    },
  };
}
