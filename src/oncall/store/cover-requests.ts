// Cover requests kept in Postgres: "who can take my shift?", taken by the first click, reminded, expired.
import type pg from 'pg';
import { UserFacingError } from '../../errors.js';
import { addOverride, type StoredOverride } from './overrides.js';
import { inTransaction, parseId } from './sql.js';
import { optionalNote, requireFutureRange, requireText, rotationList } from './validate.js';
import {
  coverReminderDue,
  reminderAndLater,
  remindersFrom,
  type CoverReminder,
} from './cover-reminders.js';

export type CoverRequestStatus = 'open' | 'taken' | 'cancelled' | 'expired';

export interface CoverRequest {
  id: string;
  rotation: string;
  /** Who needs cover; the override made on taking replaces them. */
  requester: string;
  /** [start, end) */
  start: Date;
  end: Date;
  note?: string;
  status: CoverRequestStatus;
  createdAt: Date;
  takenBy?: string;
  cancelledBy?: string;
  /** When it stopped being open (taken, cancelled or expired). */
  closedAt?: Date;
  /** The Slack message that offers it. */
  message?: { channel: string; ts: string };
  /** Reminders already posted, in the order they went out. */
  remindersSent: CoverReminder[];
}

export interface NewCoverRequest {
  rotation: string;
  requester: string;
  start: Date;
  end: Date;
  note?: string;
  now: Date;
}

export type TakeCoverResult =
  | { outcome: 'taken'; request: CoverRequest; override: StoredOverride }
  | { outcome: 'already-taken'; takenBy: string; request: CoverRequest }
  | { outcome: 'closed'; status: 'cancelled' | 'expired'; request: CoverRequest };

interface CoverRow {
  id: string;
  rotation: string;
  requester: string;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
  status: CoverRequestStatus;
  created_at: Date;
  taken_by: string | null;
  cancelled_by: string | null;
  closed_at: Date | null;
  channel: string | null;
  message_ts: string | null;
  reminders_sent: string[];
}

function toRequest(row: CoverRow): CoverRequest {
  const request: CoverRequest = {
    id: row.id,
    rotation: row.rotation,
    requester: row.requester,
    start: row.starts_at,
    end: row.ends_at,
    status: row.status,
    createdAt: row.created_at,
    remindersSent: remindersFrom(row.reminders_sent),
  };
  if (row.note !== null) request.note = row.note;
  if (row.taken_by !== null) request.takenBy = row.taken_by;
  if (row.cancelled_by !== null) request.cancelledBy = row.cancelled_by;
  if (row.closed_at !== null) request.closedAt = row.closed_at;
  if (row.channel !== null && row.message_ts !== null)
    request.message = { channel: row.channel, ts: row.message_ts };
  return request;
}

/** Opens a request; it must start after `now` (it expires when it starts). */
export async function createCoverRequest(
  pool: pg.Pool,
  input: NewCoverRequest,
): Promise<CoverRequest> {
  const rotation = requireText(input.rotation, 'The rotation');
  const requester = requireText(input.requester, 'Who needs cover');
  const note = optionalNote(input.note, 'The note');
  requireFutureRange(input.start, input.end, input.now, 'cover request');
  if (input.start.getTime() <= input.now.getTime())
    throw new UserFacingError(
      'A cover request must start in the future; for cover from right now, ask a manager for an override.',
    );
  const { rows } = await pool.query<CoverRow>(
    `INSERT INTO oncall_cover_requests (rotation, requester, starts_at, ends_at, note, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING *`,
    [rotation, requester, input.start, input.end, note ?? null, input.now],
  );
  return toRequest(rows[0] as CoverRow);
}

/** Remembers the Slack message offering the request; false for an unknown id. */
export async function attachCoverMessage(
  pool: pg.Pool,
  id: string,
  channel: string,
  ts: string,
): Promise<boolean> {
  const key = parseId(id);
  if (key === null) return false;
  const { rowCount } = await pool.query(
    'UPDATE oncall_cover_requests SET channel = $2, message_ts = $3 WHERE id = $1',
    [key, requireText(channel, 'The channel'), requireText(ts, 'The message timestamp')],
  );
  return rowCount === 1;
}

export async function getCoverRequest(pool: pg.Pool, id: string): Promise<CoverRequest | null> {
  const key = parseId(id);
  if (key === null) return null;
  const { rows } = await pool.query<CoverRow>('SELECT * FROM oncall_cover_requests WHERE id = $1', [
    key,
  ]);
  return rows[0] ? toRequest(rows[0]) : null;
}

/**
 * The first click wins: one conditional UPDATE claims the request, and the override (the taker
 * covering for the requester, from `now` if the range has begun) is written in the same transaction.
 */
