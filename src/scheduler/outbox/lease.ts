// The outbox's SQL: which rows are ready, leasing one together with its channel's slot, and
// recording the outcome only while the lease is still held (attempts is the fencing token).
import type pg from 'pg';
import type { OutboxPayload } from './enqueue.js';
import type { FailureDecision } from './retry-policy.js';

export interface LeasedMessage {
  id: string;
  postKey: string | null;
  channel: string;
  payload: OutboxPayload;
  /** This send's number; the outcome is written only if it still matches. */
  attempts: number;
}

const READY = `((o.state = 'pending' AND o.next_attempt_at <= $1)
  OR (o.state = 'sending' AND o.lease_until < $1))`;

/** The oldest ready row of each channel whose slot is free, oldest first, at most `limit`. */
export async function readyMessages(pool: pg.Pool, now: Date, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM (
       SELECT DISTINCT ON (o.channel) o.id
       FROM outbox o
       LEFT JOIN outbox_channel_pace p ON p.channel = o.channel
       WHERE ${READY} AND (p.next_allowed_at IS NULL OR p.next_allowed_at <= $1)
       ORDER BY o.channel, o.id
     ) first_per_channel
     ORDER BY id
     LIMIT $2`,
    [now, limit],
  );
  return rows.map((row) => row.id);
}

/**
 * Takes the channel's next slot and leases the row, in one statement: nothing happens unless the
 * row is still ready and the slot is free (another replica's send in the last interval holds it).
 */
export async function leaseMessage(
  pool: pg.Pool,
  id: string,
  now: Date,
  leaseUntil: Date,
  nextSlot: Date,
): Promise<LeasedMessage | null> {
  const { rows } = await pool.query<{
    id: string;
    post_key: string | null;
    channel: string;
    payload: OutboxPayload;
    attempts: number;
  }>(
    `WITH slot AS (
       INSERT INTO outbox_channel_pace AS p (channel, next_allowed_at)
       SELECT o.channel, $4 FROM outbox o WHERE o.id = $2 AND ${READY}
       ON CONFLICT (channel) DO UPDATE SET next_allowed_at = EXCLUDED.next_allowed_at
       WHERE p.next_allowed_at <= $1
       RETURNING channel
     )
     UPDATE outbox o
     SET state = 'sending', lease_until = $3, attempts = o.attempts + 1
     FROM slot
     WHERE o.id = $2 AND o.channel = slot.channel AND ${READY}
     RETURNING o.id, o.post_key, o.channel, o.payload, o.attempts`,
    [now, id, leaseUntil, nextSlot],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    postKey: row.post_key,
    channel: row.channel,
    payload: row.payload,
    attempts: row.attempts,
  };
}

/** Marks the message (and its scheduled post) sent; false if the lease was lost meanwhile. */
export async function markSent(
  pool: pg.Pool,
  message: LeasedMessage,
  now: Date,
  ts: string,
): Promise<boolean> {
  const { rows } = await pool.query<{ marked: number }>(
    `WITH sent AS (
       UPDATE outbox
       SET state = 'sent', sent_at = $3, result_ts = $4, lease_until = NULL, last_error = NULL
       WHERE id = $1 AND state = 'sending' AND attempts = $2
       RETURNING post_key
     ), post AS (
       UPDATE scheduled_posts s
       SET state = 'sent', sent_at = $3, message_ts = $4
       FROM sent WHERE s.key = sent.post_key
     )
     SELECT count(*)::int AS marked FROM sent`,
    [message.id, message.attempts, now, ts],
  );
  return (rows[0]?.marked ?? 0) > 0;
}

/** Records a failed send: retry later (pausing the channel on Retry-After) or dead; false if the lease was lost. */
export async function markFailed(
  pool: pg.Pool,
  message: LeasedMessage,
  decision: FailureDecision,
): Promise<boolean> {
  const nextAttemptAt = decision.state === 'pending' ? decision.nextAttemptAt : null;
  const pausedUntil = decision.state === 'pending' ? (decision.channelPausedUntil ?? null) : null;
  const { rows } = await pool.query<{ marked: number }>(
    `WITH failed AS (
       UPDATE outbox
       SET state = $3::text, next_attempt_at = coalesce($4::timestamptz, next_attempt_at),
           lease_until = NULL, last_error = $5
       WHERE id = $1 AND state = 'sending' AND attempts = $2
       RETURNING post_key, channel
     ), post AS (
       UPDATE scheduled_posts s
       SET state = 'failed', last_error = $5
       FROM failed WHERE $3::text = 'dead' AND s.key = failed.post_key
     ), pause AS (
       UPDATE outbox_channel_pace p
       SET next_allowed_at = greatest(p.next_allowed_at, $6::timestamptz)
       FROM failed WHERE $6::timestamptz IS NOT NULL AND p.channel = failed.channel
     )
     SELECT count(*)::int AS marked FROM failed`,
    [message.id, message.attempts, decision.state, nextAttemptAt, decision.error, pausedUntil],
  );
  return (rows[0]?.marked ?? 0) > 0;
}
