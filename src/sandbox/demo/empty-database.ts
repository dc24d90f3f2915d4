// The sandbox's embedded database starts empty each time, like its Slack: the schema of an earlier run
// is dropped (far quicker than creating PGlite afresh) and the app migrates the empty one at start.
import { existsSync } from 'node:fs';
import { openDatabase } from '../../db/database.js';

export async function emptySandboxDatabase(dataDir: string): Promise<void> {
  if (!existsSync(dataDir)) return;
  const db = await openDatabase({ dataDir });
  try {
    await db.pool.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  } finally {
    await db.close();
  }
}
