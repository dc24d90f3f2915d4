// The status log in Postgres: entries, open items and the daily posts whose threads collect replies.
import type pg from 'pg';
import { UserFacingError } from '../errors.js';

export interface LogEntry {
  id: string;
  team: string;
  author: string;
  body: string;
  createdAt: Date;
  open: boolean;
  closedAt?: Date;
  closedBy?: string;
  source: 'command' | 'thread';
}

export interface NewLogEntry {
  team: string;
  author: string;
  body: string;
  open?: boolean;
  source: 'command' | 'thread';
  slack?: { channel: string; ts: string };
  now: Date;
}

interface EntryRow {
  id: string;
  team: string;
  author: string;
  body: string;
  created_at: Date;
  is_open: boolean;
  closed_at: Date | null;
  closed_by: string | null;
  source: 'command' | 'thread';
}

const toEntry = (row: EntryRow): LogEntry => ({
  id: String(row.id),
  team: row.team,
  author: row.author,
  body: row.body,
  createdAt: row.created_at,
  open: row.is_open,
  closedAt: row.closed_at ?? undefined,
  closedBy: row.closed_by ?? undefined,
  source: row.source,
});

export const maxEntryLength = 3000;

export class LogStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Adds an entry; a Slack message that was already recorded returns null instead of a duplicate. */
  async add(entry: NewLogEntry): Promise<LogEntry | null> {
    const body = entry.body.trim();
    if (body.length === 0) throw new UserFacingError('A log entry needs some text.');
    if (body.length > maxEntryLength) {
      throw new UserFacingError(
        `A log entry can be at most ${maxEntryLength.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}. Split it, or link to a document.`,
      );
    }
    const { rows } = await this.pool.query<EntryRow>(
      `INSERT INTO log_entries (team, author, body, created_at, is_open, source, slack_channel, slack_ts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (slack_channel, slack_ts) WHERE slack_ts IS NOT NULL DO NOTHING
       RETURNING *`,
      [
        entry.team,
        entry.author,
        body,
        entry.now,
        entry.open ?? false,
        entry.source,
        entry.slack?.channel ?? null,
        entry.slack?.ts ?? null,
      ],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** Closes an open item once; null when it is unknown, not an open item, or already closed. */
  async close(team: string, id: string, by: string, now: Date): Promise<LogEntry | null> {
    if (!/^[1-9]\d{0,17}$/.test(id)) return null;
    const { rows } = await this.pool.query<EntryRow>(
      `UPDATE log_entries SET closed_at = $4, closed_by = $3
       WHERE id = $1 AND team = $2 AND is_open AND closed_at IS NULL RETURNING *`,
      [id, team, by, now],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async get(id: string): Promise<LogEntry | null> {
    if (!/^[1-9]\d{0,17}$/.test(id)) return null;
    const { rows } = await this.pool.query<EntryRow>('SELECT * FROM log_entries WHERE id = $1', [
      id,
    ]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async between(team: string, from: Date, to: Date): Promise<LogEntry[]> {
    const { rows } = await this.pool.query<EntryRow>(
      'SELECT * FROM log_entries WHERE team = $1 AND created_at >= $2 AND created_at < $3 ORDER BY created_at, id',
      [team, from, to],
    );
    return rows.map(toEntry);
  }

  async openItems(team: string): Promise<LogEntry[]> {
    const { rows } = await this.pool.query<EntryRow>(
      'SELECT * FROM log_entries WHERE team = $1 AND is_open AND closed_at IS NULL ORDER BY created_at, id',
      [team],
    );
    return rows.map(toEntry);
  }

  /** The team whose daily status post this is (a sent 'daily-status' scheduled post), or null. */
  async teamOfStatusThread(channel: string, ts: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ team: string }>(
      `SELECT team FROM scheduled_posts
       WHERE kind = 'daily-status' AND channel = $1 AND message_ts = $2 AND state = 'sent'`,
      [channel, ts],
    );
    return rows[0]?.team ?? null;
  }
}
