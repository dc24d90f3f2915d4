// Running an approved rollback: claimed by exactly one caller, then finished with its result.
import { parseId, type Queryable } from '../../oncall/store/sql.js';
import { BOT_ACTOR } from '../audit/audit-log.js';
import { REVISIONS_DETAILS, transition } from './transition.js';
import type { RollbackRequest } from './types.js';

/** Longest result kept; it is shown in the card, next to other text. */
export const MAX_RESULT_LENGTH = 2000;

/**
 * approved → executing. The one caller that gets the row back runs the rollback; every other
 * (double clicks, a second replica) gets null. This is what makes a rollback happen exactly once.
 */
export async function claimExecution(
  q: Queryable,
  id: string,
  now: Date,
): Promise<RollbackRequest | null> {
  const key = parseId(id);
  if (key === null) return null;
  const [claimed] = await transition(q, {
    statement: `UPDATE rollback_requests SET state = 'executing', started_at = $2
       WHERE id = $1 AND state = 'approved'
       RETURNING *`,
    params: [key, now],
    action: 'executing',
    audit: {
      at: 'started_at',
      actor: `'${BOT_ACTOR}'`,
      details: `${REVISIONS_DETAILS} || jsonb_build_object('approvedBy', decided_by)`,
    },
  });
  return claimed ?? null;
}

/** executing → succeeded or failed, with what happened in a sentence; null when it was not executing. */
export async function finish(
  q: Queryable,
  id: string,
  outcome: 'succeeded' | 'failed',
  result: string,
  now: Date,
): Promise<RollbackRequest | null> {
  const key = parseId(id);
  if (key === null) return null;
  const [finished] = await transition(q, {
    statement: `UPDATE rollback_requests SET state = $2, result = $3, finished_at = $4
       WHERE id = $1 AND state = 'executing'
       RETURNING *`,
    params: [key, outcome, shorten(result), now],
    action: outcome,
    audit: {
      at: 'finished_at',
      actor: `'${BOT_ACTOR}'`,
      details: `${REVISIONS_DETAILS} || jsonb_build_object('result', result)`,
    },
  });
  return finished ?? null;
}

/**
 * Requests left approved or executing since before `cutoff` (the bot stopped between two steps)
 * are closed as failed, so their workload can be rolled back again; returned to update their cards.
 * Pick a cutoff well past the longest rollback patch (minutes), or a slow one is cut short.
 */
export async function failInterrupted(
  q: Queryable,
  cutoff: Date,
  now: Date,
): Promise<RollbackRequest[]> {
  return transition(q, {
    statement: `UPDATE rollback_requests SET state = 'failed', finished_at = $2,
         result = CASE state
           WHEN 'executing' THEN $3
           ELSE $4
         END
       WHERE (state = 'executing' AND started_at < $1) OR (state = 'approved' AND decided_at < $1)
       RETURNING *`,
    params: [cutoff, now, INTERRUPTED_EXECUTING, INTERRUPTED_APPROVED],
    action: 'failed',
    audit: {
      at: 'finished_at',
      actor: `'${BOT_ACTOR}'`,
      details: `${REVISIONS_DETAILS} || jsonb_build_object('result', result)`,
    },
  });
}

const INTERRUPTED_EXECUTING =
  'The bot stopped while rolling back; check the workload before trying again.';
const INTERRUPTED_APPROVED =
  'The bot stopped before the approved rollback started; nothing was changed.';

function shorten(result: string): string {
  const text = result.trim() || 'No result was given.';
  return text.length <= MAX_RESULT_LENGTH ? text : `${text.slice(0, MAX_RESULT_LENGTH - 1)}…`;
}
