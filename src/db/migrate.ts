// Applies the SQL files in migrations/ with node-pg-migrate, once, even when several instances start together.
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import { UserFacingError } from '../errors.js';
import type { Database, DbLogger } from './database.js';

/** The repository's migrations/ folder, found from this file rather than the working directory. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface RunMigrationsOptions {
  logger?: DbLogger;
  /** Another folder of `<NNNN>_<name>.sql` files (tests). */
  dir?: string;
}

/** Migrations in flight per Database: the embedded one shares one session, so its runs must queue in-process. */
const inFlight = new WeakMap<Database, Promise<unknown>>();

/**
 * Applies pending migrations in order, all in one transaction, and returns the names applied
 * (e.g. `["0001_initial"]`; empty when up to date). On PostgreSQL, node-pg-migrate's advisory lock
 * makes a second instance wait and then find nothing to do; the embedded database is one process,
 * so runs on the same Database queue here instead.
 */
export async function runMigrations(
  db: Database,
  opts: RunMigrationsOptions = {},
): Promise<string[]> {
  const previous = inFlight.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => migrate(db, opts));
  inFlight.set(db, run);
  return run;
}

async function migrate(db: Database, opts: RunMigrationsOptions): Promise<string[]> {
  const client = await db.pool.connect();
  let broken = false;
  try {
    // A long CREATE INDEX must not hit the pool's statement timeout; the session is discarded afterwards.
    if (db.kind === 'postgres') await client.query('SET statement_timeout = 0');
    const applied = await runner({
      dbClient: client,
      dir: opts.dir ?? MIGRATIONS_DIR,
      ignorePattern: '(?!.*\\.sql$).*',
      migrationsTable: 'pgmigrations',
      direction: 'up',
      singleTransaction: true,
      checkOrder: true,
      noLock: db.kind === 'embedded',
      advisoryLockMode: 'wait',
      logger: quietLogger(opts.logger),
    });
    const names = applied.map((migration) => migration.name);
    if (names.length > 0)
      opts.logger?.info({ migrations: names, database: db.description }, 'migrations applied');
    return names;
  } catch (error) {
    broken = true;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(
      `Database migrations failed on ${db.description}: ${firstLine(reason)}`,
      {
        cause: error,
      },
    );
  } finally {
    client.release(db.kind === 'postgres' || broken);
  }
}

/** node-pg-migrate narrates every step at info level; keep its warnings and errors only. */
function quietLogger(logger?: DbLogger) {
  const warn = (message: string) => logger?.warn?.({ source: 'node-pg-migrate' }, message);
  return { info: () => undefined, warn, error: warn };
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? text;
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
