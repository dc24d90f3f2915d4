// Who is on duty at one instant, composed from its parts: shift in progress, coverage, overrides.
// Both dutyAt and the timeline go through here, so they cannot disagree on the rules.
import { applyOverrides, shiftMemberOf, type ResolvedChanges } from './changes.js';
import type { CompiledRotation } from './compile.js';
import type { DutySource, Override, Swap } from './types.js';

export interface DutyState {
  /** −1 before the first handoff. */
  shiftIndex: number;
  /** The shift's member after swaps; null before the first handoff. */
  shiftMember: string | null;
  swap?: Swap;
  /** Inside coverage hours; false before the first handoff. */
  covered: boolean;
  member: string | null;
  source: DutySource;
  override?: Override;
  coveredFor?: string;
}

/** `maskOpen`: whether the coverage mask (if any) is open at `instant`. */
export function composeDuty(
  rotation: CompiledRotation,
  changes: ResolvedChanges,
  instant: number,
  shiftIndex: number,
  maskOpen: boolean,
): DutyState {
  const shift = shiftIndex >= 0 ? shiftMemberOf(rotation, changes, shiftIndex) : null;
  const covered = shift !== null && maskOpen;
  const base = covered ? shift.member : null;
  const onDuty = applyOverrides(changes.overrides, instant, base);
  const source: DutySource = onDuty.override
    ? 'override'
    : base !== null && shift?.swap
      ? 'swap'
      : 'rotation';
  const state: DutyState = {
    shiftIndex,
    shiftMember: shift?.member ?? null,
    covered,
    member: onDuty.member,
    source,
  };
  if (shift?.swap) state.swap = shift.swap;
  if (onDuty.override) state.override = onDuty.override;
  if (onDuty.coveredFor !== undefined) state.coveredFor = onDuty.coveredFor;
  return state;
}
