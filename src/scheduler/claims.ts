// Claims scheduled posts exactly once: a unique insert per natural key before anything is sent; a
// post older than the grace is recorded as skipped instead; a claim never enqueued is taken over.
import type pg from 'pg';
import { inTransaction } from '../oncall/store/sql.js';
import type { SlackMessage } from '../slack/message.js';
import type { DueEvent } from './due-events.js';
import { enqueue } from './outbox/index.js';

/** How long a claim may stay unrendered before another replica takes it over. */
export const CLAIM_LEASE_MS = 60_000;
/** Claims taken (render tries) before a post is given up as failed. */
export const MAX_CLAIMS = 3;

/** A post this replica holds; `attempt` fences it against a takeover. */
export interface ClaimedPost {
  event: DueEvent;
  attempt: number;
}

export interface ClaimResult {
  /** Posts this replica must render and enqueue now (new claims and takeovers). */
  claimed: ClaimedPost[];
  /** Posts first seen after the grace: recorded as skipped ('missed'), never sent. */
  skipped: DueEvent[];
  /** Claims given up: rendering failed too often, or did not finish within the grace. */
  failed: DueEvent[];
}

export interface SkippedPost {
  key: string;
  kind: string;
  team: string;
  rotation: string | null;
  channel: string;
  scheduledAt: Date;
}

/** Due events split by the grace (pure): recent ones are sent, older ones only recorded. */
export function partitionDue(events: readonly DueEvent[], now: Date, graceMs: number) {
  const cutoff = now.getTime() - graceMs;
  const due = events.filter((event) => event.scheduledAt.getTime() <= now.getTime());
  return {
    current: due.filter((event) => event.scheduledAt.getTime() >= cutoff),
    missed: due.filter((event) => event.scheduledAt.getTime() < cutoff),
  };
}

/** Inserts rows in key order (so concurrent claimers never deadlock); returns the keys inserted. */
async function insertPosts(
  pool: pg.Pool,
  events: readonly DueEvent[],
  row: { state: 'claimed' | 'skipped'; claimedAt: Date | null; reason: string | null },
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const sorted = [...events].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const { rows } = await pool.query<{ key: string }>(
    `INSERT INTO scheduled_posts
       (key, kind, team, rotation, channel, scheduled_at, state, claimed_at, skipped_reason, attempts)
     SELECT e.key, e.kind, e.team, e.rotation, e.channel, e.scheduled_at, $7, $8, $9, $10
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
       WITH ORDINALITY AS e(key, kind, team, rotation, channel, scheduled_at, n)
     ORDER BY e.n
     ON CONFLICT (key) DO NOTHING
     RETURNING key`,
    [
      sorted.map((event) => event.key),
      sorted.map((event) => event.kind),
      sorted.map((event) => event.team),
      sorted.map((event) => event.rotation ?? null),
      sorted.map((event) => event.channel),
      sorted.map((event) => event.scheduledAt),
      row.state,
      row.claimedAt,
      row.reason,
      row.state === 'claimed' ? 1 : 0,
    ],
  );
  return new Set(rows.map((inserted) => inserted.key));
}

/** Takes over claims left unrendered past the lease, or gives them up; returns key → new state. */
async function takeOverStale(
  pool: pg.Pool,
  keys: string[],
  now: Date,
  cutoff: Date,
): Promise<Map<string, { state: string; attempts: number }>> {
  if (keys.length === 0) return new Map();
  const { rows } = await pool.query<{ key: string; state: string; attempts: number }>(
    `UPDATE scheduled_posts
     SET attempts = attempts + 1, claimed_at = $2,
         state = CASE WHEN attempts >= $4 OR scheduled_at < $3 THEN 'failed' ELSE 'claimed' END,
         last_error = CASE WHEN attempts >= $4 OR scheduled_at < $3
           THEN coalesce(last_error, 'not rendered within the grace') ELSE last_error END
     WHERE key = ANY($1::text[]) AND state = 'claimed' AND enqueued_at IS NULL
       AND claimed_at <= $5
     RETURNING key, state, attempts`,
    [keys, now, cutoff, MAX_CLAIMS, new Date(now.getTime() - CLAIM_LEASE_MS)],
  );
  return new Map(rows.map((row) => [row.key, { state: row.state, attempts: row.attempts }]));
}

