// The rollback audit trail: every request, decision, execution step, result and refusal, appended.
import type { Queryable } from '../../oncall/store/sql.js';
import type { Workload } from '../store/workload.js';

export const AUDIT_ACTIONS = [
  'requested',
  'approved',
  'rejected',
  'expired',
  'break-glass',
  'executing',
  'patched',
  'succeeded',
  'failed',
  'refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The actor of steps the bot takes on its own (expiry, execution, results). */
export const BOT_ACTOR = 'watchkeeper';

export interface NewAuditEntry {
  /** Absent for a refusal that never became a request. */
  requestId?: string;
  at: Date;
  /** A Slack user id, or BOT_ACTOR. */
  actor: string;
  action: AuditAction;
  workload: Workload;
  details?: Record<string, unknown>;
}

export interface AuditEntry extends NewAuditEntry {
  id: string;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  cluster?: string;
  namespace?: string;
  name?: string;
  /** Entries at or after this instant. */
  since: Date;
  /** At most this many entries, the newest ones (default 1000). */
  limit?: number;
}

const DEFAULT_LIMIT = 1000;

interface AuditRow {
  id: string;
  request_id: string | null;
  at: Date;
  actor: string;
  action: AuditAction;
  cluster: string;
  namespace: string;
  kind: Workload['kind'];
  name: string;
  details: Record<string, unknown>;
}

function toEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    workload: { cluster: row.cluster, namespace: row.namespace, kind: row.kind, name: row.name },
    details: row.details,
  };
  if (row.request_id !== null) entry.requestId = row.request_id;
  return entry;
}

/** Appends one entry; for steps the executor takes ('patched') and refusals the policy gives ('refused'). */
export async function recordAudit(q: Queryable, entry: NewAuditEntry): Promise<AuditEntry> {
  const { workload } = entry;
  const { rows } = await q.query<AuditRow>(
    `INSERT INTO rollback_audit (request_id, at, actor, action, cluster, namespace, kind, name, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING *`,
    [
      entry.requestId ?? null,
      entry.at,
      entry.actor,
      entry.action,
      workload.cluster,
      workload.namespace,
      workload.kind,
      workload.name,
      JSON.stringify(entry.details ?? {}),
    ],
  );
  return toEntry(rows[0] as AuditRow);
}

/** The trail for `/k8s audit [ns/name] [--days N]`, oldest first. */
export async function auditTrail(q: Queryable, filter: AuditFilter): Promise<AuditEntry[]> {
  const { rows } = await q.query<AuditRow>(
    `SELECT * FROM (
       SELECT * FROM rollback_audit
       WHERE at >= $1
         AND ($2::text IS NULL OR cluster = $2)
         AND ($3::text IS NULL OR namespace = $3)
         AND ($4::text IS NULL OR name = $4)
       ORDER BY at DESC, id DESC
       LIMIT $5
     ) newest
     ORDER BY at, id`,
    [
      filter.since,
      filter.cluster ?? null,
      filter.namespace ?? null,
      filter.name ?? null,
      filter.limit ?? DEFAULT_LIMIT,
    ],
  );
  return rows.map(toEntry);
}

/**
 * The audit insert that rides along with a state change: `WITH changed AS (<statement>)` followed by
 * this appends one entry per changed row in the same statement, so the change and its entry commit
 * together. `at`, `actor` and `details` are SQL over the changed row's columns; `action` a parameter.
 */
export function auditChangedRows(parts: {
  at: string;
  actor: string;
  action: string;
  details: string;
}): string {
  return `INSERT INTO rollback_audit (request_id, at, actor, action, cluster, namespace, kind, name, details)
     SELECT id, ${parts.at}, ${parts.actor}, ${parts.action}, cluster, namespace, kind, name, ${parts.details}
     FROM changed`;
}
