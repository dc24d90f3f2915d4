// Trims what the cache never reads from each object before it is kept: managedFields and kubectl's last-applied copy.
import type { KubernetesObject } from '@kubernetes/client-node';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Removes `metadata.managedFields` and the last-applied annotation in place; returns the same object. */
export function trimObject<T extends KubernetesObject>(object: T): T {
  const metadata = object.metadata;
  if (!metadata) return object;
  if (metadata.managedFields !== undefined) delete metadata.managedFields;
  const annotations = metadata.annotations;
  if (annotations && LAST_APPLIED_ANNOTATION in annotations) {
    delete annotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
  }
  return object;
}