/**
 * Claims each due event (scheduledAt ≤ now) by inserting its key; an event older than
 * `now − grace` is inserted as skipped instead. Only this call's inserts (and takeovers) come back:
 * an event some replica claimed before is nobody's business here.
 */
export async function claimDue(
  pool: pg.Pool,
  events: readonly DueEvent[],
  now: Date,
  graceMs: number,
): Promise<ClaimResult> {
  const { current, missed } = partitionDue(events, now, graceMs);
  const skippedKeys = await insertPosts(pool, missed, {
    state: 'skipped',
    claimedAt: null,
    reason: 'missed',
  });
  const claimedKeys = await insertPosts(pool, current, {
    state: 'claimed',
    claimedAt: now,
    reason: null,
  });
  const others = [...current, ...missed].filter(
    (event) => !claimedKeys.has(event.key) && !skippedKeys.has(event.key),
  );
  const cutoff = new Date(now.getTime() - graceMs);
  const takenOver = await takeOverStale(
    pool,
    others.map((event) => event.key),
    now,
    cutoff,
  );
  const result: ClaimResult = {
    claimed: current
      .filter((event) => claimedKeys.has(event.key))
      .map((event) => ({ event, attempt: 1 })),
    skipped: missed.filter((event) => skippedKeys.has(event.key)),
    failed: [],
  };
  for (const event of others) {
    const taken = takenOver.get(event.key);
    if (taken?.state === 'claimed') result.claimed.push({ event, attempt: taken.attempts });
    else if (taken) result.failed.push(event);
  }
  return result;
}

/**
 * Puts the rendered message into the outbox in the same transaction that marks the claim
 * enqueued, provided the claim is still this replica's; false when it was taken over.
 */
export async function enqueuePost(
  pool: pg.Pool,
  claim: ClaimedPost,
  message: SlackMessage,
  now: Date,
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const { rowCount } = await client.query(
      `UPDATE scheduled_posts SET enqueued_at = $3
       WHERE key = $1 AND attempts = $2 AND state = 'claimed' AND enqueued_at IS NULL`,
      [claim.event.key, claim.attempt, now],
    );
    if (rowCount !== 1) return false;
    const { channel, key } = claim.event;
    await enqueue(client, { channel, message, postKey: key }, now);
    return true;
  });
}

/** The renderer had nothing to post: recorded as skipped ('nothing-to-post'). */
export async function skipClaimed(pool: pg.Pool, claim: ClaimedPost): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE scheduled_posts SET state = 'skipped', skipped_reason = 'nothing-to-post'
     WHERE key = $1 AND attempts = $2 AND state = 'claimed' AND enqueued_at IS NULL`,
    [claim.event.key, claim.attempt],
  );
  return rowCount === 1;
}

/** Rendering failed: the claim stays until its lease runs out, then it is tried again (or failed). */
export async function recordRenderFailure(
  pool: pg.Pool,
  claim: ClaimedPost,
  error: string,
): Promise<void> {
  await pool.query(
    `UPDATE scheduled_posts SET last_error = $3
     WHERE key = $1 AND attempts = $2 AND state = 'claimed'`,
    [claim.event.key, claim.attempt, error],
  );
}

/** The team's posts scheduled since `since` that were skipped because the bot missed them. */
export async function skippedSince(
  pool: pg.Pool,
  team: string,
  since: Date,
): Promise<SkippedPost[]> {
  const { rows } = await pool.query<{
    key: string;
    kind: string;
    team: string;
    rotation: string | null;
    channel: string;
    scheduled_at: Date;
  }>(
    `SELECT key, kind, team, rotation, channel, scheduled_at FROM scheduled_posts
     WHERE team = $1 AND state = 'skipped' AND skipped_reason = 'missed' AND scheduled_at >= $2
     ORDER BY scheduled_at, key`,
    [team, since],
  );
  return rows.map((row) => ({
    key: row.key,
    kind: row.kind,
    team: row.team,
    rotation: row.rotation,
    channel: row.channel,
    scheduledAt: row.scheduled_at,
  }));
}

/** When the bot first sent a scheduled post here: posts due before it were never missed, just not yet ours. */
export async function firstSentAt(pool: pg.Pool): Promise<Date | null> {
  const { rows } = await pool.query<{ first: Date | null }>(
    "SELECT min(sent_at) AS first FROM scheduled_posts WHERE state = 'sent'",
  );
  return rows[0]?.first ?? null;
}
