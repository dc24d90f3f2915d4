// The rollback decision for any workload kind: refusals in kubectl's order, the GitOps policy, then the patch.
import { planControllerRevisionRollback } from './controller-revisions.js';
import { planDeploymentRollback } from './deployment.js';
import { gitopsManager, gitopsSentence } from './gitops.js';
import { refOf, sentences } from './sentences.js';
import type { RollbackInput, RollbackPlan, WorkloadState } from './types.js';

/**
 * What `kubectl rollout undo [--to-revision N]` would do, as data: a patch to send, "already there", or a refusal.
 * A paused Deployment is refused before anything else; a GitOps-managed workload next when the policy is `refuse`.
 */
export function planRollback(input: RollbackInput): RollbackPlan {
  const { toRevision = 0, gitopsPolicy } = input;
  const state: WorkloadState = input;
  const ref = refOf(state.object.metadata);
  if (!Number.isSafeInteger(toRevision) || toRevision < 0) {
    return {
      kind: 'refused',
      reason: 'invalid-revision',
      sentence: sentences.invalidRevision(toRevision),
    };
  }
  if (state.kind === 'Deployment' && state.object.spec?.paused) {
    return { kind: 'refused', reason: 'paused', sentence: sentences.paused(ref) };
  }
  const manager = gitopsManager(state.object, state.kind);
  if (manager && gitopsPolicy === 'refuse') {
    return { kind: 'refused', reason: 'gitops', sentence: gitopsSentence(manager, ref, 'refuse') };
  }
  const plan =
    state.kind === 'Deployment'
      ? planDeploymentRollback(state, toRevision)
      : planControllerRevisionRollback(state, toRevision);
  if (plan.kind !== 'patch' || !manager) return plan;
  return { ...plan, warning: gitopsSentence(manager, ref, 'warn') };
}
