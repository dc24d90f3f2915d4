// A workload's revisions by kubectl's rules: which history objects count, their numbers, the target and the current one.
import type {
  V1ControllerRevision,
  V1ObjectMeta,
  V1PodTemplateSpec,
} from '@kubernetes/client-node';
import { isControlledBy } from '../../cluster/owners.js';
import { semanticEqual, templatesEqualIgnoringHash } from './equality.js';
import type { RevisionSummary, WorkloadState } from './types.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** A history object (ReplicaSet or ControllerRevision) with its revision number and pod template. */
export interface HistoryEntry {
  revision: number;
  metadata: V1ObjectMeta | undefined;
  template: V1PodTemplateSpec | undefined;
  /** A ControllerRevision's recorded patch (absent for ReplicaSets). */
  data?: unknown;
}

/** Go's strconv.ParseInt(text, 10, 64) on the revision annotation: missing is 0, unparsable is undefined (skipped). */
export function parseRevision(annotations: Record<string, string> | undefined): number | undefined {
  const text = annotations?.[REVISION_ANNOTATION];
  if (text === undefined) return 0;
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const revision = Number(text);
  return Number.isSafeInteger(revision) ? revision : undefined;
}

function createdAt(metadata: V1ObjectMeta | undefined): Date | null {
  const stamp = metadata?.creationTimestamp;
  if (stamp === undefined || stamp === null) return null;
  const date = new Date(stamp);
  return Number.isNaN(date.getTime()) ? null : date;
}

