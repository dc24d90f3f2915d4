// Handoff notes, acknowledgements and nudges in Postgres; each happens once per handoff post.
import type pg from 'pg';
import { UserFacingError } from '../errors.js';

export interface HandoffNote {
  author: string;
  note: string;
  writtenAt: Date;
}

export interface SentHandoff {
  key: string;
  rotation: string;
  channel: string;
  ts: string;
  scheduledAt: Date;
}

export class HandoffStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Saves (or replaces, until the handoff is posted) the outgoing person's note. */
  async saveNote(postKey: string, author: string, note: string, now: Date): Promise<void> {
    const text = note.trim();
    if (text.length === 0)
      throw new UserFacingError(
        'The handoff note is empty; write a line or two, or close the form.',
      );
    if (text.length > 2000)
      throw new UserFacingError(
        `A handoff note can be at most 2,000 characters; this one has ${text.length.toLocaleString('en')}.`,
      );
    await this.pool.query(
      `INSERT INTO handoff_notes (post_key, author, note, written_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (post_key) DO UPDATE SET author = EXCLUDED.author, note = EXCLUDED.note, written_at = EXCLUDED.written_at`,
      [postKey, author, text, now],
    );
  }

  async note(postKey: string): Promise<HandoffNote | null> {
    const { rows } = await this.pool.query<{ author: string; note: string; written_at: Date }>(
      'SELECT author, note, written_at FROM handoff_notes WHERE post_key = $1',
      [postKey],
    );
    const row = rows[0];
    return row ? { author: row.author, note: row.note, writtenAt: row.written_at } : null;
  }

  /** Records the acknowledgement once; returns who acknowledged first (the caller, or someone before). */
  async acknowledge(
    postKey: string,
    by: string,
    now: Date,
  ): Promise<{ first: boolean; by: string; at: Date }> {
    const inserted = await this.pool.query<{ acked_by: string; acked_at: Date }>(
      `INSERT INTO handoff_acks (post_key, acked_by, acked_at) VALUES ($1, $2, $3)
       ON CONFLICT (post_key) DO NOTHING RETURNING acked_by, acked_at`,
      [postKey, by, now],
    );
    const row = inserted.rows[0] ?? (await this.ack(postKey));
    if (!row) throw new Error(`acknowledgement of ${postKey} vanished`);
    return { first: inserted.rows.length === 1, by: row.acked_by, at: row.acked_at };
  }

  private async ack(postKey: string) {
    const { rows } = await this.pool.query<{ acked_by: string; acked_at: Date }>(
      'SELECT acked_by, acked_at FROM handoff_acks WHERE post_key = $1',
      [postKey],
    );
    return rows[0];
  }

  /** Handoff posts sent before `sentBefore` that nobody acknowledged and that were not nudged yet. */
  async unacknowledged(sentBefore: Date, sentAfter: Date): Promise<SentHandoff[]> {
    const { rows } = await this.pool.query<{
      key: string;
      rotation: string;
      channel: string;
      message_ts: string;
      scheduled_at: Date;
    }>(
      `SELECT p.key, p.rotation, p.channel, p.message_ts, p.scheduled_at FROM scheduled_posts p
       WHERE p.kind = 'handoff' AND p.state = 'sent' AND p.message_ts IS NOT NULL
         AND p.sent_at < $1 AND p.sent_at >= $2
         AND NOT EXISTS (SELECT 1 FROM handoff_acks a WHERE a.post_key = p.key)
         AND NOT EXISTS (SELECT 1 FROM handoff_nudges n WHERE n.post_key = p.key)
       ORDER BY p.scheduled_at`,
      [sentBefore, sentAfter],
    );
    return rows.map((r) => ({
      key: r.key,
      rotation: r.rotation,
      channel: r.channel,
      ts: r.message_ts,
      scheduledAt: r.scheduled_at,
    }));
  }

  /** Claims the one nudge of a handoff; false when another replica already nudged. */
  async claimNudge(postKey: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO handoff_nudges (post_key, nudged_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [postKey, now],
    );
    return rowCount === 1;
  }
}
