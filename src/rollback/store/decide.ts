// The decisions on a pending request: approved or rejected by a person, or expired by the clock.
import { parseId, type Queryable } from '../../oncall/store/sql.js';
import { BOT_ACTOR } from '../audit/audit-log.js';
import { REVISIONS_DETAILS, transition } from './transition.js';
import type { RollbackRequest } from './types.js';

/**
 * pending → approved, only before it expires: the one click that gets the row back approved it;
 * every other gets null (see `whyUnchanged`). Whether `by` may approve is the policy's question.
 */
export async function approve(
  q: Queryable,
  id: string,
  by: string,
  now: Date,
): Promise<RollbackRequest | null> {
  return decide(q, id, by, now, 'approved');
}

/** pending → rejected, only before it expires; null when it was no longer pending. */
export async function reject(
  q: Queryable,
  id: string,
  by: string,
  now: Date,
): Promise<RollbackRequest | null> {
  return decide(q, id, by, now, 'rejected');
}

async function decide(
  q: Queryable,
  id: string,
  by: string,
  now: Date,
  decision: 'approved' | 'rejected',
): Promise<RollbackRequest | null> {
  const key = parseId(id);
  if (key === null) return null;
  const [changed] = await transition(q, {
    statement: `UPDATE rollback_requests
       SET state = $4, decided_by = $2, decided_at = $3,
           finished_at = CASE WHEN $4 = 'rejected' THEN $3::timestamptz END
       WHERE id = $1 AND state = 'pending' AND expires_at > $3
       RETURNING *`,
    params: [key, by, now, decision],
    action: decision,
    audit: {
      at: 'decided_at',
      actor: 'decided_by',
      details: `${REVISIONS_DETAILS} || jsonb_build_object('requestedBy', requested_by)`,
    },
  });
  return changed ?? null;
}

/**
 * Pending requests whose time is up become expired, each exactly once however many replicas ask;
 * they are returned (oldest first) so their cards can say so.
 */
export async function expireDue(q: Queryable, now: Date): Promise<RollbackRequest[]> {
  return transition(q, {
    statement: `UPDATE rollback_requests SET state = 'expired', finished_at = $1
       WHERE state = 'pending' AND expires_at <= $1
       RETURNING *`,
    params: [now],
    action: 'expired',
    audit: {
      at: 'finished_at',
      actor: `'${BOT_ACTOR}'`,
      details: `${REVISIONS_DETAILS} || jsonb_build_object('expiresAt', expires_at)`,
    },
  });
}
