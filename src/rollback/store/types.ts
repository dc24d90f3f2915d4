// The rollback request as the rest of the app sees it: what was asked, by whom, and where it stands.
import type { Workload } from './workload.js';

export type RollbackState =
  'pending' | 'approved' | 'executing' | 'succeeded' | 'failed' | 'rejected' | 'expired';

/** States in which a request holds its workload: at most one such request per workload. */
export const OPEN_STATES: readonly RollbackState[] = ['pending', 'approved', 'executing'];

/**
 * What the card showed (the engine's CardSnapshot, whose `currentRevision` is `fromRevision` here);
 * the executor refuses when the workload no longer matches it (stale button).
 */
export interface WorkloadSnapshot {
  resourceVersion?: string;
  generation?: number;
  /** A digest of the pod template the workload had. */
  templateHash?: string;
}

export interface RollbackRequest {
  /** A digit string; shown as "r12". */
  id: string;
  workload: Workload;
  /** The revision running when the card was shown, and the one to go back to. */
  fromRevision: number;
  toRevision: number;
  snapshot: WorkloadSnapshot;
  requestedBy: string;
  requestedAt: Date;
  /** The on-call rolled back alone outside coverage hours; `reason` says why. */
  breakGlass: boolean;
  reason?: string;
  state: RollbackState;
  /** Who approved or rejected it, and when (the requester themselves for break-glass). */
  decidedBy?: string;
  decidedAt?: Date;
  expiresAt: Date;
  startedAt?: Date;
  /** When it stopped being open: succeeded, failed, rejected or expired. */
  finishedAt?: Date;
  /** What happened, in a sentence, once it succeeded or failed. */
  result?: string;
  /** The Slack message (card) that shows it. */
  card?: { channel: string; ts: string };
}

export interface NewRollbackRequest {
  workload: Workload;
  fromRevision: number;
  toRevision: number;
  snapshot: WorkloadSnapshot;
  requestedBy: string;
  /** When an unanswered request expires (now + rollback.expiresAfter). */
  expiresAt: Date;
  /** Break-glass: checked by `mayBreakGlass` first; the request starts approved by its requester. */
  breakGlass?: { reason: string };
}

/** Narrows list questions; absent fields match everything. */
export interface WorkloadFilter {
  cluster?: string;
  namespace?: string;
  name?: string;
}
