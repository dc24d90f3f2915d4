// Swaps kept in Postgres: two members trade whole shifts; proposed, then confirmed or declined, or cancelled.
import type pg from 'pg';
import { UserFacingError } from '../../errors.js';
import type { Swap } from '../engine/index.js';
import { inTransaction, isUniqueViolation, parseId } from './sql.js';
import { requireInstant, requireText, rotationList } from './validate.js';

export type SwapStatus = 'pending' | 'confirmed' | 'declined' | 'cancelled';

/** The engine's Swap plus its rotation and life cycle. */
export interface StoredSwap extends Swap {
  rotation: string;
  status: SwapStatus;
  requestedBy: string;
  decidedBy?: string;
  decidedAt?: Date;
  cancelledBy?: string;
  cancelledAt?: Date;
}

export interface NewSwap {
  rotation: string;
  shiftA: Date;
  memberA: string;
  shiftB: Date;
  memberB: string;
  requestedBy: string;
  now: Date;
}

/** A shift is already traded by another swap that is pending or confirmed. */
export class SwapConflictError extends UserFacingError {
  constructor(
    readonly rotation: string,
    readonly shiftStart: Date,
    readonly conflictingSwapId: string | null,
  ) {
    super(
      `The ${rotation} shift starting ${shiftStart.toISOString()} is already part of another swap that is pending or confirmed; cancel that swap first.`,
    );
    this.name = 'SwapConflictError';
  }
}

const HELD_SHIFT_INDEX = 'oncall_swap_shifts_held_key';

interface SwapRow {
  id: string;
  rotation: string;
  shift_a: Date;
  member_a: string;
  shift_b: Date;
  member_b: string;
  status: SwapStatus;
  requested_by: string;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
}

function toSwap(row: SwapRow): StoredSwap {
  const swap: StoredSwap = {
    id: row.id,
    rotation: row.rotation,
    shiftA: row.shift_a,
    memberA: row.member_a,
    shiftB: row.shift_b,
    memberB: row.member_b,
    createdAt: row.created_at,
    status: row.status,
    requestedBy: row.requested_by,
  };
  if (row.decided_by !== null) swap.decidedBy = row.decided_by;
  if (row.decided_at !== null) swap.decidedAt = row.decided_at;
  if (row.cancelled_by !== null) swap.cancelledBy = row.cancelled_by;
  if (row.cancelled_at !== null) swap.cancelledAt = row.cancelled_at;
  return swap;
}

/** Records a pending swap; a shift already in a pending or confirmed swap is a SwapConflictError. */
export async function proposeSwap(pool: pg.Pool, input: NewSwap): Promise<StoredSwap> {
  const rotation = requireText(input.rotation, 'The rotation');
  const memberA = requireText(input.memberA, 'The first person of the swap');
  const memberB = requireText(input.memberB, 'The second person of the swap');
  const requestedBy = requireText(input.requestedBy, 'Who asks for the swap');
  const shiftA = requireInstant(input.shiftA, 'The first shift');
  const shiftB = requireInstant(input.shiftB, 'The second shift');
  if (memberA === memberB)
    throw new UserFacingError('A swap needs two different people; name someone else.');
  if (shiftA.getTime() === shiftB.getTime())
    throw new UserFacingError('A swap trades two different shifts; pick another shift.');
  try {
    return await inTransaction(pool, async (client) => {
      const { rows } = await client.query<SwapRow>(
        `INSERT INTO oncall_swaps
           (rotation, shift_a, member_a, shift_b, member_b, requested_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING *`,
        [rotation, shiftA, memberA, shiftB, memberB, requestedBy, input.now],
      );
      const swap = toSwap(rows[0] as SwapRow);
      await client.query(
        `INSERT INTO oncall_swap_shifts (swap_id, rotation, shift_start)
         VALUES ($1, $2, $3), ($1, $2, $4)`,
        [swap.id, rotation, shiftA, shiftB],
      );
      return swap;
    });
  } catch (error) {
    if (!isUniqueViolation(error, HELD_SHIFT_INDEX)) throw error;
    throw await conflictFor(pool, rotation, [shiftA, shiftB], error);
  }
}

async function conflictFor(
  pool: pg.Pool,
  rotation: string,
  shifts: Date[],
  cause: unknown,
): Promise<SwapConflictError> {
  const { rows } = await pool.query<{ swap_id: string; shift_start: Date }>(
    `SELECT swap_id, shift_start FROM oncall_swap_shifts
     WHERE rotation = $1 AND shift_start = ANY($2) AND held
     ORDER BY shift_start LIMIT 1`,
    [rotation, shifts],
  );
  const held = rows[0];
  const error = new SwapConflictError(
    rotation,
    held?.shift_start ?? (shifts[0] as Date),
    held?.swap_id ?? null,
  );
  error.cause = cause;
  return error;
}

/** Confirms or declines a pending swap, once: null when it is unknown or no longer pending. */
export async function decideSwap(
  pool: pg.Pool,
  id: string,
  decision: 'confirmed' | 'declined',
  by: string,
  now: Date,
): Promise<StoredSwap | null> {
  const key = parseId(id);
  const decider = requireText(by, 'Who decides the swap');
  if (key === null) return null;
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<SwapRow>(
      `UPDATE oncall_swaps SET status = $2, decided_by = $3, decided_at = $4
       WHERE id = $1 AND status = 'pending'
       RETURNING *`,
      [key, decision, decider, now],
    );
    const row = rows[0];
    if (!row) return null;
    if (decision === 'declined') await releaseShifts(client, key);
    return toSwap(row);
  });
}

/** Cancels a pending or confirmed swap, once: null when it is unknown or already over. */
export async function cancelSwap(
  pool: pg.Pool,
  id: string,
  by: string,
  now: Date,
): Promise<StoredSwap | null> {
  const key = parseId(id);
  const canceller = requireText(by, 'Who cancels the swap');
  if (key === null) return null;
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<SwapRow>(
      `UPDATE oncall_swaps SET status = 'cancelled', cancelled_by = $2, cancelled_at = $3
       WHERE id = $1 AND status IN ('pending', 'confirmed')
       RETURNING *`,
      [key, canceller, now],
    );
    const row = rows[0];
    if (!row) return null;
    await releaseShifts(client, key);
    return toSwap(row);
  });
}

async function releaseShifts(client: pg.PoolClient, swapId: string): Promise<void> {
  await client.query('UPDATE oncall_swap_shifts SET held = false WHERE swap_id = $1', [swapId]);
}

export async function getSwap(pool: pg.Pool, id: string): Promise<StoredSwap | null> {
  const key = parseId(id);
  if (key === null) return null;
  const { rows } = await pool.query<SwapRow>('SELECT * FROM oncall_swaps WHERE id = $1', [key]);
  return rows[0] ? toSwap(rows[0]) : null;
}

/** Swaps of these rotations in one status, oldest first (the order the engine applies them in). */
export async function swapsWithStatus(
  pool: pg.Pool,
  rotations: readonly string[],
  status: SwapStatus,
): Promise<StoredSwap[]> {
  const names = rotationList(rotations);
  if (names.length === 0) return [];
  const { rows } = await pool.query<SwapRow>(
    `SELECT * FROM oncall_swaps WHERE rotation = ANY($1) AND status = $2 ORDER BY created_at, id`,
    [names, status],
  );
  return rows.map(toSwap);
}
