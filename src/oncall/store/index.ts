// The on-call store's public surface: the OncallStore facade and the types it speaks.
export { OncallStore } from './oncall-store.js';
export { SwapConflictError } from './swaps.js';
export { FIRST_VERSION_EFFECTIVE_FROM } from './rosters.js';
export { coverReminderDue } from './cover-reminders.js';
export { normalizeGroupMembers } from './user-groups.js';
export type { NewOverride, StoredOverride } from './overrides.js';
export type { NewSwap, StoredSwap, SwapStatus } from './swaps.js';
export type { PendingRosterOutcome } from './rosters.js';
export type {
  CoverRequest,
  CoverRequestStatus,
  NewCoverRequest,
  TakeCoverResult,
} from './cover-requests.js';
export type { CoverReminder } from './cover-reminders.js';
export type { CalendarTokenOwner, CalendarTokenScope } from './calendar-tokens.js';
export type { UserGroupRefusal, UserGroupState } from './user-groups.js';
