// Checks a RotationSpec once and turns it into the plans the engine computes with (cached per spec
// object, so specs are treated as immutable).
import { buildRosterPlan, type RosterPlan } from './roster.js';
import type { CoveragePlan } from './coverage.js';
import { firstDayOnOrAfter, firstShiftIndexFrom, type HandoffPlan } from './handoffs.js';
import {
  parseLocalDate,
  parseWallTime,
  weekdayNumber,
  WEEKDAYS,
  zoneClock,
  type ZoneClock,
} from './local-time.js';
import type { RotationSpec, Weekday } from './types.js';

export interface CompiledRotation {
  name: string;
  handoffs: HandoffPlan;
  roster: RosterPlan;
  coverage: CoveragePlan | null;
}

/** A rotation spec the engine cannot use; the message names the rotation and the field. */
export class RotationSpecError extends RangeError {
  constructor(rotation: string, problem: string) {
    super(`rotation "${rotation}": ${problem}`);
    this.name = 'RotationSpecError';
  }
}

/** Epoch milliseconds of a Date argument; throws RangeError for an invalid Date. */
export function epochMs(date: Date, what: string): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`${what} is not a valid date`);
  return instant;
}

const compiled = new WeakMap<RotationSpec, CompiledRotation>();

export function compileRotation(spec: RotationSpec): CompiledRotation {
  let rotation = compiled.get(spec);
  if (!rotation) {
    rotation = compile(spec, (problem) => new RotationSpecError(spec.name, problem));
    compiled.set(spec, rotation);
  }
  return rotation;
}

type Fail = (problem: string) => RotationSpecError;

function clockOf(spec: RotationSpec, fail: Fail): ZoneClock {
  try {
    return zoneClock(spec.timezone);
  } catch {
    throw fail(`timezone "${spec.timezone}" is not an IANA time zone`);
  }
}

function weekday(day: Weekday, field: string, fail: Fail): number {
  if (!WEEKDAYS.includes(day)) throw fail(`${field} "${day}" is not one of ${WEEKDAYS.join(', ')}`);
  return weekdayNumber(day);
}

function handoffPlan(spec: RotationSpec, clock: ZoneClock, fail: Fail): HandoffPlan {
  const { unit, count } = spec.shiftLength;
  if (!Number.isInteger(count) || count < 1)
    throw fail('shiftLength.count must be a whole number ≥ 1');
  if (unit !== 'day' && unit !== 'week') throw fail('shiftLength.unit must be "day" or "week"');
  const minuteOfDay = parseWallTime(spec.handoff.time);
  if (minuteOfDay === null) throw fail(`handoff.time "${spec.handoff.time}" is not HH:MM`);
  const startDay = parseLocalDate(spec.start);
  if (startDay === null) throw fail(`start "${spec.start}" is not a YYYY-MM-DD date`);
  const handoffDay = spec.handoff.day;
  const firstDay =
    unit === 'week' && handoffDay !== undefined
      ? firstDayOnOrAfter(startDay, weekday(handoffDay, 'handoff.day', fail))
      : startDay;
  return { clock, firstDay, stepDays: unit === 'week' ? 7 * count : count, minuteOfDay };
}

function coveragePlan(spec: RotationSpec, clock: ZoneClock, fail: Fail): CoveragePlan | null {
  const holidays = new Set<number>();
  for (const holiday of spec.holidays ?? []) {
    const day = parseLocalDate(holiday);
    if (day === null) throw fail(`holiday "${holiday}" is not a YYYY-MM-DD date`);
    holidays.add(day);
  }
  const coverage = spec.coverage;
  if (!coverage) {
    if (holidays.size === 0) return null;
    return { clock, days: new Set([0, 1, 2, 3, 4, 5, 6]), fromMinute: 0, toMinute: 0, holidays };
  }
  const fromMinute = parseWallTime(coverage.from);
  if (fromMinute === null) throw fail(`coverage.from "${coverage.from}" is not HH:MM`);
  const toMinute = parseWallTime(coverage.to, true);
  if (toMinute === null) throw fail(`coverage.to "${coverage.to}" is not HH:MM or 24:00`);
  const days = new Set(coverage.days.map((day) => weekday(day, 'coverage.days', fail)));
  return { clock, days, fromMinute, toMinute, holidays };
}

function compile(spec: RotationSpec, fail: Fail): CompiledRotation {
  const clock = clockOf(spec, fail);
  const handoffs = handoffPlan(spec, clock, fail);
  const coverage = coveragePlan(spec, clock, fail);
  if (spec.rosters.length === 0) throw fail('rosters must hold at least one version');
  spec.rosters.forEach((version, index) => {
    if (version.members.length === 0) throw fail(`rosters[${index}] has no members`);
    if (index > 0 && Number.isNaN(version.effectiveFrom.getTime())) {
      throw fail(`rosters[${index}].effectiveFrom is not a valid date`);
    }
  });
  const roster = buildRosterPlan(spec.rosters, (effectiveFrom) =>
    firstShiftIndexFrom(handoffs, effectiveFrom.getTime()),
  );
  return { name: spec.name, handoffs, roster, coverage };
}
