// `watchkeeper migrate`: applies pending database migrations and says which.
import { join } from 'node:path';
import { readEnv } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';

export async function migrateCommand(): Promise<number> {
  const env = readEnv();
  const db = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: join(env.dataDir, 'pglite'),
  });
  try {
    const applied = await runMigrations(db);
    console.log(
      applied.length > 0
        ? `applied ${applied.length} migration(s) to ${db.description}: ${applied.join(', ')}`
        : `${db.description} is up to date`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
