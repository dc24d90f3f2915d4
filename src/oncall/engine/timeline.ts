// The exact on-duty timeline of a rotation over a range, and what is derived from it: shifts with
// their override segments, and the on-call change events that drive handoff posts and user groups.
import { resolveChanges, type ResolvedChanges } from './changes.js';
import { compileRotation, epochMs, type CompiledRotation } from './compile.js';
import { handoffInstant, shiftIndexAt } from './handoffs.js';
import { rosterMemberOf } from './roster.js';
import { timelineOf, toShiftSegment, type TimelineSegment } from './segments.js';
import type {
  OnCallChange,
  OnCallChangeKind,
  RotationChanges,
  RotationSpec,
  Shift,
  ShiftSegment,
} from './types.js';

/** Who is on duty when over [from, to): coverage, swaps and overrides applied, equal neighbours merged. */
export function dutySegments(
  spec: RotationSpec,
  changes: RotationChanges,
  from: Date,
  to: Date,
): ShiftSegment[] {
  const rotation = compileRotation(spec);
  const resolved = resolveChanges(rotation, changes);
  return timelineOf(rotation, resolved, epochMs(from, 'from'), epochMs(to, 'to')).map(
    toShiftSegment,
  );
}

/** The union of the override ranges within [from, to), as disjoint spans in order. */
function overrideSpans(changes: ResolvedChanges, from: number, to: number) {
  const ranges = changes.overrides
    .map((o) => ({ start: Math.max(o.start.getTime(), from), end: Math.min(o.end.getTime(), to) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const spans: Array<{ start: number; end: number }> = [];
  for (const range of ranges) {
    const last = spans[spans.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else spans.push(range);
  }
  return spans;
}

/** Whole shifts overlapping [from, to), swaps applied, each with its override segments. */
export function shiftsBetween(
  spec: RotationSpec,
  changes: RotationChanges,
  from: Date,
  to: Date,
): Shift[] {
  const rotation = compileRotation(spec);
  const resolved = resolveChanges(rotation, changes);
  const plan = rotation.handoffs;
  const windows: Array<{ index: number; start: number; end: number }> = [];
  let index = Math.max(0, shiftIndexAt(plan, epochMs(from, 'from')));
  let start = handoffInstant(plan, index);
  const until = epochMs(to, 'to');
  while (start < until) {
    const end = handoffInstant(plan, index + 1);
    windows.push({ index, start, end });
    index++;
    start = end;
  }
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (!first || !last) return [];
  const overridesByShift = new Map<number, ShiftSegment[]>();
  for (const span of overrideSpans(resolved, first.start, last.end)) {
    for (const segment of timelineOf(rotation, resolved, span.start, span.end)) {
      if (segment.source !== 'override') continue;
      const list = overridesByShift.get(segment.shiftIndex) ?? [];
      list.push(toShiftSegment(segment));
      overridesByShift.set(segment.shiftIndex, list);
    }
  }
  return windows.map((window): Shift => {
    const swapped = resolved.swapped.get(window.index);
    const rosterMember = rosterMemberOf(rotation.roster, window.index);
    const shift: Shift = {
      index: window.index,
      start: new Date(window.start),
      end: new Date(window.end),
      member: swapped?.member ?? rosterMember,
      rosterMember,
      source: swapped ? 'swap' : 'rotation',
      overrides: overridesByShift.get(window.index) ?? [],
    };
    if (swapped) shift.swapId = swapped.swap.id;
    return shift;
  });
}

const KIND_ORDER: OnCallChangeKind[] = [
  'coverage-end',
  'override-end',
  'handoff',
  'override-start',
  'coverage-start',
];

function kindsBetween(before: TimelineSegment, after: TimelineSegment): OnCallChangeKind[] {
  const kinds = new Set<OnCallChangeKind>();
  if (before.shiftIndex !== after.shiftIndex) kinds.add('handoff');
  if (before.overrideId !== undefined && before.overrideId !== after.overrideId)
    kinds.add('override-end');
  if (after.overrideId !== undefined && after.overrideId !== before.overrideId)
    kinds.add('override-start');
  if (before.covered && !after.covered) kinds.add('coverage-end');
  if (!before.covered && after.covered) kinds.add('coverage-start');
  return KIND_ORDER.filter((kind) => kinds.has(kind));
}

function changesOf(
  rotation: CompiledRotation,
  changes: ResolvedChanges,
  from: number,
  to: number,
): OnCallChange[] {
  const segments = timelineOf(rotation, changes, from - 1, to);
  const events: OnCallChange[] = [];
  for (let position = 1; position < segments.length; position++) {
    const before = segments[position - 1] as TimelineSegment;
    const after = segments[position] as TimelineSegment;
    for (const kind of kindsBetween(before, after)) {
      events.push({ at: new Date(after.start), kind, from: before.member, to: after.member });
    }
  }
  return events;
}

/**
 * Every instant in [from, to) where a handoff happens (even if the same person continues), an
 * override takes or gives up duty, or coverage opens or closes; several kinds may share an instant.
 */
export function onCallChangesBetween(
  spec: RotationSpec,
  changes: RotationChanges,
  from: Date,
  to: Date,
): OnCallChange[] {
  const rotation = compileRotation(spec);
  return changesOf(
    rotation,
    resolveChanges(rotation, changes),
    epochMs(from, 'from'),
    epochMs(to, 'to'),
  );
}

/** The first instant strictly after `after` with an on-call change (see onCallChangesBetween). */
export function nextOnCallChange(spec: RotationSpec, changes: RotationChanges, after: Date): Date {
  const rotation = compileRotation(spec);
  const instant = epochMs(after, 'after');
  const nextHandoff = handoffInstant(
    rotation.handoffs,
    shiftIndexAt(rotation.handoffs, instant) + 1,
  );
  const events = changesOf(
    rotation,
    resolveChanges(rotation, changes),
    instant + 1,
    nextHandoff + 1,
  );
  return events[0]?.at ?? new Date(nextHandoff);
}
