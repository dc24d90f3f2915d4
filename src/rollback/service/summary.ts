// How a planned rollback is named in one line: "shop/web from revision 13 (web:1.4.2) to revision 12 (web:1.4.1)".
import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import type { RollbackPlan, WorkloadState } from '../engine/index.js';
import { workloadLabel, type Workload } from '../store/index.js';

/** The image without its registry and path: `registry.example.com/shop/web:1.4.2` → `web:1.4.2`. */
export function shortImage(image: string): string {
  const slash = image.lastIndexOf('/');
  return slash >= 0 ? image.slice(slash + 1) : image;
}

export function templateImages(template: V1PodTemplateSpec | undefined): string[] {
  return (template?.spec?.containers ?? []).map((c) => c.image ?? '').filter(Boolean);
}

/** "revision 13 (web:1.4.2)", or "revision 13 (web:1.4.2, sidecar:3)". */
export function revisionLabel(revision: number, images: readonly string[]): string {
  const shown = images.map(shortImage);
  return shown.length > 0 ? `revision ${revision} (${shown.join(', ')})` : `revision ${revision}`;
}

/** The card's one-line summary; for a plan that will not patch, the engine's sentence. */
export function rollbackSummary(
  workload: Workload,
  state: WorkloadState,
  plan: RollbackPlan,
): string {
  if (plan.kind !== 'patch') return plan.sentence;
  const from = revisionLabel(plan.fromRevision, templateImages(state.object.spec?.template));
  const to = revisionLabel(plan.toRevision, templateImages(plan.targetTemplate));
  return `${workloadLabel(workload)} from ${from} to ${to}`;
}
