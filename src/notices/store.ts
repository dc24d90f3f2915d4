// The notices' SQL: a unique insert claims each (cluster, namespace, deployment, revision); conditional updates
// let exactly one replica post, re-render, or thread it; silences per workload.
import type pg from 'pg';
import { parseId } from '../oncall/store/sql.js';
import type { NoticeKey, NoticeSilence, NoticeState, NoticeView } from './types.js';

export interface StoredNotice {
  id: string;
  key: NoticeKey;
  channel: string;
  state: NoticeState;
  view: NoticeView;
  /** Digest of the message last sent ('' before the first post). */
  digest: string;
  /** Claims taken so far; the fencing token of the current one. */
  attempts: number;
  claimedAt: Date;
  ts: string | null;
  threadTs: string | null;
}

interface NoticeRow {
  id: string;
  cluster: string;
  namespace: string;
  workload: string;
  revision: number;
  channel: string;
  state: NoticeState;
  view: NoticeView;
  digest: string;
  attempts: number;
  claimed_at: Date;
  ts: string | null;
  thread_ts: string | null;
}

function toNotice(row: NoticeRow): StoredNotice {
  return {
    id: row.id,
    key: {
      cluster: row.cluster,
      namespace: row.namespace,
      workload: row.workload,
      revision: row.revision,
    },
    channel: row.channel,
    state: row.state,
    view: row.view,
    digest: row.digest,
    attempts: row.attempts,
    claimedAt: row.claimed_at,
    ts: row.ts,
    threadTs: row.thread_ts,
  };
}

const COLUMNS =
  'id, cluster, namespace, workload, revision, channel, state, view, digest, attempts, claimed_at, ts, thread_ts';

