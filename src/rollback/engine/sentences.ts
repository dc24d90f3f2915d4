// The one-sentence answers of the rollback engine, worded in one place.
import type { WorkloadKind } from './types.js';

export const sentences = {
  paused: (ref: string) => `${ref} is paused; resume it first (kubectl rollout resume)`,
  noHistory: (kind: WorkloadKind, ref: string) =>
    `no rollout history found for ${kind.toLowerCase()} ${ref}`,
  onlyOneRevision: (ref: string) =>
    `${ref} has only one revision; there is nothing to roll back to`,
  revisionNotFound: (ref: string, revision: number, kept: number) =>
    `revision ${revision} of ${ref} no longer exists — only the last ${kept} ${kept === 1 ? 'revision is' : 'revisions are'} kept ` +
    `(revisionHistoryLimit); \`/k8s history ${ref}\` lists them`,
  invalidRevision: (revision: number) =>
    `${revision} is not a revision number; revisions are whole numbers from 1 up`,
  noResourceVersion: (ref: string) =>
    `${ref} was read without a resourceVersion, so the rollback cannot be guarded against concurrent changes; read it again`,
  already: (ref: string, revision: number) => `${ref} is already at revision ${revision}`,
  stale: (ref: string, revision: number) =>
    `${ref} changed since this card was posted (now at revision ${revision}); run /k8s rollback again`,
};

/** `namespace/name`, as every sentence names a workload. */
export function refOf(metadata: { namespace?: string; name?: string } | undefined): string {
  const name = metadata?.name ?? '';
  return metadata?.namespace ? `${metadata.namespace}/${name}` : name;
}
