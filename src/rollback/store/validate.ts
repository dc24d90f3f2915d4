// Checks on a new rollback request before it is written; what a user could get wrong is a UserFacingError.
import { UserFacingError } from '../../errors.js';
import { checkBreakGlassReason } from '../policy/break-glass-reason.js';
import type { NewRollbackRequest } from './types.js';
import { ROLLBACK_KINDS, workloadLabel } from './workload.js';

function text(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new Error(`${what} of a rollback request is empty`);
  return trimmed;
}

function revision(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${what} of a rollback request is not a positive integer: ${value}`);
  return value;
}

/** The request with its texts trimmed; programming mistakes are plain Errors. */
export function checkNewRequest(input: NewRollbackRequest, now: Date): NewRollbackRequest {
  const workload = {
    cluster: text(input.workload.cluster, 'The cluster'),
    namespace: text(input.workload.namespace, 'The namespace'),
    kind: input.workload.kind,
    name: text(input.workload.name, 'The name'),
  };
  if (!ROLLBACK_KINDS.includes(workload.kind))
    throw new Error(`A rollback request cannot be about a ${String(workload.kind)}`);
  const fromRevision = revision(input.fromRevision, 'The current revision');
  const toRevision = revision(input.toRevision, 'The target revision');
  if (fromRevision === toRevision)
    throw new UserFacingError(
      `${workloadLabel(workload)} is already at revision ${toRevision}; there is nothing to roll back.`,
    );
  const { generation } = input.snapshot;
  if (generation !== undefined && (!Number.isSafeInteger(generation) || generation < 0))
    throw new Error(`The generation of a rollback request is not an integer: ${generation}`);
  if (!(input.expiresAt.getTime() > now.getTime()))
    throw new Error('A rollback request must expire after it is made');
  const checked: NewRollbackRequest = {
    ...input,
    workload,
    requestedBy: text(input.requestedBy, 'The requester'),
  };
  if (input.breakGlass) {
    const reason = checkBreakGlassReason(input.breakGlass.reason);
    if (!reason.ok) throw new UserFacingError(reason.problem);
    checked.breakGlass = { reason: reason.reason };
  }
  return checked;
}
