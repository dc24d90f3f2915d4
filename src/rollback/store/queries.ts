// Lists of rollback requests: the open ones (App Home, cards) and the recent ones (status log, handoff).
import type { Queryable } from '../../oncall/store/sql.js';
import { toRequest, type RequestRow } from './rows.js';
import type { RollbackRequest, WorkloadFilter } from './types.js';

const MATCHES_FILTER = `($1::text IS NULL OR cluster = $1)
  AND ($2::text IS NULL OR namespace = $2)
  AND ($3::text IS NULL OR name = $3)`;

function filterParams(filter: WorkloadFilter): Array<string | null> {
  return [filter.cluster ?? null, filter.namespace ?? null, filter.name ?? null];
}

/** Pending, approved and executing requests, oldest first. */
export async function openRequests(
  q: Queryable,
  filter: WorkloadFilter = {},
): Promise<RollbackRequest[]> {
  const { rows } = await q.query<RequestRow>(
    `SELECT * FROM rollback_requests
     WHERE state IN ('pending', 'approved', 'executing') AND ${MATCHES_FILTER}
     ORDER BY requested_at, id`,
    filterParams(filter),
  );
  return rows.map(toRequest);
}

/** Requests made or closed since `since`, oldest first. */
export async function recentRequests(
  q: Queryable,
  filter: WorkloadFilter & { since: Date },
): Promise<RollbackRequest[]> {
  const { rows } = await q.query<RequestRow>(
    `SELECT * FROM rollback_requests
     WHERE (requested_at >= $4 OR finished_at >= $4) AND ${MATCHES_FILTER}
     ORDER BY requested_at, id`,
    [...filterParams(filter), filter.since],
  );
  return rows.map(toRequest);
}
