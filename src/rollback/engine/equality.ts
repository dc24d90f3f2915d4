// Comparing and copying API objects as apimachinery's Semantic.DeepEqual does: empty lists and maps equal absent ones.
import type { V1PodTemplateSpec } from '@kubernetes/client-node';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Date || typeof value !== 'object') return false;
  return Object.values(value).every(isEmpty);
}

/** Structural equality: Dates by instant (also against their JSON string), empty and absent alike, arrays in order. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (a instanceof Date || b instanceof Date) {
    return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => semanticEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!semanticEqual(left[key], right[key])) return false;
  return true;
}

/** A plain-JSON deep copy (undefined fields dropped, Dates as ISO strings), safe to send in a patch. */
export function plainJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** JSON text with sorted keys and empty values dropped: equal for semantically equal objects. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(plainJson(value)) ?? null);
}

function canonical(value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => [key, canonical(item)] as const)
    .filter(([, item]) => item !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** A plain copy of a pod template without the `pod-template-hash` label (kubectl deletes it before patching). */
export function withoutHashLabel(template: V1PodTemplateSpec | undefined): V1PodTemplateSpec {
  const copy = plainJson(template ?? {});
  const labels = copy.metadata?.labels;
  if (labels) delete labels[POD_TEMPLATE_HASH];
  return copy;
}

/** Pod template equality ignoring the `pod-template-hash` label (kubectl's equalIgnoreHash). */
export function templatesEqualIgnoringHash(
  a: V1PodTemplateSpec | undefined,
  b: V1PodTemplateSpec | undefined,
): boolean {
  return semanticEqual(withoutHashLabel(a), withoutHashLabel(b));
}

/** One JSON-pointer reference token (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
