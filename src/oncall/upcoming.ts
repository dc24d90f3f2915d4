// The coming shifts of a rotation and of a person, with overrides and swaps marked: pure.
import { shiftsBetween, type Shift } from './engine/index.js';
import type { RotationContext } from './rotation-context.js';

export interface ScheduledShift extends Shift {
  rotation: string;
}

export function upcomingShifts(context: RotationContext, from: Date, to: Date): ScheduledShift[] {
  return shiftsBetween(context.spec, context.changes, from, to)
    .filter((shift) => shift.end > from)
    .map((shift) => ({ ...shift, rotation: context.rotation.name }));
}

export interface PersonalShift {
  rotation: string;
  start: Date;
  end: Date;
  kind: 'shift' | 'swap' | 'override';
  coveringFor?: string;
}

/** A person's own shifts (after swaps) and the overrides they cover, soonest first. */
export function shiftsOf(
  userId: string,
  contexts: RotationContext[],
  from: Date,
  to: Date,
): PersonalShift[] {
  const mine: PersonalShift[] = [];
  for (const context of contexts) {
    for (const shift of upcomingShifts(context, from, to)) {
      if (shift.member === userId) {
        mine.push({
          rotation: context.rotation.name,
          start: shift.start,
          end: shift.end,
          kind: shift.source === 'swap' ? 'swap' : 'shift',
        });
      }
    }
    for (const override of context.changes.overrides) {
      if (override.member === userId && override.end > from && override.start < to) {
        mine.push({
          rotation: context.rotation.name,
          start: override.start,
          end: override.end,
          kind: 'override',
          coveringFor: override.replaces,
        });
      }
    }
  }
  return mine.sort((a, b) => a.start.getTime() - b.start.getTime());
}
