// Overrides kept in Postgres: someone covers a rotation for a time range, until cancelled.
import type pg from 'pg';
import { UserFacingError } from '../../errors.js';
import type { Override } from '../engine/index.js';
import { parseId, type Queryable } from './sql.js';
import { optionalNote, requireFutureRange, requireText, rotationList } from './validate.js';

/** The engine's Override plus who made it, for which rotation, and its cancellation. */
export interface StoredOverride extends Override {
  rotation: string;
  createdBy: string;
  /** Set when the override came from taking a cover request. */
  coverRequestId?: string;
  cancelledAt?: Date;
  cancelledBy?: string;
}

export interface NewOverride {
  rotation: string;
  member: string;
  start: Date;
  end: Date;
  reason?: string;
  /** The member covered for: the override applies only while they would be on duty. */
  replaces?: string;
  createdBy: string;
  now: Date;
  coverRequestId?: string;
}

interface OverrideRow {
  id: string;
  rotation: string;
  member: string;
  starts_at: Date;
  ends_at: Date;
  reason: string | null;
  replaces: string | null;
  created_by: string;
  created_at: Date;
  cover_request_id: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
}

function toOverride(row: OverrideRow): StoredOverride {
  const override: StoredOverride = {
    id: row.id,
    rotation: row.rotation,
    member: row.member,
    start: row.starts_at,
    end: row.ends_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
  if (row.reason !== null) override.reason = row.reason;
  if (row.replaces !== null) override.replaces = row.replaces;
  if (row.cover_request_id !== null) override.coverRequestId = row.cover_request_id;
  if (row.cancelled_at !== null) override.cancelledAt = row.cancelled_at;
  if (row.cancelled_by !== null) override.cancelledBy = row.cancelled_by;
  return override;
}

/** Inserts an override; `db` may be a transaction's client (taking a cover request does). */
export async function addOverride(db: Queryable, input: NewOverride): Promise<StoredOverride> {
  const rotation = requireText(input.rotation, 'The rotation');
  const member = requireText(input.member, 'The person covering');
  const createdBy = requireText(input.createdBy, 'Who made the override');
  const replaces =
    input.replaces === undefined
      ? undefined
      : requireText(input.replaces, 'The person covered for');
  const reason = optionalNote(input.reason, 'The reason');
  requireFutureRange(input.start, input.end, input.now, 'override');
  if (replaces === member)
    throw new UserFacingError('Someone cannot cover for themselves; name another person.');
  const { rows } = await db.query<OverrideRow>(
    `INSERT INTO oncall_overrides
       (rotation, member, starts_at, ends_at, reason, replaces, created_by, created_at, cover_request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING *`,
    [
      rotation,
      member,
      input.start,
      input.end,
      reason ?? null,
      replaces ?? null,
      createdBy,
      input.now,
      input.coverRequestId ?? null,
    ],
  );
  return toOverride(rows[0] as OverrideRow);
}

/** Cancels once: null when the override is unknown or was already cancelled. */
export async function cancelOverride(
  pool: pg.Pool,
  id: string,
  by: string,
  now: Date,
): Promise<StoredOverride | null> {
  const key = parseId(id);
  if (key === null) return null;
  const { rows } = await pool.query<OverrideRow>(
    `UPDATE oncall_overrides SET cancelled_at = $2, cancelled_by = $3
     WHERE id = $1 AND cancelled_at IS NULL
     RETURNING *`,
    [key, now, requireText(by, 'Who cancels the override')],
  );
  return rows[0] ? toOverride(rows[0]) : null;
}

export async function getOverride(pool: pg.Pool, id: string): Promise<StoredOverride | null> {
  const key = parseId(id);
  if (key === null) return null;
  const { rows } = await pool.query<OverrideRow>('SELECT * FROM oncall_overrides WHERE id = $1', [
    key,
  ]);
  return rows[0] ? toOverride(rows[0]) : null;
}

/** Overrides not cancelled that overlap [from, to), by start then creation. */
export async function overridesFor(
  pool: pg.Pool,
  rotations: readonly string[],
  from: Date,
  to: Date,
): Promise<StoredOverride[]> {
  const names = rotationList(rotations);
  if (names.length === 0) return [];
  const { rows } = await pool.query<OverrideRow>(
    `SELECT * FROM oncall_overrides
     WHERE rotation = ANY($1) AND cancelled_at IS NULL AND starts_at < $3 AND ends_at > $2
     ORDER BY starts_at, id`,
    [names, from, to],
  );
  return rows.map(toOverride);
}
