// Who is on duty in one rotation at one instant.
//
// Policy on overrides and coverage: an override without `replaces` puts its member on duty for
// its whole range, even outside coverage hours, on holidays or before the first handoff, because
// someone explicitly asked to be on duty then; `covered` still reports the coverage mask, so such
// a duty reads covered: false, member set, source 'override'. An override with `replaces` only
// stands in for that member while they would be on duty, so it never extends coverage.
import { resolveChanges } from './changes.js';
import { compileRotation, epochMs } from './compile.js';
import { isCoveredAt } from './coverage.js';
import { handoffInstant, shiftIndexAt } from './handoffs.js';
import { composeDuty } from './state.js';
import type { Duty, RotationChanges, RotationSpec } from './types.js';

export function dutyAt(spec: RotationSpec, changes: RotationChanges, at: Date): Duty {
  const rotation = compileRotation(spec);
  const instant = epochMs(at, 'at');
  const shiftIndex = shiftIndexAt(rotation.handoffs, instant);
  const maskOpen = rotation.coverage === null || isCoveredAt(rotation.coverage, instant);
  const state = composeDuty(
    rotation,
    resolveChanges(rotation, changes),
    instant,
    shiftIndex,
    maskOpen,
  );
  const duty: Duty = {
    rotation: rotation.name,
    at: new Date(instant),
    member: state.member,
    covered: state.covered,
    source: state.source,
    shift: null,
  };
  if (state.shiftMember === null) {
    duty.rotationStartsAt = new Date(handoffInstant(rotation.handoffs, 0));
  } else {
    duty.shift = {
      index: shiftIndex,
      start: new Date(handoffInstant(rotation.handoffs, shiftIndex)),
      end: new Date(handoffInstant(rotation.handoffs, shiftIndex + 1)),
      member: state.shiftMember,
    };
    if (state.swap) duty.shift.swapId = state.swap.id;
  }
  if (state.override) duty.override = state.override;
  if (state.coveredFor !== undefined) duty.coveredFor = state.coveredFor;
  return duty;
}
