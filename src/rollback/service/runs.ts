// The run of each rollback request made from a card: the card it came from, a break-glass reason given on
// a pending request, and the rollout after the patch. Each change is one conditional statement.
import type pg from 'pg';
import { parseId } from '../../oncall/store/sql.js';

export type RolloutState = 'progressing' | 'complete' | 'stuck' | 'gone';

export interface RolloutRecord {
  state: RolloutState;
  /** The generation the patch produced; the rollout is judged once the controller observed it. */
  generation: number | null;
  startedAt: Date;
  finishedAt?: Date;
  detail?: string;
}

export interface RollbackRun {
  requestId: string;
  cardId: string;
  breakGlass?: { by: string; reason: string };
  rollout?: RolloutRecord;
  cardUpdatedAt?: Date;
}

interface RunRow {
  request_id: string;
  card_id: string;
  break_glass_by: string | null;
  break_glass_reason: string | null;
  rollout_state: RolloutState | null;
  rollout_generation: string | null;
  rollout_started_at: Date | null;
  rollout_finished_at: Date | null;
  rollout_detail: string | null;
  card_updated_at: Date | null;
}

function toRun(row: RunRow): RollbackRun {
  const run: RollbackRun = { requestId: row.request_id, cardId: row.card_id };
  if (row.break_glass_by !== null && row.break_glass_reason !== null)
    run.breakGlass = { by: row.break_glass_by, reason: row.break_glass_reason };
  if (row.rollout_state !== null && row.rollout_started_at !== null) {
    run.rollout = {
      state: row.rollout_state,
      generation: row.rollout_generation === null ? null : Number(row.rollout_generation),
      startedAt: row.rollout_started_at,
      ...(row.rollout_finished_at ? { finishedAt: row.rollout_finished_at } : {}),
      ...(row.rollout_detail !== null ? { detail: row.rollout_detail } : {}),
    };
  }
  if (row.card_updated_at !== null) run.cardUpdatedAt = row.card_updated_at;
  return run;
}

export class RunStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Ties a new request to the card it was made from. */
  async link(requestId: string, cardId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO rollback_runs (request_id, card_id) VALUES ($1, $2)
       ON CONFLICT (request_id) DO NOTHING`,
      [requestId, cardId],
    );
  }

  async get(requestId: string): Promise<RollbackRun | null> {
    const key = parseId(requestId);
    if (key === null) return null;
    const { rows } = await this.pool.query<RunRow>(
      'SELECT * FROM rollback_runs WHERE request_id = $1',
      [key],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async recordBreakGlass(requestId: string, by: string, reason: string): Promise<void> {
    await this.pool.query(
      `UPDATE rollback_runs SET break_glass_by = $2, break_glass_reason = $3
       WHERE request_id = $1 AND break_glass_by IS NULL`,
      [requestId, by, reason],
    );
  }

  /** The patch went through: follow the rollout from now on. */
  async startRollout(
    requestId: string,
    generation: number | null,
    detail: string,
    now: Date,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE rollback_runs SET rollout_state = 'progressing', rollout_generation = $2,
         rollout_detail = $3, rollout_started_at = $4, card_updated_at = $4
       WHERE request_id = $1 AND rollout_state IS NULL`,
      [requestId, generation, detail, now],
    );
  }

  /** Rollouts still progressing, oldest first. */
  async following(): Promise<RollbackRun[]> {
    const { rows } = await this.pool.query<RunRow>(
      `SELECT * FROM rollback_runs WHERE rollout_state = 'progressing'
       ORDER BY rollout_started_at, request_id`,
    );
    return rows.map(toRun);
  }

  /**
   * A new progress line, taken by one replica at most every `intervalMs`: true when this caller
   * should rewrite the card.
   */
  async progress(requestId: string, detail: string, now: Date, intervalMs: number) {
    const { rowCount } = await this.pool.query(
      `UPDATE rollback_runs SET rollout_detail = $2, card_updated_at = $3
       WHERE request_id = $1 AND rollout_state = 'progressing'
         AND rollout_detail IS DISTINCT FROM $2
         AND (card_updated_at IS NULL OR card_updated_at <= $3::timestamptz - make_interval(secs => $4))`,
      [requestId, detail, now, intervalMs / 1000],
    );
    return rowCount === 1;
  }

  /** progressing → complete, stuck or gone, once: true for the caller that made the change. */
  async finishRollout(
    requestId: string,
    state: Exclude<RolloutState, 'progressing'>,
    detail: string,
    now: Date,
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE rollback_runs SET rollout_state = $2, rollout_detail = $3, rollout_finished_at = $4,
         card_updated_at = $4
       WHERE request_id = $1 AND rollout_state = 'progressing'`,
      [requestId, state, detail, now],
    );
    return rowCount === 1;
  }
}
