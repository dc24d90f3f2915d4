// The exact on-duty timeline over a range as merged segments: the one place that walks time,
// cutting it at handoffs, coverage edges and override edges and composing each piece.
import type { ResolvedChanges } from './changes.js';
import type { CompiledRotation } from './compile.js';
import { coverageBetween } from './coverage.js';
import { handoffInstantsBetween, shiftIndexAt } from './handoffs.js';
import { composeDuty } from './state.js';
import type { DutySource, ShiftSegment } from './types.js';

/** A ShiftSegment with instants as epoch milliseconds. */
export interface TimelineSegment {
  start: number;
  end: number;
  member: string | null;
  source: DutySource;
  shiftIndex: number;
  covered: boolean;
  overrideId: string | undefined;
  swapId: string | undefined;
}

function cutPoints(rotation: CompiledRotation, changes: ResolvedChanges, from: number, to: number) {
  const handoffs = handoffInstantsBetween(rotation.handoffs, from, to);
  const coverage = rotation.coverage ? coverageBetween(rotation.coverage, from, to) : null;
  const cuts: number[] = [from, ...handoffs];
  for (const interval of coverage ?? []) cuts.push(interval.start, interval.end);
  for (const override of changes.overrides)
    cuts.push(override.start.getTime(), override.end.getTime());
  const points: number[] = [];
  for (const cut of new Float64Array(cuts).sort()) {
    if (cut >= from && cut < to && cut !== points[points.length - 1]) points.push(cut);
  }
  return { points, handoffs, coverage };
}

function sameDuty(a: TimelineSegment, b: TimelineSegment): boolean {
  return (
    a.member === b.member &&
    a.source === b.source &&
    a.shiftIndex === b.shiftIndex &&
    a.covered === b.covered &&
    a.overrideId === b.overrideId &&
    a.swapId === b.swapId
  );
}

/** Who is on duty over [from, to), equal neighbours merged; empty when to ≤ from. */
export function timelineOf(
  rotation: CompiledRotation,
  changes: ResolvedChanges,
  from: number,
  to: number,
): TimelineSegment[] {
  if (to <= from) return [];
  const { points, handoffs, coverage } = cutPoints(rotation, changes, from, to);
  let shiftIndex = shiftIndexAt(rotation.handoffs, from);
  let nextHandoff = handoffs[0] === from ? 1 : 0;
  let openInterval = 0;
  const segments: TimelineSegment[] = [];
  for (let position = 0; position < points.length; position++) {
    const start = points[position] as number;
    while ((handoffs[nextHandoff] ?? Infinity) <= start) {
      shiftIndex++;
      nextHandoff++;
    }
    while ((coverage?.[openInterval]?.end ?? Infinity) <= start) openInterval++;
    const interval = coverage?.[openInterval];
    const maskOpen = coverage === null || (interval !== undefined && interval.start <= start);
    const state = composeDuty(rotation, changes, start, shiftIndex, maskOpen);
    const segment: TimelineSegment = {
      start,
      end: points[position + 1] ?? to,
      member: state.member,
      source: state.source,
      shiftIndex,
      covered: state.covered,
      overrideId: state.override?.id,
      swapId: state.swap?.id,
    };
    const previous = segments[segments.length - 1];
    if (previous && sameDuty(previous, segment)) previous.end = segment.end;
    else segments.push(segment);
  }
  return segments;
}

export function toShiftSegment(segment: TimelineSegment): ShiftSegment {
  const shiftSegment: ShiftSegment = {
    start: new Date(segment.start),
    end: new Date(segment.end),
    member: segment.member,
    source: segment.source,
    shiftIndex: segment.shiftIndex,
    covered: segment.covered,
  };
  if (segment.overrideId !== undefined) shiftSegment.overrideId = segment.overrideId;
  if (segment.swapId !== undefined) shiftSegment.swapId = segment.swapId;
  return shiftSegment;
}
