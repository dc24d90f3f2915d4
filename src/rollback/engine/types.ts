// The rollback engine's vocabulary: what it is given (a workload and its history) and what it decides.
import type {
  V1ControllerRevision,
  V1DaemonSet,
  V1Deployment,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

/** A workload as read from the cluster, with the history objects of its namespace (filtered here by owner). */
export type WorkloadState =
  | { kind: 'Deployment'; object: V1Deployment; replicaSets?: readonly V1ReplicaSet[] }
  | {
      kind: 'StatefulSet';
      object: V1StatefulSet;
      controllerRevisions?: readonly V1ControllerRevision[];
    }
  | {
      kind: 'DaemonSet';
      object: V1DaemonSet;
      controllerRevisions?: readonly V1ControllerRevision[];
    };

export type GitopsPolicy = 'warn' | 'refuse';

export type RollbackInput = WorkloadState & {
  /** The revision to go back to; 0 or absent means the one before the newest (kubectl's default). */
  toRevision?: number;
  gitopsPolicy: GitopsPolicy;
};

/** One RFC 6902 operation. */
export type JsonPatchOp =
  { op: 'test' | 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

interface PatchCommon {
  kind: 'patch';
  /** The revision running now, and the one the patch brings back. */
  fromRevision: number;
  toRevision: number;
  /** The pod template the workload will have after the patch. */
  targetTemplate: V1PodTemplateSpec;
  /** Set when a GitOps controller may undo the rollback (policy `warn`). */
  warning?: string;
}

export type PatchPlan =
  | (PatchCommon & { contentType: 'application/json-patch+json'; patch: JsonPatchOp[] })
  | (PatchCommon & {
      contentType: 'application/strategic-merge-patch+json';
      patch: Record<string, unknown>;
    });

export type RefusalReason =
  | 'paused'
  | 'gitops'
  | 'no-history'
  | 'only-one-revision'
  | 'revision-not-found'
  | 'invalid-revision'
  | 'no-resource-version';

export type RollbackPlan =
  | PatchPlan
  | { kind: 'already'; revision: number; sentence: string }
  | { kind: 'refused'; reason: RefusalReason; sentence: string };

/** One revision as a history view or a card shows it. */
export interface RevisionSummary {
  revision: number;
  /** The ReplicaSet or ControllerRevision that holds it. */
  name: string;
  images: string[];
  changeCause?: string;
  createdAt: Date | null;
  /** The revision whose template the workload has now. */
  current: boolean;
}
