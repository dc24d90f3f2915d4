// Whether a new revision is a rollback Watchkeeper carried out, so its notice names the request and never
// offers to "roll back" to the revision just rolled away from. Pure.
import type { RollbackRequest } from '../rollback/store/index.js';
import type { NoticeKey, NoticeMadeByRollback } from './types.js';

/** How long after a rollback started its revision can still be recognised as that rollback. */
export const ROLLBACK_MATCH_MS = 60 * 60_000;

/**
 * The request behind revision `key.revision`, whose previous revision is `previousRevision`: a rollback of
 * the same Deployment being carried out or done (a notice opens while its rollback is still executing)
 * from that previous revision, started within ROLLBACK_MATCH_MS before `now`. A failed request is left
 * out: one refused because someone else deployed at that moment must not claim their revision.
 */
export function rollbackBehind(
  requests: readonly RollbackRequest[],
  key: NoticeKey,
  previousRevision: number | null,
  now: Date,
): NoticeMadeByRollback | null {
  if (previousRevision === null) return null;
  const match = requests
    .filter(
      (r) =>
        r.workload.kind === 'Deployment' &&
        r.workload.cluster === key.cluster &&
        r.workload.namespace === key.namespace &&
        r.workload.name === key.workload &&
        ['executing', 'succeeded'].includes(r.state) &&
        r.fromRevision === previousRevision &&
        r.toRevision < key.revision &&
        r.startedAt !== undefined &&
        r.startedAt.getTime() <= now.getTime() &&
        now.getTime() - r.startedAt.getTime() <= ROLLBACK_MATCH_MS,
    )
    .sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0))[0];
  if (!match) return null;
  return {
    requestId: match.id,
    requestedBy: match.requestedBy,
    approvedBy: match.breakGlass ? null : (match.decidedBy ?? null),
    breakGlass: match.breakGlass,
  };
}