export class NoticeStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Claims a key for this replica; null when the key was claimed before (by anyone). */
  async claim(channel: string, view: NoticeView, now: Date): Promise<StoredNotice | null> {
    const { rows } = await this.pool.query<NoticeRow>(
      `INSERT INTO rollout_notices
         (cluster, namespace, workload, revision, channel, state, view, digest, claimed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8)
       ON CONFLICT ON CONSTRAINT rollout_notices_key DO NOTHING
       RETURNING ${COLUMNS}`,
      [view.cluster, view.namespace, view.workload, view.revision, channel, view.state, view, now],
    );
    return rows[0] ? toNotice(rows[0]) : null;
  }

  /** Notices still following their rollout or not posted yet, and any others with these keys. */
  async relevant(keys: readonly NoticeKey[]): Promise<StoredNotice[]> {
    const { rows } = await this.pool.query<NoticeRow>(
      `SELECT ${COLUMNS} FROM rollout_notices
       WHERE state IN ('progressing', 'failing') OR ts IS NULL
          OR (cluster, namespace, workload, revision) IN (
               SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]))`,
      [
        keys.map((k) => k.cluster),
        keys.map((k) => k.namespace),
        keys.map((k) => k.workload),
        keys.map((k) => k.revision),
      ],
    );
    return rows.map(toNotice);
  }

  async byId(id: string): Promise<StoredNotice | undefined> {
    const parsed = parseId(id);
    if (parsed === null) return undefined;
    const { rows } = await this.pool.query<NoticeRow>(
      `SELECT ${COLUMNS} FROM rollout_notices WHERE id = $1`,
      [parsed],
    );
    return rows[0] && toNotice(rows[0]);
  }

  /** Takes over a claim whose lease ran out without a post; the new fencing token, or null if someone else did. */
  async takeOver(notice: StoredNotice, now: Date, leaseMs: number): Promise<number | null> {
    const { rows } = await this.pool.query<{ attempts: number }>(
      `UPDATE rollout_notices SET attempts = attempts + 1, claimed_at = $3
       WHERE id = $1 AND attempts = $2 AND ts IS NULL AND claimed_at <= $4
       RETURNING attempts`,
      [notice.id, notice.attempts, now, new Date(now.getTime() - leaseMs)],
    );
    return rows[0]?.attempts ?? null;
  }

  /** Keeps the view (e.g. with its Roll back card) while the claim is still this replica's. */
  async keepView(id: string, attempts: number, view: NoticeView): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE rollout_notices SET view = $3 WHERE id = $1 AND attempts = $2 AND ts IS NULL`,
      [id, attempts, view],
    );
    return rowCount === 1;
  }

  async posted(
    id: string,
    attempts: number,
    sent: { ts: string; view: NoticeView; digest: string },
    now: Date,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE rollout_notices SET ts = $3, view = $4, state = $5, digest = $6, posted_at = $7, updated_at = $7
       WHERE id = $1 AND attempts = $2 AND ts IS NULL`,
      [id, attempts, sent.ts, sent.view, sent.view.state, sent.digest, now],
    );
  }

  /** Gives a claim up after a failed post, so the next tick may try again at once. */
  async release(id: string, attempts: number, expiredAt: Date): Promise<void> {
    await this.pool.query(
      `UPDATE rollout_notices SET claimed_at = $3 WHERE id = $1 AND attempts = $2 AND ts IS NULL`,
      [id, attempts, expiredAt],
    );
  }

  /** Records a new rendering if the last one is still `previousDigest`; true when this caller must send it. */
  async swapRendered(
    id: string,
    previousDigest: string,
    next: { view: NoticeView; digest: string },
    now: Date,
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE rollout_notices SET view = $3, state = $4, digest = $5, updated_at = $6
       WHERE id = $1 AND digest = $2 AND ts IS NOT NULL`,
      [id, previousDigest, next.view, next.view.state, next.digest, now],
    );
    return rowCount === 1;
  }

  /** After a failed chat.update: the old digest back, so the next tick sends the new rendering again. */
  async restoreDigest(id: string, sentDigest: string, previousDigest: string): Promise<void> {
    await this.pool.query(`UPDATE rollout_notices SET digest = $3 WHERE id = $1 AND digest = $2`, [
      id,
      sentDigest,
      previousDigest,
    ]);
  }

  /** Claims the failure thread; true for exactly one caller until it is posted or released. */
  async claimThread(id: string, now: Date, leaseMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE rollout_notices SET thread_claimed_at = $2
       WHERE id = $1 AND ts IS NOT NULL AND thread_ts IS NULL
         AND (thread_claimed_at IS NULL OR thread_claimed_at <= $3)`,
      [id, now, new Date(now.getTime() - leaseMs)],
    );
    return rowCount === 1;
  }

  async threadPosted(id: string, ts: string): Promise<void> {
    await this.pool.query(`UPDATE rollout_notices SET thread_ts = $2 WHERE id = $1`, [id, ts]);
  }

  async releaseThread(id: string): Promise<void> {
    await this.pool.query(
      `UPDATE rollout_notices SET thread_claimed_at = NULL WHERE id = $1 AND thread_ts IS NULL`,
      [id],
    );
  }

  async activeSilences(now: Date): Promise<NoticeSilence[]> {
    const { rows } = await this.pool.query<SilenceRow>(
      `SELECT cluster, namespace, workload, until, silenced_by FROM notice_silences WHERE until > $1`,
      [now],
    );
    return rows.map(toSilence);
  }

  /** Silences that have run out but whose notices may still show them. */
  async expiredSilences(now: Date): Promise<NoticeSilence[]> {
    const { rows } = await this.pool.query<SilenceRow>(
      `SELECT cluster, namespace, workload, until, silenced_by FROM notice_silences WHERE until <= $1`,
      [now],
    );
    return rows.map(toSilence);
  }

  /** Forgets an expired silence, unless someone silenced the workload again meanwhile. */
  async forgetSilence(silence: NoticeSilence): Promise<void> {
    await this.pool.query(
      `DELETE FROM notice_silences
       WHERE cluster = $1 AND namespace = $2 AND workload = $3 AND until = $4`,
      [silence.cluster, silence.namespace, silence.workload, silence.until],
    );
  }

  /** The newest posted notices of a workload (the ones a silence line may be shown on). */
  async recentOf(
    key: Pick<NoticeKey, 'cluster' | 'namespace' | 'workload'>,
    limit: number,
  ): Promise<StoredNotice[]> {
    const { rows } = await this.pool.query<NoticeRow>(
      `SELECT ${COLUMNS} FROM rollout_notices
       WHERE cluster = $1 AND namespace = $2 AND workload = $3 AND ts IS NOT NULL
       ORDER BY revision DESC LIMIT $4`,
      [key.cluster, key.namespace, key.workload, limit],
    );
    return rows.map(toNotice);
  }

  /** Silences a workload until `silence.until` (a later click replaces an earlier silence). */
  async silence(silence: NoticeSilence, now: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO notice_silences (cluster, namespace, workload, until, silenced_by, silenced_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (cluster, namespace, workload)
       DO UPDATE SET until = EXCLUDED.until, silenced_by = EXCLUDED.silenced_by, silenced_at = EXCLUDED.silenced_at`,
      [silence.cluster, silence.namespace, silence.workload, silence.until, silence.by, now],
    );
  }

  async unsilence(key: Pick<NoticeKey, 'cluster' | 'namespace' | 'workload'>): Promise<void> {
    await this.pool.query(
      `DELETE FROM notice_silences WHERE cluster = $1 AND namespace = $2 AND workload = $3`,
      [key.cluster, key.namespace, key.workload],
    );
  }
}

interface SilenceRow {
  cluster: string;
  namespace: string;
  workload: string;
  until: Date;
  silenced_by: string;
}

function toSilence(row: SilenceRow): NoticeSilence {
  return {
    cluster: row.cluster,
    namespace: row.namespace,
    workload: row.workload,
    until: row.until,
    by: row.silenced_by,
  };
}
