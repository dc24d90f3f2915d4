// Who is on duty now in each rotation of some teams, who is next and when: the /oncall answer's model.
import type { Rotation, Team } from '../config/schema.js';
import {
  dutyAt,
  handoffsBetween,
  nextCoverageStart,
  type Override,
  type RotationSpec,
  type Swap,
} from './engine/index.js';
import { rotationSpec } from './rotation-spec.js';

export interface RotationChanges {
  overrides: Override[];
  swaps: Swap[];
}

export interface RotationNow {
  team: string;
  rotation: Rotation;
  member: string | null;
  covered: boolean;
  source: 'rotation' | 'override' | 'swap';
  coveringFor?: string;
  overrideEnds?: Date;
  shiftEnds: Date | null;
  next: { member: string; from: Date } | null;
  resumesAt: Date | null;
  startsAt: Date | null;
}

export interface OncallNow {
  at: Date;
  rotations: RotationNow[];
}

export type ChangesFor = (team: Team, rotation: Rotation) => RotationChanges;

const noChanges: ChangesFor = () => ({ overrides: [], swaps: [] });

export function oncallNow(teams: Team[], at: Date, changesFor: ChangesFor = noChanges): OncallNow {
  const rotations = teams.flatMap((team) =>
    team.rotations.map((rotation) =>
      rotationNow(team, rotation, rotationSpec(rotation), changesFor(team, rotation), at),
    ),
  );
  return { at, rotations };
}

function rotationNow(
  team: Team,
  rotation: Rotation,
  spec: RotationSpec,
  changes: RotationChanges,
  at: Date,
): RotationNow {
  const duty = dutyAt(spec, changes, at);
  const shiftEnds = duty.shift?.end ?? null;
  const nextShiftStart = shiftEnds ?? firstHandoffAfter(spec, at);
  const nextDuty = nextShiftStart ? dutyAt(spec, changes, nextShiftStart) : null;
  return {
    team: team.name,
    rotation,
    member: duty.member,
    covered: duty.covered,
    source: duty.source,
    coveringFor: duty.coveredFor,
    overrideEnds: duty.override?.end,
    shiftEnds,
    next:
      nextDuty?.shift && nextShiftStart
        ? { member: nextDuty.shift.member, from: nextShiftStart }
        : null,
    resumesAt: duty.covered ? null : nextCoverageStart(spec, at),
    startsAt: duty.shift ? null : nextShiftStart,
  };
}

/** Before a rotation's first handoff there is no shift: find when it starts (within two years). */
function firstHandoffAfter(spec: RotationSpec, at: Date): Date | null {
  const twoYears = 2 * 366 * 24 * 3600 * 1000;
  return handoffsBetween(spec, at, new Date(at.getTime() + twoYears))[0] ?? null;
}
