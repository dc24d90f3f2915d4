// One state change of a rollback request and its audit entry, written by a single SQL statement.
import type { Queryable } from '../../oncall/store/sql.js';
import { auditChangedRows, type AuditAction } from '../audit/audit-log.js';
import { toRequest, type RequestRow } from './rows.js';
import type { RollbackRequest } from './types.js';

export interface Transition {
  /** An INSERT or a conditional UPDATE of rollback_requests ending in `RETURNING *`. */
  statement: string;
  params: unknown[];
  /** What the audit entry of each changed row says; SQL over the row's columns. */
  audit: { at: string; actor: string; details: string };
  action: AuditAction;
}

/**
 * Runs the change and appends its audit entry in the same statement (a data-modifying CTE), so
 * either both happen or neither. Returns the changed rows: none when the condition did not hold.
 */
export async function transition(q: Queryable, change: Transition): Promise<RollbackRequest[]> {
  const params = [...change.params, change.action];
  const action = `$${params.length}`;
  const { rows } = await q.query<RequestRow>(
    `WITH changed AS (${change.statement}),
     logged AS (${auditChangedRows({ ...change.audit, action })})
     SELECT * FROM changed ORDER BY id`,
    params,
  );
  return rows.map(toRequest);
}

/** The audit details of a request's revisions, as SQL over its columns. */
export const REVISIONS_DETAILS = `jsonb_build_object('fromRevision', from_revision, 'toRevision', to_revision)`;