export async function takeCoverRequest(
  pool: pg.Pool,
  id: string,
  by: string,
  now: Date,
): Promise<TakeCoverResult> {
  const key = parseId(id);
  const taker = requireText(by, 'Who takes the cover request');
  if (key === null) throw unknownRequest();
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<CoverRow>(
      `UPDATE oncall_cover_requests SET status = 'taken', taken_by = $2, closed_at = $3
       WHERE id = $1 AND status = 'open' AND ends_at > $3 AND requester <> $2
       RETURNING *`,
      [key, taker, now],
    );
    const claimed = rows[0];
    if (!claimed) return whyNotTaken(client, key, taker, now);
    const request = toRequest(claimed);
    const override = await addOverride(client, {
      rotation: request.rotation,
      member: taker,
      start: new Date(Math.max(request.start.getTime(), now.getTime())),
      end: request.end,
      reason: request.note,
      replaces: request.requester,
      createdBy: taker,
      now,
      coverRequestId: request.id,
    });
    return { outcome: 'taken', request, override };
  });
}

async function whyNotTaken(
  client: pg.PoolClient,
  key: string,
  taker: string,
  now: Date,
): Promise<TakeCoverResult> {
  const { rows } = await client.query<CoverRow>(
    'SELECT * FROM oncall_cover_requests WHERE id = $1',
    [key],
  );
  const row = rows[0];
  if (!row) throw unknownRequest();
  const request = toRequest(row);
  if (request.status === 'taken')
    return { outcome: 'already-taken', takenBy: request.takenBy ?? '', request };
  if (request.status === 'open' && request.end.getTime() > now.getTime())
    throw new UserFacingError('You asked for this cover yourself; someone else has to take it.');
  return {
    outcome: 'closed',
    status: request.status === 'cancelled' ? 'cancelled' : 'expired',
    request,
  };
}

function unknownRequest(): UserFacingError {
  return new UserFacingError('That cover request does not exist (any more).');
}

/** Withdraws an open request, once: null when it is unknown or no longer open. */
export async function cancelCoverRequest(
  pool: pg.Pool,
  id: string,
  by: string,
  now: Date,
): Promise<CoverRequest | null> {
  const key = parseId(id);
  const canceller = requireText(by, 'Who cancels the cover request');
  if (key === null) return null;
  const { rows } = await pool.query<CoverRow>(
    `UPDATE oncall_cover_requests SET status = 'cancelled', cancelled_by = $2, closed_at = $3
     WHERE id = $1 AND status = 'open'
     RETURNING *`,
    [key, canceller, now],
  );
  return rows[0] ? toRequest(rows[0]) : null;
}

/** Open requests of these rotations that have not ended, soonest first. */
export async function openCoverRequests(
  pool: pg.Pool,
  rotations: readonly string[],
  now: Date,
): Promise<CoverRequest[]> {
  const names = rotationList(rotations);
  if (names.length === 0) return [];
  const { rows } = await pool.query<CoverRow>(
    `SELECT * FROM oncall_cover_requests
     WHERE rotation = ANY($1) AND status = 'open' AND ends_at > $2
     ORDER BY starts_at, id`,
    [names, now],
  );
  return rows.map(toRequest);
}

/** Open requests with a reminder due at `now`: only the latest due one, and only if not sent yet. */
export async function dueCoverReminders(
  pool: pg.Pool,
  now: Date,
): Promise<Array<{ request: CoverRequest; reminder: CoverReminder }>> {
  const { rows } = await pool.query<CoverRow>(
    `SELECT * FROM oncall_cover_requests
     WHERE status = 'open' AND starts_at > $1 AND starts_at - interval '72 hours' <= $1
     ORDER BY starts_at, id`,
    [now],
  );
  return rows.flatMap((row) => {
    const request = toRequest(row);
    const reminder = coverReminderDue(request, now);
    return reminder ? [{ request, reminder }] : [];
  });
}

/**
 * Claims a reminder for sending, exactly once across instances: false when it (or a later one)
 * was already sent, or the request is no longer open.
 */
export async function markCoverReminderSent(
  pool: pg.Pool,
  id: string,
  reminder: CoverReminder,
): Promise<boolean> {
  const key = parseId(id);
  if (key === null) return false;
  const { rowCount } = await pool.query(
    `UPDATE oncall_cover_requests SET reminders_sent = array_append(reminders_sent, $2)
     WHERE id = $1 AND status = 'open' AND NOT (reminders_sent && $3::text[])`,
    [key, reminder, reminderAndLater(reminder)],
  );
  return rowCount === 1;
}

/** Open requests whose start has come are closed as expired and returned (to update their message). */
export async function expireCoverRequests(pool: pg.Pool, now: Date): Promise<CoverRequest[]> {
  const { rows } = await pool.query<CoverRow>(
    `UPDATE oncall_cover_requests SET status = 'expired', closed_at = $1
     WHERE status = 'open' AND starts_at <= $1
     RETURNING *`,
    [now],
  );
  return rows.map(toRequest).sort((a, b) => a.start.getTime() - b.start.getTime());
}
