// Pod template equality the way the deployment controller sees it: deep equality ignoring `pod-template-hash`.
import type { V1PodTemplateSpec } from '@kubernetes/client-node';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** Whether two pod templates are the same, ignoring the `pod-template-hash` label (kubectl's EqualIgnoreHash). */
export function templatesEqual(
  a: V1PodTemplateSpec | undefined,
  b: V1PodTemplateSpec | undefined,
): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

function withoutHash(template: V1PodTemplateSpec | undefined): unknown {
  const labels = template?.metadata?.labels;
  if (!template || !labels || !(POD_TEMPLATE_HASH in labels)) return template;
  const rest = Object.fromEntries(
    Object.entries(labels).filter(([key]) => key !== POD_TEMPLATE_HASH),
  );
  return { ...template, metadata: { ...template.metadata, labels: rest } };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Structural equality: Dates by instant, absent and undefined fields alike, arrays in order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (a instanceof Date || b instanceof Date) {
    return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!deepEqual(left[key], right[key])) return false;
  return true;
}
