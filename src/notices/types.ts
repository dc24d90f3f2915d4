// The vocabulary of rollout notices: the key, how a rollout fails, and the view a notice message shows.
import type { PodProblemReason } from '../cluster/pod-problems.js';

/** One notice per (cluster, namespace, Deployment, revision). */
export interface NoticeKey {
  cluster: string;
  namespace: string;
  workload: string;
  revision: number;
}

/** Progressing and failing notices follow their rollout; complete and superseded ones are final. */
export type NoticeState = 'progressing' | 'complete' | 'failing' | 'superseded';

export type FailureReason = 'ProgressDeadlineExceeded' | PodProblemReason;

/** How a rollout fails: its worst problem, on how many of the new pods. */
export interface RolloutFailure {
  reason: FailureReason;
  /** What kubectl or the kubelet says, e.g. "container web keeps exiting with code 1". */
  message?: string;
  /** New pods with this problem. */
  pods: number;
  /** Restarts of those pods together. */
  restarts: number;
  exitCode?: number;
  /** The Deployment controller gave up on the rollout (Progressing=False). */
  deadlineExceeded: boolean;
}

export interface RolloutCounts {
  /** Pods of the new revision, ready ones among them, and the replicas wanted. */
  updated: number;
  ready: number;
  desired: number;
}

export type RolloutProgress =
  | ({ phase: 'progressing' } & RolloutCounts)
  | ({ phase: 'complete' } & RolloutCounts)
  | ({ phase: 'failing'; failure: RolloutFailure } & RolloutCounts);

/** A container whose image the revision changed; `from` is null for a container that is new. */
export interface ImageChange {
  container: string;
  from: string | null;
  to: string | null;
}

/** The Roll back button a notice offers: a card from the rollback flow and its one-line summary. */
export interface NoticeRollback {
  cardId: string;
  summary: string;
}

/** The Watchkeeper rollback a revision is: its request, who asked, and who approved (or broke glass). */
export interface NoticeMadeByRollback {
  requestId: string;
  requestedBy: string;
  approvedBy: string | null;
  breakGlass: boolean;
}

/** What a notice message shows; kept with the notice so it can be re-rendered (e.g. when silenced). */
export interface NoticeView extends NoticeKey {
  state: NoticeState;
  previousRevision: number | null;
  /** Changed images only (every image for a first revision). */
  images: ImageChange[];
  /** Other kinds of change to the pod template: env, resources, command, other. */
  otherChanges: string[];
  changeCause: string | null;
  /** ISO instants. */
  startedAt: string;
  completedAt: string | null;
  counts: RolloutCounts;
  failure: RolloutFailure | null;
  /** Set when superseded: the newer revision, or null when the Deployment was deleted. */
  supersededBy: number | null;
  rollback: NoticeRollback | null;
  /**
   * Set when the revision is a rollback Watchkeeper carried out. Such a notice offers no Roll back: its
   * previous revision is the one just rolled away from. Absent in notices stored before it existed.
   */
  madeBy?: NoticeMadeByRollback | null;
}

/** A workload's notices are held back until `until`. */
export interface NoticeSilence {
  cluster: string;
  namespace: string;
  workload: string;
  until: Date;
  by: string;
}

export function workloadKey(key: { cluster: string; namespace: string; workload: string }): string {
  return `${key.cluster}/${key.namespace}/${key.workload}`;
}

export function noticeKeyText(key: NoticeKey): string {
  return `${workloadKey(key)}#${key.revision}`;
}
