// Turns the validated duration and shift-length strings of app.yaml into numbers code can compute with.
import { DURATION, SHIFT_LENGTH } from './fields.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration such as "30m", "24h" or "2d" (as validated by the schema). */
export function durationMs(duration: string): number {
  const match = DURATION.exec(duration);
  if (!match) throw new Error(`not a duration: ${JSON.stringify(duration)}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export interface ShiftLength {
  /** How many units: the 2 of "2w". */
  count: number;
  /** 'week' shifts hand off on `handoff.day`; 'day' shifts hand off every `count` days. */
  unit: 'day' | 'week';
  /** Length in calendar days: "2w" is 14. */
  days: number;
}

/** The parts of a shift length such as "1w" or "3d" (as validated by the schema). */
export function parseShiftLength(shiftLength: string): ShiftLength {
  const match = SHIFT_LENGTH.exec(shiftLength);
  if (!match) throw new Error(`not a shift length: ${JSON.stringify(shiftLength)}`);
  const count = Number(match[1]);
  const unit = match[2] === 'w' ? 'week' : 'day';
  return { count, unit, days: unit === 'week' ? count * 7 : count };
}
