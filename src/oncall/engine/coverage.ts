// Coverage hours as a mask of instants: which intervals a rotation's coverage days, hours and
// holidays leave open. The rotation keeps turning underneath; this only says when it is staffed.
//
// A coverage day d opens at `from` on d and closes at `to` on d, or on d + 1 when `to` ≤ `from`
// (so equal times mean 24 hours). Holidays close whole local dates, including the part of an
// overnight window that runs into them. Wall times use the same gap/overlap policy as handoffs.
import { MS_PER_DAY, wallOf, weekdayOf, type ZoneClock } from './local-time.js';

export interface CoveragePlan {
  clock: ZoneClock;
  /** Weekday numbers, 0 = Monday. */
  days: ReadonlySet<number>;
  fromMinute: number;
  /** May be 1440 ("24:00"). */
  toMinute: number;
  holidays: ReadonlySet<number>;
}

export interface Interval {
  start: number;
  end: number;
}

function at(plan: CoveragePlan, day: number, minute: number): number {
  return plan.clock.instantOf(wallOf(day, minute));
}

/** The open parts of the window that opens on local date `day`, split by date, holidays removed. */
function windowParts(plan: CoveragePlan, day: number): Interval[] {
  if (!plan.days.has(weekdayOf(day))) return [];
  const overnight = plan.toMinute <= plan.fromMinute;
  const start = at(plan, day, plan.fromMinute);
  const end = overnight ? at(plan, day + 1, plan.toMinute) : at(plan, day, plan.toMinute);
  const midnight = at(plan, day + 1, 0);
  const parts: Interval[] = [];
  if (!plan.holidays.has(day)) parts.push({ start, end: Math.min(end, midnight) });
  if (end > midnight && !plan.holidays.has(day + 1)) parts.push({ start: midnight, end });
  return parts.filter((part) => part.end > part.start);
}

function mergeSorted(intervals: Interval[]): Interval[] {
  intervals.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Merged open intervals of windows opening on local dates firstDay … lastDay. */
function openIntervals(plan: CoveragePlan, firstDay: number, lastDay: number): Interval[] {
  const parts: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) parts.push(...windowParts(plan, day));
  return mergeSorted(parts);
}

function localDay(plan: CoveragePlan, instant: number): number {
  return Math.floor(plan.clock.wallAt(instant) / MS_PER_DAY);
}

/** Open intervals clipped to [from, to), merged, in order. */
export function coverageBetween(plan: CoveragePlan, from: number, to: number): Interval[] {
  if (to <= from) return [];
  return openIntervals(plan, localDay(plan, from) - 2, localDay(plan, to) + 1)
    .map((interval) => ({ start: Math.max(interval.start, from), end: Math.min(interval.end, to) }))
    .filter((interval) => interval.end > interval.start);
}

export function isCoveredAt(plan: CoveragePlan, instant: number): boolean {
  const day = localDay(plan, instant);
  for (let opening = day - 2; opening <= day; opening++) {
    for (const part of windowParts(plan, opening)) {
      if (part.start <= instant && instant < part.end) return true;
    }
  }
  return false;
}

/** The first instant strictly after `after` at which coverage opens, or null if it never does. */
export function nextCoverageOpening(plan: CoveragePlan, after: number): number | null {
  const day = localDay(plan, after);
  const horizon = day + 7 * (plan.holidays.size + 2);
  const intervals = openIntervals(plan, day - 2, horizon);
  return intervals.find((interval) => interval.start > after)?.start ?? null;
}
