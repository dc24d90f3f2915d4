// The rollback_requests row and its translation into a RollbackRequest.
import type { RollbackRequest, RollbackState } from './types.js';
import type { RollbackKind } from './workload.js';

export interface RequestRow {
  id: string;
  cluster: string;
  namespace: string;
  kind: RollbackKind;
  name: string;
  from_revision: string;
  to_revision: string;
  resource_version: string | null;
  generation: string | null;
  template_hash: string | null;
  requested_by: string;
  requested_at: Date;
  break_glass: boolean;
  reason: string | null;
  state: RollbackState;
  decided_by: string | null;
  decided_at: Date | null;
  expires_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  result: string | null;
  channel: string | null;
  message_ts: string | null;
}

export function toRequest(row: RequestRow): RollbackRequest {
  const request: RollbackRequest = {
    id: row.id,
    workload: { cluster: row.cluster, namespace: row.namespace, kind: row.kind, name: row.name },
    fromRevision: Number(row.from_revision),
    toRevision: Number(row.to_revision),
    snapshot: {},
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    breakGlass: row.break_glass,
    state: row.state,
    expiresAt: row.expires_at,
  };
  if (row.resource_version !== null) request.snapshot.resourceVersion = row.resource_version;
  if (row.generation !== null) request.snapshot.generation = Number(row.generation);
  if (row.template_hash !== null) request.snapshot.templateHash = row.template_hash;
  if (row.reason !== null) request.reason = row.reason;
  if (row.decided_by !== null) request.decidedBy = row.decided_by;
  if (row.decided_at !== null) request.decidedAt = row.decided_at;
  if (row.started_at !== null) request.startedAt = row.started_at;
  if (row.finished_at !== null) request.finishedAt = row.finished_at;
  if (row.result !== null) request.result = row.result;
  if (row.channel !== null && row.message_ts !== null)
    request.card = { channel: row.channel, ts: row.message_ts };
  return request;
}
