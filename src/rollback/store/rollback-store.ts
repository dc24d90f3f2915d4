// The rollback store's facade: one object over the pool, one method per question or state change.
import type pg from 'pg';
import {
  auditTrail,
  recordAudit,
  type AuditEntry,
  type AuditFilter,
  type NewAuditEntry,
} from '../audit/audit-log.js';
import { attachCard, createRequest, getRequest } from './create.js';
import { approve, expireDue, reject } from './decide.js';
import { claimExecution, failInterrupted, finish } from './execute.js';
import { openRequests, recentRequests } from './queries.js';
import type { NewRollbackRequest, RollbackRequest, WorkloadFilter } from './types.js';
import { whyUnchanged } from './why-unchanged.js';

/**
 * Rollback requests and their audit trail in Postgres. Every state change is one conditional
 * statement that also appends its audit entry, so double clicks, concurrent approvers and several
 * replicas change a request once; a change that did not apply returns null (see `whyUnchanged`).
 */
export class RollbackStore {
  constructor(private readonly pool: pg.Pool) {}

  createRequest(input: NewRollbackRequest, now: Date): Promise<RollbackRequest> {
    return createRequest(this.pool, input, now);
  }
  attachCard(id: string, channel: string, ts: string): Promise<boolean> {
    return attachCard(this.pool, id, channel, ts);
  }
  get(id: string): Promise<RollbackRequest | null> {
    return getRequest(this.pool, id);
  }

  approve(id: string, by: string, now: Date): Promise<RollbackRequest | null> {
    return approve(this.pool, id, by, now);
  }
  reject(id: string, by: string, now: Date): Promise<RollbackRequest | null> {
    return reject(this.pool, id, by, now);
  }
  expireDue(now: Date): Promise<RollbackRequest[]> {
    return expireDue(this.pool, now);
  }

  claimExecution(id: string, now: Date): Promise<RollbackRequest | null> {
    return claimExecution(this.pool, id, now);
  }
  finish(
    id: string,
    outcome: 'succeeded' | 'failed',
    result: string,
    now: Date,
  ): Promise<RollbackRequest | null> {
    return finish(this.pool, id, outcome, result, now);
  }
  failInterrupted(cutoff: Date, now: Date): Promise<RollbackRequest[]> {
    return failInterrupted(this.pool, cutoff, now);
  }

  /** Why a change of request `id` returned null, as one sentence read from its current state. */
  async whyUnchanged(id: string, now: Date): Promise<string> {
    return whyUnchanged(await getRequest(this.pool, id), now);
  }

  openRequests(filter: WorkloadFilter = {}): Promise<RollbackRequest[]> {
    return openRequests(this.pool, filter);
  }
  recent(filter: WorkloadFilter & { since: Date }): Promise<RollbackRequest[]> {
    return recentRequests(this.pool, filter);
  }

  /** Appends an audit entry of a step the store does not take itself ('patched', 'refused'). */
  record(entry: NewAuditEntry): Promise<AuditEntry> {
    return recordAudit(this.pool, entry);
  }
  auditTrail(filter: AuditFilter): Promise<AuditEntry[]> {
    return auditTrail(this.pool, filter);
  }
}
