// Whether a rollback card still describes its workload: a new rollout since it was posted makes it stale.
import { createHash } from 'node:crypto';
import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { canonicalJson, withoutHashLabel } from './equality.js';
import { currentRevision } from './revisions.js';
import { refOf, sentences } from './sentences.js';
import type { WorkloadState } from './types.js';

/** What a card remembers of the workload when it is posted (small enough for a button or a database row). */
export interface CardSnapshot {
  resourceVersion?: string;
  generation?: number;
  currentRevision: number;
  /** A digest of the pod template, ignoring `pod-template-hash`. */
  templateHash?: string;
}

export type StaleCheck = { stale: false } | { stale: true; sentence: string };

/** A short, stable digest of a pod template: equal for semantically equal templates. */
export function templateDigest(template: V1PodTemplateSpec | undefined): string {
  const text = canonicalJson(withoutHashLabel(template));
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The snapshot to keep with a card. */
export function snapshotOf(state: WorkloadState): CardSnapshot {
  const metadata = state.object.metadata;
  return {
    ...(metadata?.resourceVersion ? { resourceVersion: metadata.resourceVersion } : {}),
    ...(metadata?.generation !== undefined ? { generation: metadata.generation } : {}),
    currentRevision: currentRevision(state),
    templateHash: templateDigest(state.object.spec?.template),
  };
}

/**
 * Stale when the workload's revision or pod template moved on since the card was posted. The resourceVersion and
 * generation are kept for the record but not compared: status updates and scaling change them without a rollout.
 * Races after approval are caught by the resourceVersion guard in the patch instead.
 */
export function isStale(card: CardSnapshot, current: WorkloadState): StaleCheck {
  const revision = currentRevision(current);
  const templateMoved =
    card.templateHash !== undefined &&
    card.templateHash !== templateDigest(current.object.spec?.template);
  if (revision === card.currentRevision && !templateMoved) return { stale: false };
  return { stale: true, sentence: sentences.stale(refOf(current.object.metadata), revision) };
}
