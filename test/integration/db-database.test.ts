// Opening the database: embedded PGlite (memory and disk), real PostgreSQL, and the sentences for failures.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { isUserFacingError } from '../../src/errors.js';
import { createTestDatabase, hasPostgresServer } from '../support/test-database.js';

const postgresAvailable = await hasPostgresServer();
const toClose: Array<{ close(): Promise<void> }> = [];
const tmpDirs: string[] = [];

afterEach(async () => {
  for (const item of toClose.splice(0).reverse()) await item.close();
  for (const dir of tmpDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function track<T extends { close(): Promise<void> }>(item: Promise<T>): Promise<T> {
  const opened = await item;
  toClose.push(opened);
  return opened;
}

async function tmpDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wk-db-'));
  tmpDirs.push(dir);
  return join(dir, 'pglite');
}

async function openFailure(databaseUrl: string, connectTimeoutMs = 2_000): Promise<Error> {
  const error = await openDatabase({ databaseUrl, dataDir: 'unused', connectTimeoutMs }).then(
    () => new Error('expected openDatabase to fail'),
    (failure: unknown) => failure as Error,
  );
  expect(isUserFacingError(error), String(error)).toBe(true);
  return error;
}

describe('embedded database', () => {
  it('opens in memory, answers, and closes twice without complaint', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    expect(db.kind).toBe('embedded');
    expect(db.description).toBe('embedded PostgreSQL (PGlite) in memory');
    await db.ping();
    const { rows } = await db.pool.query<{ answer: number }>('SELECT 40 + 2 AS answer');
    expect(rows[0]?.answer).toBe(42);
    await db.close();
    await db.close();
  });

  it('keeps its data on disk across close and reopen, and refuses a second opener meanwhile', async () => {
    const dataDir = await tmpDataDir();
    const first = await openDatabase({ dataDir });
    expect(first.description).toBe(`embedded PostgreSQL (PGlite) in ${dataDir}`);
    await first.pool.query('CREATE TABLE kept (value text)');
    await first.pool.query("INSERT INTO kept VALUES ('still here')");

    const second = await openDatabase({ dataDir }).catch((error: unknown) => error as Error);
    expect(isUserFacingError(second)).toBe(true);
    expect((second as Error).message).toContain(
      `is in use by another Watchkeeper process (pid ${process.pid})`,
    );
    await first.close();

    const reopened = await track(openDatabase({ dataDir }));
    const { rows } = await reopened.pool.query<{ value: string }>('SELECT value FROM kept');
    expect(rows).toEqual([{ value: 'still here' }]);
  });

  it('takes over a lock file left by a process that has exited', async () => {
    const dataDir = await tmpDataDir();
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(`${dataDir}.lock`, String(exited));
    const db = await track(openDatabase({ dataDir }));
    await db.ping();
  });

  it('lets exactly one of several concurrent unique inserts win, over at least four connections', async () => {
    const db = await track(openDatabase({ dataDir: 'memory://' }));
    await db.pool.query('CREATE TABLE claims (key text PRIMARY KEY, owner int NOT NULL)');
    const attempts = Array.from({ length: 8 }, (_, owner) =>
      db.pool.query<{ owner: number }>(
        "INSERT INTO claims (key, owner) VALUES ('handoff-2026-01-05', $1) ON CONFLICT DO NOTHING RETURNING owner",
        [owner],
      ),
    );
    const results = await Promise.all(attempts);
    expect(db.pool.totalCount).toBeGreaterThanOrEqual(4);
    expect(results.flatMap((result) => result.rows)).toHaveLength(1);
    const { rows } = await db.pool.query('SELECT * FROM claims');
    expect(rows).toHaveLength(1);
  });

  it('lets exactly one of several concurrent conditional UPDATEs move a state', async () => {
    const db = await track(openDatabase({ dataDir: 'memory://' }));
    await db.pool.query(
      "CREATE TABLE requests (id int PRIMARY KEY, state text NOT NULL DEFAULT 'pending')",
    );
    await db.pool.query('INSERT INTO requests (id) VALUES (1)');
    const clicks = Array.from({ length: 6 }, () =>
      db.pool.query(
        "UPDATE requests SET state = 'approved' WHERE id = 1 AND state = 'pending' RETURNING id",
      ),
    );
    const results = await Promise.all(clicks);
    expect(results.flatMap((result) => result.rows)).toEqual([{ id: 1 }]);
  });

  it('keeps one transaction whole while other connections query', async () => {
    const db = await track(openDatabase({ dataDir: 'memory://' }));
    await db.pool.query('CREATE TABLE counter (n int NOT NULL)');
    await db.pool.query('INSERT INTO counter VALUES (0)');
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE counter SET n = n + 1');
      const outside = db.pool.query<{ n: number }>('SELECT n FROM counter');
      await client.query('UPDATE counter SET n = n + 1');
      await client.query('COMMIT');
      expect((await outside).rows[0]?.n).toBe(2);
    } finally {
      client.release();
    }
  });
});

