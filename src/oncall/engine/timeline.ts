// The exact on-duty timeline of a rotation over a range, and what is derived from it: shifts with
// their override segments, and the on-call change events that drive handoff posts and user groups.
import { resolveChanges, type ResolvedChanges } from './changes.js';
import { compileRotation, type CompiledRotation } from './compile.js';
import { coverageBetween } from './coverage.js';
import { handoffInstant, handoffInstantsBetween, shiftIndexAt } from './handoffs.js';
import { rosterMemberOf } from './roster.js';
import { composeDuty } from './state.js';
import type {
  OnCallChange,
  OnCallChangeKind,
  RotationChanges,
  RotationSpec,
  Shift,
  ShiftSegment,
} from './types.js';

function cutPoints(rotation: CompiledRotation, changes: ResolvedChanges, from: number, to: number) {
  const handoffs = handoffInstantsBetween(rotation.handoffs, from, to);
  const coverage = rotation.coverage ? coverageBetween(rotation.coverage, from, to) : null;
  const cuts = new Set<number>([from, ...handoffs]);
  for (const interval of coverage ?? []) cuts.add(interval.start).add(interval.end);
  for (const override of changes.overrides) {
    cuts.add(override.start.getTime()).add(override.end.getTime());
  }
  const points = [...cuts].filter((point) => point >= from && point < to).sort((a, b) => a - b);
  return { points, handoffs, coverage };
}

function sameSegment(a: ShiftSegment, b: ShiftSegment): boolean {
  return (
    a.member === b.member &&
    a.source === b.source &&
    a.shiftIndex === b.shiftIndex &&
    a.covered === b.covered &&
    a.overrideId === b.overrideId &&
    a.swapId === b.swapId
  );
}

function segmentsOf(
  rotation: CompiledRotation,
  changes: ResolvedChanges,
  from: number,
  to: number,
): ShiftSegment[] {
  if (to <= from) return [];
  const { points, handoffs, coverage } = cutPoints(rotation, changes, from, to);
  const shiftIndexAtFrom = shiftIndexAt(rotation.handoffs, from);
  const laterHandoffs = handoffs.filter((handoff) => handoff > from);
  let passedHandoffs = 0;
  let openInterval = 0;
  const segments: ShiftSegment[] = [];
  points.forEach((start, position) => {
    while ((laterHandoffs[passedHandoffs] ?? Infinity) <= start) passedHandoffs++;
    while ((coverage?.[openInterval]?.end ?? Infinity) <= start) openInterval++;
    const interval = coverage?.[openInterval];
    const maskOpen = coverage === null || (interval !== undefined && interval.start <= start);
    const shiftIndex = shiftIndexAtFrom + passedHandoffs;
    const state = composeDuty(rotation, changes, start, shiftIndex, maskOpen);
    const segment: ShiftSegment = {
      start: new Date(start),
      end: new Date(points[position + 1] ?? to),
      member: state.member,
      source: state.source,
      shiftIndex,
      covered: state.covered,
    };
    if (state.override) segment.overrideId = state.override.id;
    if (state.swap) segment.swapId = state.swap.id;
    const previous = segments[segments.length - 1];
    if (previous && sameSegment(previous, segment)) previous.end = segment.end;
    else segments.push(segment);
  });
  return segments;
}

/** Who is on duty when over [from, to): coverage, swaps and overrides applied, equal neighbours merged. */
export function dutySegments(
  spec: RotationSpec,
  changes: RotationChanges,
  from: Date,
  to: Date,
): ShiftSegment[] {
  const rotation = compileRotation(spec);
  return segmentsOf(rotation, resolveChanges(rotation, changes), from.getTime(), to.getTime());
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
  let index = Math.max(0, shiftIndexAt(plan, from.getTime()));
  let start = handoffInstant(plan, index);
  while (start < to.getTime()) {
    const end = handoffInstant(plan, index + 1);
    windows.push({ index, start, end });
    index++;
    start = end;
  }
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (!first || !last) return [];
  const overrides = segmentsOf(rotation, resolved, first.start, last.end).filter(
    (segment) => segment.source === 'override',
  );
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
      overrides: overrides.filter((segment) => segment.shiftIndex === window.index),
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

function kindsBetween(before: ShiftSegment, after: ShiftSegment): OnCallChangeKind[] {
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
  const segments = segmentsOf(rotation, changes, from - 1, to);
  const events: OnCallChange[] = [];
  for (let position = 1; position < segments.length; position++) {
    const before = segments[position - 1] as ShiftSegment;
    const after = segments[position] as ShiftSegment;
    for (const kind of kindsBetween(before, after)) {
      events.push({ at: after.start, kind, from: before.member, to: after.member });
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
  return changesOf(rotation, resolveChanges(rotation, changes), from.getTime(), to.getTime());
}

/** The first instant strictly after `after` with an on-call change (see onCallChangesBetween). */
export function nextOnCallChange(spec: RotationSpec, changes: RotationChanges, after: Date): Date {
  const rotation = compileRotation(spec);
  const instant = after.getTime();
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
