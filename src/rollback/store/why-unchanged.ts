// Why a state change did not apply, in one sentence: the request's state as it is now.
import { slackDate } from '../../slack/date-token.js';
import type { RollbackRequest } from './types.js';
import { workloadLabel } from './workload.js';

/**
 * Says where the request stands, for a click whose change returned null: "Rollback request r12
 * for shop/web was already approved by <@U0BOB0001> at …". `null` is a request that does not exist.
 */
export function whyUnchanged(request: RollbackRequest | null, now: Date): string {
  if (!request) return 'That rollback request does not exist.';
  const what = `Rollback request r${request.id} for ${workloadLabel(request.workload)}`;
  const by = request.decidedBy ? `<@${request.decidedBy}>` : 'someone';
  const decidedAt = request.decidedAt ? ` at ${slackDate(request.decidedAt)}` : '';
  const finishedAt = request.finishedAt ? ` at ${slackDate(request.finishedAt)}` : '';
  switch (request.state) {
    case 'pending':
      return request.expiresAt.getTime() <= now.getTime()
        ? `${what} expired at ${slackDate(request.expiresAt)} without an approval.`
        : `${what} is still waiting for approval.`;
    case 'approved':
      return request.breakGlass
        ? `${what} was already started without approval by ${by}${decidedAt} (break-glass).`
        : `${what} was already approved by ${by}${decidedAt}.`;
    case 'executing':
      return `${what} is being carried out right now (approved by ${by}${decidedAt}).`;
    case 'succeeded':
      return `${what} already rolled back to revision ${request.toRevision}${finishedAt}.`;
    case 'failed':
      return `${what} already ran and failed${finishedAt}: ${request.result ?? 'no reason was recorded.'}`;
    case 'rejected':
      return `${what} was already rejected by ${by}${decidedAt}.`;
    case 'expired':
      return `${what} expired at ${slackDate(request.expiresAt)} without an approval.`;
  }
}
