// Input checks shared by the store's methods; each violation a user could cause is a UserFacingError.
import { UserFacingError } from '../../errors.js';

/** Longest reason or note kept; Slack shows it inside a message that has other text too. */
export const MAX_NOTE_LENGTH = 500;

/** A non-empty, trimmed text (a rotation name, a Slack user id); `what` starts the sentence. */
export function requireText(value: string | undefined, what: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new UserFacingError(`${what} is missing.`);
  return text;
}

/** An optional free text: trimmed, empty becomes absent, too long is refused. */
export function optionalNote(value: string | undefined, what: string): string | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (text.length > MAX_NOTE_LENGTH)
    throw new UserFacingError(
      `${what} is ${text.length} characters long; keep it under ${MAX_NOTE_LENGTH}.`,
    );
  return text;
}

export function requireInstant(value: Date, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new UserFacingError(`${what} is not a valid date and time.`);
  return value;
}

/** A time range [start, end) that is not over yet at `now`. */
export function requireFutureRange(start: Date, end: Date, now: Date, what: string): void {
  requireInstant(start, `The start of the ${what}`);
  requireInstant(end, `The end of the ${what}`);
  if (end.getTime() <= start.getTime())
    throw new UserFacingError(`The ${what} must end after it starts.`);
  if (end.getTime() <= now.getTime())
    throw new UserFacingError(`The ${what} is already over; pick a time range that has not ended.`);
}

/** Rotation names for a list query; an empty list asks for nothing. */
export function rotationList(rotations: readonly string[]): string[] {
  return [...new Set(rotations.map((rotation) => rotation.trim()).filter(Boolean))];
}
