// Swaps and overrides on top of the roster: which swaps hold, and who overrides leave on duty.
//
// Swaps apply oldest first (createdAt, then id). A swap holds only if both instants are handoffs
// of two different shifts and each shift is still held by the member it names, counting earlier
// swaps; otherwise it is void and changes nothing.
//
// Overrides stack oldest first, so the newest wins where they overlap. An override without
// `replaces` puts its member on duty for [start, end), even outside coverage or before the first
// handoff: someone explicitly asked to be on duty then. An override with `replaces` applies only
// while that member would otherwise be on duty (a replace-override, as in GoAlert), so it never
// extends coverage. Overrides with end ≤ start are ignored.
import type { CompiledRotation } from './compile.js';
import { handoffInstant, shiftIndexAt } from './handoffs.js';
import { rosterMemberOf } from './roster.js';
import type { Override, RotationChanges, Swap, SwapOutcome } from './types.js';

export interface ResolvedChanges {
  swapped: ReadonlyMap<number, { member: string; swap: Swap }>;
  swapOutcomes: SwapOutcome[];
  /** Valid overrides, oldest first. */
  overrides: Override[];
}

export interface OnDuty {
  member: string | null;
  override?: Override;
  coveredFor?: string;
}

function byAge<T extends { id: string; createdAt: Date }>(a: T, b: T): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function shiftStartingAt(rotation: CompiledRotation, start: Date): number | null {
  const index = shiftIndexAt(rotation.handoffs, start.getTime());
  if (index < 0 || handoffInstant(rotation.handoffs, index) !== start.getTime()) return null;
  return index;
}

function resolveSwaps(rotation: CompiledRotation, swaps: readonly Swap[]) {
  const swapped = new Map<number, { member: string; swap: Swap }>();
  const holder = (shift: number) =>
    swapped.get(shift)?.member ?? rosterMemberOf(rotation.roster, shift);
  const swapOutcomes = [...swaps].sort(byAge).map((swap): SwapOutcome => {
    const shiftA = shiftStartingAt(rotation, swap.shiftA);
    const shiftB = shiftStartingAt(rotation, swap.shiftB);
    if (shiftA === null || shiftB === null) {
      return { swap, applied: false, reason: 'a swapped shift does not start at a handoff' };
    }
    if (shiftA === shiftB)
      return { swap, applied: false, reason: 'both sides name the same shift' };
    if (holder(shiftA) !== swap.memberA || holder(shiftB) !== swap.memberB) {
      return {
        swap,
        applied: false,
        reason: 'a shift is no longer held by the member the swap names',
      };
    }
    swapped.set(shiftA, { member: swap.memberB, swap });
    swapped.set(shiftB, { member: swap.memberA, swap });
    return { swap, applied: true };
  });
  return { swapped, swapOutcomes };
}

export function resolveChanges(
  rotation: CompiledRotation,
  changes: RotationChanges,
): ResolvedChanges {
  const overrides = changes.overrides
    .filter((override) => override.end.getTime() > override.start.getTime())
    .sort(byAge);
  return { ...resolveSwaps(rotation, changes.swaps), overrides };
}

export function shiftMemberOf(rotation: CompiledRotation, changes: ResolvedChanges, shift: number) {
  const swapped = changes.swapped.get(shift);
  if (swapped) return { member: swapped.member, swap: swapped.swap };
  return { member: rosterMemberOf(rotation.roster, shift) };
}

/** Stacks the overrides active at `instant` (oldest first) on top of `base`. */
export function applyOverrides(
  overrides: readonly Override[],
  instant: number,
  base: string | null,
): OnDuty {
  const onDuty: OnDuty = { member: base };
  for (const override of overrides) {
    if (override.start.getTime() > instant || override.end.getTime() <= instant) continue;
    if (override.replaces !== undefined && override.replaces !== onDuty.member) continue;
    if (onDuty.member === null) delete onDuty.coveredFor;
    else onDuty.coveredFor = onDuty.member;
    onDuty.member = override.member;
    onDuty.override = override;
  }
  return onDuty;
}
