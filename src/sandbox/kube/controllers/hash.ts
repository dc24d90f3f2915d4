// Template identity: the pod-template-hash of a template, and equality that ignores that label,
// as the deployment controller compares a Deployment's template with its ReplicaSets'.
import { canonicalJson, deepEqual } from '../patch/json.js';
import { fnv1a32, safeEncode } from '../random.js';
import type { PodTemplate } from '../types.js';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

export function withoutHashLabel(template: PodTemplate): PodTemplate {
  const labels = { ...template.metadata.labels };
  delete labels[POD_TEMPLATE_HASH];
  const metadata: PodTemplate['metadata'] = { ...template.metadata, labels };
  if (Object.keys(labels).length === 0) delete metadata.labels;
  return { ...template, metadata };
}

export function templateHash(template: PodTemplate): string {
  return safeEncode(fnv1a32(canonicalJson(withoutHashLabel(template))));
}

export function templatesEqual(a: PodTemplate, b: PodTemplate): boolean {
  return deepEqual(withoutHashLabel(a), withoutHashLabel(b));
}
