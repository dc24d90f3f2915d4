import { readdirSync } from 'node:fs';
// Migrations: applied on both kinds of database, once, in order, atomically, even when started twice at once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { MIGRATIONS_DIR, runMigrations } from '../../src/db/migrate.js';
import { isUserFacingError } from '../../src/errors.js';
import { createTestDatabase, hasPostgresServer } from '../support/test-database.js';

/** Every migration in migrations/, in the order they apply. */
const allMigrations = readdirSync(new URL('../../migrations/', import.meta.url))
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .map((file) => file.replace(/\.sql$/, ''));

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

/** The app's own database on whatever the test helper offers (real PostgreSQL when it answers). */
async function openOnTestDatabase(): Promise<{ url: string; db: Database }> {
  const testDb = await track(createTestDatabase());
  return {
    url: testDb.url,
    db: await track(openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' })),
  };
}

async function migrationDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wk-migrations-'));
  tmpDirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function tableExists(db: Database, table: string): Promise<boolean> {
  const { rows } = await db.pool.query<{ found: string | null }>(
    'SELECT to_regclass($1) AS found',
    [table],
  );
  return rows[0]?.found != null;
}

async function expectAuditLogWorks(db: Database): Promise<void> {
  const { rows } = await db.pool.query<{ id: string; at: Date; details: object }>(
    "INSERT INTO audit_log (actor, action, subject) VALUES ('U0ALICE01', 'rollback.requested', 'prod-eu/shop/web') RETURNING id, at, details",
  );
  expect(rows[0]?.details).toEqual({});
  expect(rows[0]?.at).toBeInstanceOf(Date);
}

describe('runMigrations', () => {
  it('finds the repository migrations folder from its own location', () => {
    expect(MIGRATIONS_DIR).toBe(fileURLToPath(new URL('../../migrations/', import.meta.url)));
  });

  it('applies the migrations on the test database, and a second run is a no-op', async () => {
    const { db } = await openOnTestDatabase();
    expect(await runMigrations(db)).toEqual(allMigrations);
    expect(await runMigrations(db)).toEqual([]);
    await expectAuditLogWorks(db);
  });

  it('applies the migrations on the embedded database, and a second run is a no-op', async () => {
    const db = await track(openDatabase({ dataDir: 'memory://' }));
    expect(db.kind).toBe('embedded');
    expect(await runMigrations(db)).toEqual(allMigrations);
    expect(await runMigrations(db)).toEqual([]);
    await expectAuditLogWorks(db);
  });

  it('applies once when two runs start together on one embedded database', async () => {
    const db = await track(openDatabase({ dataDir: 'memory://' }));
    const [first, second] = await Promise.all([runMigrations(db), runMigrations(db)]);
    expect([...(first ?? []), ...(second ?? [])]).toEqual(allMigrations);
  });

  it.runIf(postgresAvailable)(
    'applies once when two instances start together on one PostgreSQL',
    async () => {
      const { url, db: first } = await openOnTestDatabase();
      const second = await track(openDatabase({ databaseUrl: url, dataDir: 'unused' }));
      expect(first.kind).toBe('postgres');
      const results = await Promise.all([runMigrations(first), runMigrations(second)]);
      expect(results.flat()).toEqual(allMigrations);
      const { rows } = await first.pool.query('SELECT name FROM pgmigrations');
      expect(rows).toEqual(allMigrations.map((name) => ({ name })));
    },
  );

  it('applies files in numeric order and ignores files that are not SQL', async () => {
    const dir = await migrationDir({
      '0010_second.sql': '-- Up Migration\nALTER TABLE first ADD COLUMN b int;\n',
      '0002_first.sql': '-- Up Migration\nCREATE TABLE first (a int);\n',
      'README.md': 'Numbered SQL files.\n',
    });
    const db = await track(openDatabase({ dataDir: 'memory://' }));
    expect(await runMigrations(db, { dir })).toEqual(['0002_first', '0010_second']);
  });

  it('rolls back every pending migration when one fails, with a sentence naming the problem', async () => {
    const dir = await migrationDir({
      '0001_good.sql': '-- Up Migration\nCREATE TABLE good (a int);\n',
      '0002_bad.sql': '-- Up Migration\nALTER TABLE missing ADD COLUMN b int;\n',
    });
    const { db } = await openOnTestDatabase();
    const error = await runMigrations(db, { dir }).catch((failure: unknown) => failure as Error);
    expect(isUserFacingError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `Database migrations failed on ${db.description}: relation "missing" does not exist.`,
    );
    expect(await tableExists(db, 'good')).toBe(false);
    expect(await runMigrations(db)).toEqual(allMigrations);
  });
});
