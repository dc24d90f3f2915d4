// Roster history kept in Postgres: each member list seen in app.yaml and the handoff it takes effect at.
import type pg from 'pg';
import type { RosterVersion } from '../engine/index.js';
import { inTransaction } from './sql.js';
import { requireText } from './validate.js';

/** The first version of a rotation applies "from the start". */
export const FIRST_VERSION_EFFECTIVE_FROM = new Date(0);

export interface PendingRosterOutcome {
  /** Whether `pending` was written (new, or its members changed). */
  recorded: boolean;
  /** Pending versions removed: other instants, or all of them when `pending` is null. */
  withdrawn: RosterVersion[];
}

interface RosterRow {
  members: string[];
  effective_from: Date;
}

function toVersion(row: RosterRow): RosterVersion {
  return { members: row.members, effectiveFrom: row.effective_from };
}

function requireMembers(members: readonly string[]): string[] {
  if (members.length === 0) throw new RangeError('a roster version needs at least one member');
  return members.map((member) => requireText(member, 'A rotation member'));
}

/** Every recorded version of a rotation, oldest first. */
export async function rosterVersions(pool: pg.Pool, rotation: string): Promise<RosterVersion[]> {
  const { rows } = await pool.query<RosterRow>(
    `SELECT members, effective_from FROM oncall_roster_versions
     WHERE rotation = $1 ORDER BY effective_from`,
    [rotation],
  );
  return rows.map(toVersion);
}

/** Records the first version; false when one was already there (another instance won). */
export async function recordFirstRosterVersion(
  pool: pg.Pool,
  rotation: string,
  members: readonly string[],
  now: Date,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO oncall_roster_versions (rotation, effective_from, members, recorded_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (rotation, effective_from) DO NOTHING`,
    [
      requireText(rotation, 'The rotation'),
      FIRST_VERSION_EFFECTIVE_FROM,
      requireMembers(members),
      now,
    ],
  );
  return rowCount === 1;
}

/**
 * Makes `pending` the only version not yet in effect at `now` (null: none at all), in one
 * transaction. Each write is conditional, so an instance doing the same at the same time finds
 * nothing left to do and reports nothing.
 */
export async function setPendingRosterVersion(
  pool: pg.Pool,
  rotation: string,
  pending: RosterVersion | null,
  now: Date,
): Promise<PendingRosterOutcome> {
  const name = requireText(rotation, 'The rotation');
  if (pending && pending.effectiveFrom.getTime() <= now.getTime())
    throw new RangeError('a pending roster version must take effect after now');
  const members = pending ? requireMembers(pending.members) : null;
  return inTransaction(pool, async (client) => {
    const removed = await client.query<RosterRow>(
      `DELETE FROM oncall_roster_versions
       WHERE rotation = $1 AND effective_from > $2 AND effective_from IS DISTINCT FROM $3
       RETURNING members, effective_from`,
      [name, now, pending?.effectiveFrom ?? null],
    );
    let recorded = false;
    if (pending) {
      const written = await client.query(
        `INSERT INTO oncall_roster_versions (rotation, effective_from, members, recorded_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (rotation, effective_from) DO UPDATE
           SET members = EXCLUDED.members, recorded_at = EXCLUDED.recorded_at
           WHERE oncall_roster_versions.members IS DISTINCT FROM EXCLUDED.members`,
        [name, pending.effectiveFrom, members, now],
      );
      recorded = written.rowCount === 1;
    }
    return { recorded, withdrawn: removed.rows.map(toVersion) };
  });
}
