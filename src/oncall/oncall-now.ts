// Who is on duty now in each rotation, who is next and when: the /oncall answer's model.
import type { Rotation } from '../config/schema.js';
import { dutyAt, handoffsBetween, nextCoverageStart, type RotationSpec } from './engine/index.js';
import type { RotationContext } from './rotation-context.js';

export interface RotationNow {
  team: string;
  rotation: Rotation;
  member: string | null;
  covered: boolean;
  source: 'rotation' | 'override' | 'swap';
  coveringFor?: string;
  overrideEnds?: Date;
  /** Whose shift it is, even outside coverage hours. */
  shiftMember: string | null;
  shiftEnds: Date | null;
  next: { member: string; from: Date } | null;
  resumesAt: Date | null;
  startsAt: Date | null;
  holiday: boolean;
}

export interface OncallNow {
  at: Date;
  rotations: RotationNow[];
}

export function oncallNow(contexts: RotationContext[], at: Date): OncallNow {
  return { at, rotations: contexts.map((context) => rotationNow(context, at)) };
}

export function rotationNow(
  { team, rotation, spec, changes }: RotationContext,
  at: Date,
): RotationNow {
  const duty = dutyAt(spec, changes, at);
  const shiftEnds = duty.shift?.end ?? null;
  const nextShiftStart = shiftEnds ?? duty.rotationStartsAt ?? firstHandoffAfter(spec, at);
  const nextDuty = nextShiftStart ? dutyAt(spec, changes, nextShiftStart) : null;
  return {
    team: team.name,
    rotation,
    member: duty.member,
    covered: duty.covered,
    source: duty.source,
    coveringFor: duty.coveredFor,
    overrideEnds: duty.override?.end,
    shiftMember: duty.shift?.member ?? null,
    shiftEnds,
    next:
      nextDuty?.shift && nextShiftStart
        ? { member: nextDuty.shift.member, from: nextShiftStart }
        : null,
    resumesAt: duty.member === null && duty.shift ? nextCoverageStart(spec, at) : null,
    startsAt: duty.shift ? null : nextShiftStart,
    holiday: rotation.holidays.includes(localDate(at, rotation.timezone)),
  };
}

/** Before a rotation's first handoff there is no shift: find when it starts (within two years). */
function firstHandoffAfter(spec: RotationSpec, at: Date): Date | null {
  const twoYears = 2 * 366 * 24 * 3600 * 1000;
  return handoffsBetween(spec, at, new Date(at.getTime() + twoYears))[0] ?? null;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function localDate(at: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(at);
}