describe('connection failures', () => {
  it('says in one sentence that nothing listens, within a few seconds', async () => {
    const started = Date.now();
    const error = await openFailure('postgres://postgres@127.0.0.1:1/x');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toBe(
      'Could not connect to PostgreSQL at 127.0.0.1:1 (connection refused). Check DATABASE_URL, or unset it to use the embedded database.',
    );
  });

  it('never shows the password', async () => {
    const error = await openFailure('postgres://u:s3cret@127.0.0.1:1/x');
    expect(error.message).not.toContain('s3cret');
    expect(error.message).toContain('connection refused');
  });

  it('says when the server accepts the connection but never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await openFailure(`postgres://postgres@127.0.0.1:${port}/x`, 500);
      expect(error.message).toContain(`at 127.0.0.1:${port} (no answer within 0.5 s)`);
    } finally {
      silent.close();
    }
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', async () => {
    const error = await openFailure('mysql://root:hunter22@db/x');
    expect(error.message).toBe(
      'DATABASE_URL is not a PostgreSQL URL; expected postgres://user:password@host:5432/database.',
    );
  });

  it('names a host that does not resolve', async () => {
    const error = await openFailure('postgres://postgres@no-such-host.invalid:5432/x');
    expect(error.message).toContain('at no-such-host.invalid:5432 (host not found)');
  });
});

describe.runIf(postgresAvailable)('real PostgreSQL', () => {
  const freshDatabase = () => track(createTestDatabase({ kind: 'postgres' }));

  it('opens a pool that answers, described without credentials', async () => {
    const testDb = await freshDatabase();
    const db = await track(openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' }));
    expect(db.kind).toBe('postgres');
    const name = new URL(testDb.url).pathname.slice(1);
    expect(db.description).toMatch(new RegExp(`^PostgreSQL at [^@]+:\\d+/${name}$`));
    await db.ping();
    const { rows } = await db.pool.query<{ name: string }>(
      "SELECT current_setting('application_name') AS name",
    );
    expect(rows[0]?.name).toBe('watchkeeper');
  });

  it('says when the database does not exist', async () => {
    const url = new URL((await freshDatabase()).url);
    url.pathname = '/wk_no_such_database';
    const error = await openFailure(url.toString());
    expect(error.message).toContain('(database "wk_no_such_database" does not exist)');
  });

  it('says when the login is rejected, without the password', async () => {
    const url = new URL((await freshDatabase()).url);
    url.username = 'wk_no_such_role';
    url.password = 'pa55word';
    const error = await openFailure(url.toString());
    expect(error.message).toMatch(
      /\((login rejected|password authentication failed) for user "wk_no_such_role"\)/,
    );
    expect(error.message).not.toContain('pa55word');
  });

  it('drops the test database on close', async () => {
    const dropped = await createTestDatabase({ kind: 'postgres' });
    const name = new URL(dropped.url).pathname.slice(1);
    await dropped.close();
    const observer = await freshDatabase();
    const { rows } = await observer.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      name,
    ]);
    expect(rows).toHaveLength(0);
  });
});
