// Questions about the shape of a rotation alone: its shifts and handoffs, when a roster change
// takes effect, when coverage resumes, and which swaps hold.
import { resolveChanges } from './changes.js';
import { compileRotation, epochMs } from './compile.js';
import { nextCoverageOpening } from './coverage.js';
import { handoffInstant, handoffInstantsBetween, shiftIndexAt } from './handoffs.js';
import type { RotationSpec, ShiftWindow, Swap, SwapOutcome } from './types.js';

/** The shift in progress at `at`, or null before the first handoff. */
export function shiftAt(spec: RotationSpec, at: Date): ShiftWindow | null {
  const plan = compileRotation(spec).handoffs;
  const index = shiftIndexAt(plan, epochMs(at, 'at'));
  if (index < 0) return null;
  return {
    index,
    start: new Date(handoffInstant(plan, index)),
    end: new Date(handoffInstant(plan, index + 1)),
  };
}

/** Handoff instants h with from ≤ h < to. */
export function handoffsBetween(spec: RotationSpec, from: Date, to: Date): Date[] {
  const plan = compileRotation(spec).handoffs;
  return handoffInstantsBetween(plan, epochMs(from, 'from'), epochMs(to, 'to')).map(
    (h) => new Date(h),
  );
}

/** The handoff a roster change seen at `seenAt` takes effect at: the next one strictly after it. */
export function rosterVersionEffectiveAt(spec: RotationSpec, seenAt: Date): Date {
  const plan = compileRotation(spec).handoffs;
  return new Date(handoffInstant(plan, shiftIndexAt(plan, epochMs(seenAt, 'seenAt')) + 1));
}

/**
 * The first instant strictly after `at` at which coverage opens ("resumes Mon 08:00"); null for
 * a rotation without coverage hours or holidays (never closed) or whose coverage never opens.
 */
export function nextCoverageStart(spec: RotationSpec, at: Date): Date | null {
  const coverage = compileRotation(spec).coverage;
  if (!coverage) return null;
  const opening = nextCoverageOpening(coverage, epochMs(at, 'at'));
  return opening === null ? null : new Date(opening);
}

/** Which swaps hold and why the others are void, oldest first. */
export function swapOutcomes(spec: RotationSpec, swaps: readonly Swap[]): SwapOutcome[] {
  return resolveChanges(compileRotation(spec), { overrides: [], swaps }).swapOutcomes;
}
