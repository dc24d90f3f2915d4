// Where the CLI reads overrides, swaps and roster history: the Postgres store when DATABASE_URL is
// set, app.yaml alone (no overrides, no swaps, today's roster) when it is not. Read-only.
import { join } from 'node:path';
import type { RuntimeEnv } from '../config/env.js';
import type { AppConfig } from '../config/schema.js';
import { openDatabase } from '../db/database.js';
import { UserFacingError } from '../errors.js';
import {
  appYamlOnly,
  loadRotationContexts,
  type RotationContext,
} from '../oncall/rotation-context.js';
import { OncallStore } from '../oncall/store/index.js';

/** Postgres error code of a missing table: the database was never migrated. */
const UNDEFINED_TABLE = '42P01';

export interface LoadWindow {
  /** Rotations to load, by name; their order is kept. */
  names: readonly string[];
  /** Overrides overlapping [from, to) are loaded. */
  from: Date;
  to: Date;
}

function contextsIn(contexts: RotationContext[], names: readonly string[]): RotationContext[] {
  return names.flatMap((name) => contexts.filter((context) => context.rotation.name === name));
}

async function loadFromDatabase(
  config: AppConfig,
  env: Pick<RuntimeEnv, 'databaseUrl' | 'dataDir'>,
  window: LoadWindow,
): Promise<RotationContext[]> {
  const db = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: join(env.dataDir, 'pglite'),
  });
  try {
    return await loadRotationContexts(new OncallStore(db.pool), config.teams, window);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== UNDEFINED_TABLE) throw error;
    throw new UserFacingError(
      `${db.description} has no on-call tables yet; run "watchkeeper migrate" first, or unset DATABASE_URL to read app.yaml alone.`,
      { cause: error },
    );
  } finally {
    await db.close();
  }
}

/**
 * The named rotations with their specs (roster history included) and changes, ready for the
 * engine. With DATABASE_URL they come from Postgres; without it, from app.yaml alone.
 */
export async function loadRotationChanges(
  config: AppConfig,
  env: Pick<RuntimeEnv, 'databaseUrl' | 'dataDir'>,
  window: LoadWindow,
): Promise<RotationContext[]> {
  const contexts = env.databaseUrl
    ? await loadFromDatabase(config, env, window)
    : await loadRotationContexts(appYamlOnly, config.teams, window);
  return contextsIn(contexts, window.names);
}
