// Rolling back a Deployment as `kubectl rollout undo` does, as a JSON patch guarded by the resourceVersion.
import type { V1Deployment } from '@kubernetes/client-node';
import { pointerToken, templatesEqualIgnoringHash, withoutHashLabel } from './equality.js';
import {
  CHANGE_CAUSE_ANNOTATION,
  currentRevision,
  historyOf,
  pickReplicaSetTarget,
} from './revisions.js';
import type { HistoryEntry } from './revisions.js';
import { missingTargetRefusal } from './refusals.js';
import { refOf, sentences } from './sentences.js';
import type { JsonPatchOp, RollbackPlan, WorkloadState } from './types.js';

const CHANGE_CAUSE_PATH = `/metadata/annotations/${pointerToken(CHANGE_CAUSE_ANNOTATION)}`;

/**
 * kubectl's getDeploymentPatch, except that only `kubernetes.io/change-cause` is carried over from the target
 * (set, or removed when the target has none) and the Deployment's other annotations are left alone.
 */
function changeCauseOps(deployment: V1Deployment, target: HistoryEntry): JsonPatchOp[] {
  const cause = target.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
  const annotations = deployment.metadata?.annotations;
  const now = annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (cause === now) return [];
  if (cause === undefined) return [{ op: 'remove', path: CHANGE_CAUSE_PATH }];
  return annotations
    ? [{ op: 'add', path: CHANGE_CAUSE_PATH, value: cause }]
    : [{ op: 'add', path: '/metadata/annotations', value: { [CHANGE_CAUSE_ANNOTATION]: cause } }];
}

/** The plan for a Deployment that is not paused: target by kubectl's rules, then the guarded patch. */
export function planDeploymentRollback(
  state: Extract<WorkloadState, { kind: 'Deployment' }>,
  toRevision: number,
): RollbackPlan {
  const deployment = state.object;
  const ref = refOf(deployment.metadata);
  const pick = pickReplicaSetTarget(historyOf(state), toRevision);
  if ('missing' in pick) {
    return missingTargetRefusal(pick.missing, state, toRevision);
  }
  const target = pick.found;
  if (templatesEqualIgnoringHash(target.template, deployment.spec?.template)) {
    return {
      kind: 'already',
      revision: target.revision,
      sentence: sentences.already(ref, target.revision),
    };
  }
  const resourceVersion = deployment.metadata?.resourceVersion;
  if (!resourceVersion) {
    return {
      kind: 'refused',
      reason: 'no-resource-version',
      sentence: sentences.noResourceVersion(ref),
    };
  }
  const targetTemplate = withoutHashLabel(target.template);
  return {
    kind: 'patch',
    contentType: 'application/json-patch+json',
    patch: [
      { op: 'test', path: '/metadata/resourceVersion', value: resourceVersion },
      { op: 'replace', path: '/spec/template', value: targetTemplate },
      ...changeCauseOps(deployment, target),
    ],
    fromRevision: currentRevision(state),
    toRevision: target.revision,
    targetTemplate,
  };
}
