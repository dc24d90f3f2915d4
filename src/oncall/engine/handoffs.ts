// Handoff instants: handoff k is the handoff wall time on local date first + k·step, never k·24 h.
import { MS_PER_DAY, wallOf, weekdayOf, type ZoneClock } from './local-time.js';

export interface HandoffPlan {
  clock: ZoneClock;
  /** Local date (days since 1970-01-01) of handoff 0. */
  firstDay: number;
  stepDays: number;
  minuteOfDay: number;
}

/** The first date on or after `startDay` that falls on `weekday` (0 = Monday). */
export function firstDayOnOrAfter(startDay: number, weekday: number): number {
  return startDay + ((weekday - weekdayOf(startDay) + 7) % 7);
}

export function handoffInstant(plan: HandoffPlan, index: number): number {
  return plan.clock.instantOf(wallOf(plan.firstDay + index * plan.stepDays, plan.minuteOfDay));
}

/** Index of the shift in progress at `instant`: the last handoff at or before it; −1 before handoff 0. */
export function shiftIndexAt(plan: HandoffPlan, instant: number): number {
  const first = handoffInstant(plan, 0);
  if (instant < first) return -1;
  let index = Math.floor((instant - first) / (plan.stepDays * MS_PER_DAY));
  while (index > 0 && handoffInstant(plan, index) > instant) index--;
  while (handoffInstant(plan, index + 1) <= instant) index++;
  return index;
}

/** Index of the first shift starting at or after `instant`. */
export function firstShiftIndexFrom(plan: HandoffPlan, instant: number): number {
  const index = shiftIndexAt(plan, instant);
  if (index < 0) return 0;
  return handoffInstant(plan, index) === instant ? index : index + 1;
}

/** Handoff instants h with from ≤ h < to, in order. */
export function handoffInstantsBetween(plan: HandoffPlan, from: number, to: number): number[] {
  const instants: number[] = [];
  for (let index = firstShiftIndexFrom(plan, from); ; index++) {
    const instant = handoffInstant(plan, index);
    if (instant >= to) return instants;
    instants.push(instant);
  }
}
