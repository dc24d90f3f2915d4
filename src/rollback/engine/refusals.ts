// Turning "no such revision" outcomes into refusals with the sentence for each.
import { refOf, sentences } from './sentences.js';
import type { RollbackPlan, WorkloadState } from './types.js';

const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/** The refusal for a target that could not be picked. */
export function missingTargetRefusal(
  missing: 'no-history' | 'only-one-revision' | 'revision-not-found',
  state: WorkloadState,
  toRevision: number,
): RollbackPlan {
  const ref = refOf(state.object.metadata);
  switch (missing) {
    case 'no-history':
      return { kind: 'refused', reason: missing, sentence: sentences.noHistory(state.kind, ref) };
    case 'only-one-revision':
      return { kind: 'refused', reason: missing, sentence: sentences.onlyOneRevision(ref) };
    case 'revision-not-found': {
      const limit = state.object.spec?.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
      return {
        kind: 'refused',
        reason: missing,
        sentence: sentences.revisionNotFound(ref, toRevision, limit + 1),
      };
    }
  }
}
