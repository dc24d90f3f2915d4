// The sandbox's embedded database starts empty each time, like its Slack: the tables of an earlier
// run are emptied (far quicker than creating PGlite afresh); the schema and its migrations stay.
import { existsSync } from 'node:fs';
import { openDatabase } from '../../db/database.js';

const KEEP = ['pgmigrations'];

export async function emptySandboxDatabase(dataDir: string): Promise<void> {
  if (!existsSync(dataDir)) return;
  const db = await openDatabase({ dataDir });
  try {
    const { rows } = await db.pool.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname = current_schema() AND NOT (tablename = ANY($1))`,
      [KEEP],
    );
    if (rows.length > 0) {
      await db.pool.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY`);
    }
  } finally {
    await db.close();
  }
}