function byCreation(a: HistoryEntry, b: HistoryEntry): number {
  const left = createdAt(a.metadata)?.getTime() ?? 0;
  const right = createdAt(b.metadata)?.getTime() ?? 0;
  if (left !== right) return left - right;
  const [x, y] = [a.metadata?.name ?? '', b.metadata?.name ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The pod template a ControllerRevision restores: its `data.spec.template` without the `$patch` directive. */
export function revisionTemplate(revision: V1ControllerRevision): V1PodTemplateSpec | undefined {
  const template = (revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)
    ?.spec?.template;
  if (template === undefined) return undefined;
  const copy = { ...template };
  delete copy.$patch;
  return copy as V1PodTemplateSpec;
}

/** The `data` a StatefulSet or DaemonSet controller records for a template (kubectl's getStatefulSetPatch). */
export function revisionDataFor(template: V1PodTemplateSpec | undefined): Record<string, unknown> {
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

function deploymentEntries(state: Extract<WorkloadState, { kind: 'Deployment' }>): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const rs of state.replicaSets ?? []) {
    if (!isControlledBy(rs.metadata, state.object.metadata)) continue;
    const revision = parseRevision(rs.metadata?.annotations);
    if (revision === undefined) continue;
    entries.push({ revision, metadata: rs.metadata, template: rs.spec?.template });
  }
  return entries.sort(byCreation);
}

function controllerRevisionEntries(
  owner: V1ObjectMeta | undefined,
  revisions: readonly V1ControllerRevision[],
): HistoryEntry[] {
  return revisions
    .filter((cr) => isControlledBy(cr.metadata, owner))
    .map((cr) => ({
      revision: cr.revision,
      metadata: cr.metadata,
      template: revisionTemplate(cr),
      data: cr.data,
    }));
}

/**
 * The history objects that count, in kubectl's order: for a Deployment its controlled ReplicaSets with a
 * parsable revision, oldest first and the one matching the template last; otherwise its controlled ControllerRevisions.
 */
export function historyOf(state: WorkloadState): HistoryEntry[] {
  if (state.kind !== 'Deployment') {
    return controllerRevisionEntries(state.object.metadata, state.controllerRevisions ?? []);
  }
  const entries = deploymentEntries(state);
  const current = entries.find((e) =>
    templatesEqualIgnoringHash(e.template, state.object.spec?.template),
  );
  return current ? [...entries.filter((e) => e !== current), current] : entries;
}

/** The history entry whose template the workload has now, if any. */
export function currentEntry(state: WorkloadState): HistoryEntry | undefined {
  const template = state.object.spec?.template;
  if (state.kind === 'Deployment') {
    return deploymentEntries(state).find((e) => templatesEqualIgnoringHash(e.template, template));
  }
  const data = revisionDataFor(template);
  const matching = historyOf(state).filter((e) => semanticEqual(e.data, data));
  const updateRevision =
    state.kind === 'StatefulSet' ? state.object.status?.updateRevision : undefined;
  return matching.find((e) => e.metadata?.name === updateRevision) ?? newest(matching);
}

function newest(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  return entries.reduce<HistoryEntry | undefined>(
    (best, e) => (best === undefined || e.revision > best.revision ? e : best),
    undefined,
  );
}

/**
 * The revision the workload runs now: the history entry equal to its template; else, for a Deployment, its own
 * revision annotation and for a StatefulSet its `status.updateRevision`; else the newest revision; else 0.
 */
export function currentRevision(state: WorkloadState): number {
  const entry = currentEntry(state);
  if (entry) return entry.revision;
  const entries = historyOf(state);
  if (state.kind === 'Deployment') {
    const own = state.object.metadata?.annotations?.[REVISION_ANNOTATION];
    const revision =
      own === undefined ? undefined : parseRevision(state.object.metadata?.annotations);
    if (revision !== undefined) return revision;
  }
  if (state.kind === 'StatefulSet') {
    const update = state.object.status?.updateRevision;
    const named = entries.find((e) => update !== undefined && e.metadata?.name === update);
    if (named) return named.revision;
  }
  return newest(entries)?.revision ?? 0;
}

/** Every revision, oldest first, with what a history view shows of it. */
export function revisionsOf(state: WorkloadState): RevisionSummary[] {
  const now = currentRevision(state);
  return historyOf(state)
    .map((entry): RevisionSummary => {
      const changeCause = entry.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
      return {
        revision: entry.revision,
        name: entry.metadata?.name ?? '',
        images: (entry.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
        ...(changeCause ? { changeCause } : {}),
        createdAt: createdAt(entry.metadata),
        current: entry.revision === now,
      };
    })
    .sort((a, b) => a.revision - b.revision);
}

export type TargetPick =
  { found: HistoryEntry } | { missing: 'no-history' | 'only-one-revision' | 'revision-not-found' };

/** kubectl's deploymentRevision: the exact revision, or (toRevision 0) the second-highest seen. */
export function pickReplicaSetTarget(
  entries: readonly HistoryEntry[],
  toRevision: number,
): TargetPick {
  if (entries.length === 0) return { missing: 'no-history' };
  if (toRevision > 0) {
    const found = entries.find((e) => e.revision === toRevision);
    return found ? { found } : { missing: 'revision-not-found' };
  }
  let latest: HistoryEntry | undefined;
  let previous: HistoryEntry | undefined;
  for (const entry of entries) {
    if ((latest?.revision ?? -1) < entry.revision) {
      previous = latest;
      latest = entry;
    } else if ((previous?.revision ?? -1) < entry.revision) {
      previous = entry;
    }
  }
  return previous ? { found: previous } : { missing: 'only-one-revision' };
}

/** kubectl's findHistory: the exact revision, or (toRevision 0) the second in revision order from the top. */
export function pickControllerRevisionTarget(
  entries: readonly HistoryEntry[],
  toRevision: number,
): TargetPick {
  if (entries.length === 0) return { missing: 'no-history' };
  if (toRevision > 0) {
    const found = entries.find((e) => e.revision === toRevision);
    return found ? { found } : { missing: 'revision-not-found' };
  }
  const sorted = [...entries].sort((a, b) => a.revision - b.revision);
  const found = sorted[sorted.length - 2];
  return found ? { found } : { missing: 'only-one-revision' };
}
