// The rollback engine's public surface: pure decisions about `kubectl rollout undo`, no I/O.
export { planRollback } from './plan.js';
export {
  currentRevision,
  revisionsOf,
  CHANGE_CAUSE_ANNOTATION,
  REVISION_ANNOTATION,
} from './revisions.js';
export { isStale, snapshotOf, templateDigest } from './stale.js';
export type { CardSnapshot, StaleCheck } from './stale.js';
export { gitopsManager, gitopsSentence } from './gitops.js';
export type { GitopsManager } from './gitops.js';
export { describeChange } from './describe-change.js';
export type { TemplateChange } from './describe-change.js';
export type {
  GitopsPolicy,
  JsonPatchOp,
  PatchPlan,
  RefusalReason,
  RevisionSummary,
  RollbackInput,
  RollbackPlan,
  WorkloadKind,
  WorkloadState,
} from './types.js';
