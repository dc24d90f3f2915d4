// Shared plumbing of the on-call store: one-client transactions, id parsing and Postgres error codes.
import type pg from 'pg';

/** A pool, or the one client a transaction runs on. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * Runs `work` in a transaction on one client. Every statement of the transaction must go through
 * that client: on the embedded database a query sent through another connection would wait forever.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Ids are bigserial in SQL and digit strings in TypeScript; anything else names no row. */
export function parseId(id: string): string | null {
  return /^[1-9]\d{0,17}$/.test(id) ? id : null;
}

/** Whether `error` is a unique violation of the named constraint or unique index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && violated === constraint;
}
