// The rollback audit trail's public surface.
export { AUDIT_ACTIONS, BOT_ACTOR, auditTrail, recordAudit } from './audit-log.js';
export type { AuditAction, AuditEntry, AuditFilter, NewAuditEntry } from './audit-log.js';
