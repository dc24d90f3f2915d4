// Rollout history of a Deployment from its ReplicaSets, by kubectl's rules (pkg/polymorphichelpers/history.go, rollback.go).
import type { V1Deployment, V1PodTemplateSpec, V1ReplicaSet } from '@kubernetes/client-node';
import { isControlledBy } from './owners.js';
import { templatesEqual } from './template.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

export interface RolloutRevision {
  revision: number;
  images: string[];
  changeCause?: string;
  createdAt: Date | null;
  /** The revision the Deployment runs now. */
  current: boolean;
  replicaSet: V1ReplicaSet;
}

/** The revision annotation as kubectl reads it: missing is 0, unparsable is undefined (skipped). */
export function revisionOf(object: {
  metadata?: { annotations?: Record<string, string> };
}): number | undefined {
  const text = object.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined) return 0;
  if (!/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
  const revision = Number(text);
  return Number.isSafeInteger(revision) ? revision : undefined;
}

/** ReplicaSets whose controller owner reference is the Deployment (not merely matching its selector). */
export function controlledReplicaSets(
  deployment: V1Deployment,
  replicaSets: readonly V1ReplicaSet[],
): V1ReplicaSet[] {
  return replicaSets.filter((rs) => isControlledBy(rs.metadata, deployment.metadata));
}

/** The container images of a pod template, in order. */
export function imagesOf(template: V1PodTemplateSpec | undefined): string[] {
  return (template?.spec?.containers ?? [])
    .map((c) => c.image ?? '')
    .filter((image) => image !== '');
}

/** The Deployment's revisions, oldest first; the current one is the Deployment's own revision (or, without it, the equal template). */
export function rolloutHistory(
  deployment: V1Deployment,
  replicaSets: readonly V1ReplicaSet[],
): RolloutRevision[] {
  const ownRevision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
  const revisions: RolloutRevision[] = [];
  for (const rs of controlledReplicaSets(deployment, replicaSets)) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    const changeCause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
    const current =
      ownRevision !== undefined
        ? String(revision) === ownRevision.trim()
        : templatesEqual(rs.spec?.template, deployment.spec?.template);
    revisions.push({
      revision,
      images: imagesOf(rs.spec?.template),
      ...(changeCause !== undefined ? { changeCause } : {}),
      createdAt: rs.metadata?.creationTimestamp ?? null,
      current,
      replicaSet: rs,
    });
  }
  return revisions.sort((a, b) => a.revision - b.revision);
}
