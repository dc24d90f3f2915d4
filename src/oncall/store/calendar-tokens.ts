// Secrets in iCalendar feed URLs: one live token per (user, rotation), stored only as its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { requireText } from './validate.js';

export interface CalendarTokenScope {
  userId: string;
  /** Absent: every rotation the user can see. */
  rotation?: string;
  now: Date;
}

export interface CalendarTokenOwner {
  userId: string;
  rotation: string | null;
}

/** 32 random bytes in base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function scopeOf(input: CalendarTokenScope): { userId: string; rotation: string | null } {
  return {
    userId: requireText(input.userId, 'The user'),
    rotation: input.rotation === undefined ? null : requireText(input.rotation, 'The rotation'),
  };
}

/** A new secret for the feed; the previous token of the same (user, rotation) stops working. */
export async function issueCalendarToken(
  pool: pg.Pool,
  input: CalendarTokenScope,
): Promise<string> {
  const { userId, rotation } = scopeOf(input);
  const token = randomBytes(32).toString('base64url');
  await pool.query(
    `INSERT INTO oncall_calendar_tokens (token_hash, user_id, rotation, issued_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, (coalesce(rotation, ''))) DO UPDATE
       SET token_hash = EXCLUDED.token_hash, issued_at = EXCLUDED.issued_at, revoked_at = NULL`,
    [hashToken(token), userId, rotation, input.now],
  );
  return token;
}

/** Stops the live token of (user, rotation); false when there was none. */
export async function revokeCalendarToken(
  pool: pg.Pool,
  input: CalendarTokenScope,
): Promise<boolean> {
  const { userId, rotation } = scopeOf(input);
  const { rowCount } = await pool.query(
    `UPDATE oncall_calendar_tokens SET revoked_at = $3
     WHERE user_id = $1 AND coalesce(rotation, '') = coalesce($2, '') AND revoked_at IS NULL`,
    [userId, rotation, input.now],
  );
  return rowCount === 1;
}

/** Whose feed a token opens; null for a malformed, unknown or revoked token. */
export async function resolveCalendarToken(
  pool: pg.Pool,
  token: string,
): Promise<CalendarTokenOwner | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const { rows } = await pool.query<{ user_id: string; rotation: string | null }>(
    `SELECT user_id, rotation FROM oncall_calendar_tokens
     WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hashToken(token)],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, rotation: row.rotation } : null;
}
