// The rollback store's public surface: the RollbackStore facade and the types it speaks.
export { RollbackStore } from './rollback-store.js';
export { OpenRequestExistsError } from './create.js';
export { MAX_RESULT_LENGTH } from './execute.js';
export { whyUnchanged } from './why-unchanged.js';
export { OPEN_STATES } from './types.js';
export { ROLLBACK_KINDS, workloadLabel } from './workload.js';
export type {
  NewRollbackRequest,
  RollbackRequest,
  RollbackState,
  WorkloadFilter,
  WorkloadSnapshot,
} from './types.js';
export type { RollbackKind, Workload } from './workload.js';
