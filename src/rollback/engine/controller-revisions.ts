// Rolling back a StatefulSet or DaemonSet as `kubectl rollout undo` does: the revision's data as a strategic-merge patch.
import { plainJson, semanticEqual } from './equality.js';
import {
  currentRevision,
  historyOf,
  pickControllerRevisionTarget,
  revisionDataFor,
} from './revisions.js';
import { missingTargetRefusal } from './refusals.js';
import { refOf, sentences } from './sentences.js';
import type { RollbackPlan, WorkloadState } from './types.js';

/**
 * The plan for a StatefulSet or DaemonSet. "Already there" is kubectl's statefulsetMatch/daemonSetMatch: the
 * target's data equals the patch the current object would record. The patch is the data plus
 * `metadata.resourceVersion`, which the API server checks, so a concurrent change fails with a conflict.
 */
export function planControllerRevisionRollback(
  state: Exclude<WorkloadState, { kind: 'Deployment' }>,
  toRevision: number,
): RollbackPlan {
  const ref = refOf(state.object.metadata);
  const pick = pickControllerRevisionTarget(historyOf(state), toRevision);
  if ('missing' in pick) {
    return missingTargetRefusal(pick.missing, state, toRevision);
  }
  const target = pick.found;
  if (semanticEqual(target.data, revisionDataFor(state.object.spec?.template))) {
    return {
      kind: 'already',
      revision: target.revision,
      sentence: sentences.already(ref, target.revision),
    };
  }
  const resourceVersion = state.object.metadata?.resourceVersion;
  if (!resourceVersion) {
    return {
      kind: 'refused',
      reason: 'no-resource-version',
      sentence: sentences.noResourceVersion(ref),
    };
  }
  const data = plainJson((target.data ?? {}) as Record<string, unknown>);
  const metadata = (data.metadata ?? {}) as Record<string, unknown>;
  return {
    kind: 'patch',
    contentType: 'application/strategic-merge-patch+json',
    patch: { ...data, metadata: { ...metadata, resourceVersion } },
    fromRevision: currentRevision(state),
    toRevision: target.revision,
    targetTemplate: plainJson(target.template ?? {}),
  };
}
