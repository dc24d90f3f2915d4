// Opening a rollback request (one open request per workload), its card, and reading one back.
import { UserFacingError } from '../../errors.js';
import { isUniqueViolation, parseId, type Queryable } from '../../oncall/store/sql.js';
import { toRequest, type RequestRow } from './rows.js';
import { REVISIONS_DETAILS, transition } from './transition.js';
import type { NewRollbackRequest, RollbackRequest } from './types.js';
import { checkNewRequest } from './validate.js';
import { workloadLabel, type Workload } from './workload.js';

const OPEN_KEY = 'rollback_requests_open_key';

/** Refusal of a second open request for a workload; `open` is the one to act on instead. */
export class OpenRequestExistsError extends UserFacingError {
  constructor(readonly open: RollbackRequest) {
    super(openRequestSentence(open));
    this.name = 'OpenRequestExistsError';
  }
}

function openRequestSentence(open: RollbackRequest): string {
  const what = `${workloadLabel(open.workload)} (r${open.id})`;
  switch (open.state) {
    case 'pending':
      return `There is already a pending rollback request for ${what} — approve or reject that one.`;
    case 'approved':
      return `A rollback of ${what} was already approved and is about to run; wait for it to finish.`;
    default:
      return `${what} is being rolled back right now; wait for it to finish.`;
  }
}

/**
 * Opens a request: pending until approved, rejected or expired, or (break-glass) approved by its
 * requester at once. A second open request for the same workload is an OpenRequestExistsError.
 */
export async function createRequest(
  q: Queryable,
  input: NewRollbackRequest,
  now: Date,
): Promise<RollbackRequest> {
  const request = checkNewRequest(input, now);
  // The open request that blocked this one may close before it is read; then the insert is tried again.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      return await insertRequest(q, request, now);
    } catch (error) {
      if (!isUniqueViolation(error, OPEN_KEY)) throw error;
      const open = await openRequestFor(q, request.workload);
      if (open) throw new OpenRequestExistsError(open);
    }
  }
  throw new UserFacingError(
    `Another rollback request for ${workloadLabel(request.workload)} was opened and closed just now; try again.`,
  );
}

async function insertRequest(
  q: Queryable,
  input: NewRollbackRequest,
  now: Date,
): Promise<RollbackRequest> {
  const { workload, snapshot, breakGlass } = input;
  const [created] = await transition(q, {
    statement: `INSERT INTO rollback_requests (
         cluster, namespace, kind, name, from_revision, to_revision, resource_version, generation,
         template_hash, requested_by, requested_at, break_glass, reason, state, decided_by,
         decided_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
         CASE WHEN $12 THEN 'approved' ELSE 'pending' END,
         CASE WHEN $12 THEN $10 END,
         CASE WHEN $12 THEN $11::timestamptz END,
         $14)
       RETURNING *`,
    params: [
      workload.cluster,
      workload.namespace,
      workload.kind,
      workload.name,
      input.fromRevision,
      input.toRevision,
      snapshot.resourceVersion ?? null,
      snapshot.generation ?? null,
      snapshot.templateHash ?? null,
      input.requestedBy,
      now,
      breakGlass !== undefined,
      breakGlass?.reason ?? null,
      input.expiresAt,
    ],
    action: breakGlass ? 'break-glass' : 'requested',
    audit: {
      at: 'requested_at',
      actor: 'requested_by',
      details: `${REVISIONS_DETAILS} || jsonb_strip_nulls(jsonb_build_object(
        'resourceVersion', resource_version, 'expiresAt', expires_at, 'reason', reason))`,
    },
  });
  return created as RollbackRequest;
}

async function openRequestFor(q: Queryable, workload: Workload): Promise<RollbackRequest | null> {
  const { rows } = await q.query<RequestRow>(
    `SELECT * FROM rollback_requests
     WHERE cluster = $1 AND namespace = $2 AND kind = $3 AND name = $4
       AND state IN ('pending', 'approved', 'executing')`,
    [workload.cluster, workload.namespace, workload.kind, workload.name],
  );
  return rows[0] ? toRequest(rows[0]) : null;
}

/** Remembers the Slack message that shows the request; false for an unknown id. */
export async function attachCard(
  q: Queryable,
  id: string,
  channel: string,
  ts: string,
): Promise<boolean> {
  const key = parseId(id);
  if (key === null) return false;
  const { rowCount } = await q.query(
    'UPDATE rollback_requests SET channel = $2, message_ts = $3 WHERE id = $1',
    [key, channel, ts],
  );
  return rowCount === 1;
}

export async function getRequest(q: Queryable, id: string): Promise<RollbackRequest | null> {
  const key = parseId(id);
  if (key === null) return null;
  const { rows } = await q.query<RequestRow>('SELECT * FROM rollback_requests WHERE id = $1', [
    key,
  ]);
  return rows[0] ? toRequest(rows[0]) : null;
}
