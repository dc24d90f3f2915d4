// Times people type in commands, read in a rotation's zone: "tomorrow 18:00", "fri", "+2h", ISO.
//
// Local times follow the engine's policy: a wall time in a spring-forward gap means the first
// instant after the gap, one that happens twice means its first occurrence. Rules:
// - `now`; `today`/`tomorrow` [HH:MM]; ISO dates [HH:MM] (also `2026-12-24T09:00`) read locally;
//   ISO instants with `Z` or an offset are taken as they are.
// - A bare `HH:MM` is the next time the clock shows it: today, or tomorrow if already past.
// - A weekday [HH:MM] is the next such day; today counts if the time is still ahead (without a
//   time, today always counts: the day is not over).
// - `+2h`, `in 30m`: exact durations; `+3d`, `+1w`: calendar days, same wall time. At most 2 years.
// - A date without a time is `defaultTime` (default 00:00) that day, or with `endOfDay` the end of
//   it (the next local midnight), which is how the end of a range reads.
import { UserFacingError } from '../errors.js';
import {
  MS_PER_DAY,
  parseWallTime,
  wallOf,
  weekdayOf,
  zoneClock,
  type ZoneClock,
} from './engine/local-time.js';
import { formatLocalTime } from './time-input/format.js';
import {
  DURATION_MS,
  isTwoWordPhrase,
  parsePhrase,
  quoteInput,
  type Phrase,
} from './time-input/phrase.js';

export { formatLocalTime } from './time-input/format.js';
export { parseUserMention, splitArguments } from './time-input/tokens.js';

export interface TimeInputOptions {
  /** IANA zone the input is read in (the rotation's). */
  timezone: string;
  now: Date;
  /** HH:MM for inputs that name a day without a time; default "00:00". */
  defaultTime?: string;
  /** A day without a time means the end of that day (the next local midnight). */
  endOfDay?: boolean;
  /** Weekdays, bare times and durations count from here instead of from `now`. */
  relativeTo?: Date;
}

export interface TimeRange {
  start: Date;
  end: Date;
}

const MAX_AHEAD_MS = 2 * 366 * MS_PER_DAY;
const TIME_EXAMPLES = 'try "tomorrow 18:00", "fri 09:00", "2026-12-24 09:00" or "+2h"';

interface Context {
  clock: ZoneClock;
  now: number;
  reference: number;
  defaultMinute: number;
  endOfDay: boolean;
}

function contextOf(opts: TimeInputOptions): Context {
  const defaultMinute = parseWallTime(opts.defaultTime ?? '00:00');
  if (defaultMinute === null) throw new Error(`defaultTime "${opts.defaultTime}" is not HH:MM`);
  return {
    clock: zoneClock(opts.timezone),
    now: opts.now.getTime(),
    reference: (opts.relativeTo ?? opts.now).getTime(),
    defaultMinute,
    endOfDay: opts.endOfDay ?? false,
  };
}

function localDay(ctx: Context, instant: number): number {
  return Math.floor(ctx.clock.wallAt(instant) / MS_PER_DAY);
}

function at(ctx: Context, day: number, minute: number): number {
  return ctx.clock.instantOf(wallOf(day, minute));
}

/** A day named without a time: its default time, or its end. */
function dayOnly(ctx: Context, day: number): number {
  return ctx.endOfDay ? at(ctx, day + 1, 0) : at(ctx, day, ctx.defaultMinute);
}

function onDay(ctx: Context, day: number, minute: number | undefined): number {
  return minute === undefined ? dayOnly(ctx, day) : at(ctx, day, minute);
}

function nextWeekday(ctx: Context, weekday: number, minute: number | undefined): number {
  const today = localDay(ctx, ctx.reference);
  const day = today + ((weekday - weekdayOf(today) + 7) % 7);
  if (minute === undefined) return dayOnly(ctx, day);
  const instant = at(ctx, day, minute);
  return instant >= ctx.reference ? instant : at(ctx, day + 7, minute);
}

function nextClock(ctx: Context, minute: number): number {
  const today = localDay(ctx, ctx.reference);
  const instant = at(ctx, today, minute);
  return instant >= ctx.reference ? instant : at(ctx, today + 1, minute);
}

function later(ctx: Context, phrase: Extract<Phrase, { kind: 'duration' }>, text: string): number {
  const length = phrase.amount * DURATION_MS[phrase.unit];
  if (length > MAX_AHEAD_MS) {
    throw new UserFacingError(`${quoteInput(text)}: that is too far ahead (at most 2 years)`);
  }
  if (phrase.unit === 'm' || phrase.unit === 'h') return ctx.reference + length;
  return ctx.clock.instantOf(ctx.clock.wallAt(ctx.reference) + length);
}

function resolve(ctx: Context, phrase: Phrase, text: string): number {
  switch (phrase.kind) {
    case 'now':
      return ctx.now;
    case 'instant':
      return phrase.at;
    case 'date':
      return phrase.ms === undefined
        ? dayOnly(ctx, phrase.day)
        : ctx.clock.instantOf(phrase.day * MS_PER_DAY + phrase.ms);
    case 'relative-day':
      return onDay(ctx, localDay(ctx, ctx.now) + phrase.offset, phrase.minute);
    case 'weekday':
      return nextWeekday(ctx, phrase.weekday, phrase.minute);
    case 'clock':
      return nextClock(ctx, phrase.minute);
    case 'duration':
      return later(ctx, phrase, text);
  }
}

/** The instant a typed time means; a UserFacingError names the bad part in one sentence. */
export function parseTimeInput(text: string, opts: TimeInputOptions): Date {
  return new Date(resolve(contextOf(opts), parsePhrase(text), text));
}

/** A full ISO instant with `Z` or an offset, and nothing else (for `--at`). */
export function parseIsoInstant(text: string): Date {
  const phrase = /^\d{4}-/.test(text.trim()) ? parsePhrase(text) : null;
  if (phrase?.kind !== 'instant') {
    throw new UserFacingError(
      `${quoteInput(text)} is not an ISO instant with a time zone (use e.g. 2026-03-30T07:00:00Z)`,
    );
  }
  return new Date(phrase.at);
}

function checkOrder(range: TimeRange, fromText: string, toText: string, zone: string): TimeRange {
  if (range.end > range.start) return range;
  const shown = (text: string, instant: Date) =>
    `${quoteInput(text)} (${formatLocalTime(instant, zone)})`;
  throw new UserFacingError(
    `The end ${shown(toText, range.end)} is not after the start ${shown(fromText, range.start)}`,
  );
}

/**
 * A start and an end. The end reads relative to the start (a weekday, bare time or duration counts
 * from it) and a day without a time ends at its end: "2026-12-24" to "2026-12-26" is three days.
 */
export function parseTimeRange(
  fromText: string,
  toText: string,
  opts: TimeInputOptions,
): TimeRange {
  const start = parseTimeInput(fromText, opts);
  const end = parseTimeInput(toText, { ...opts, endOfDay: true, relativeTo: start });
  return checkOrder({ start, end }, fromText, toText, opts.timezone);
}

/** The time phrase at `tokens[index]`: "fri 09:00" and "in 2h" take two tokens, others one. */
function phraseAt(tokens: readonly string[], index: number): { text: string; next: number } {
  const first = tokens[index];
  if (first === undefined) throw new UserFacingError(`A time is missing (${TIME_EXAMPLES})`);
  const second = tokens[index + 1];
  if (second !== undefined && isTwoWordPhrase(first, second)) {
    return { text: `${first} ${second}`, next: index + 2 };
  }
  return { text: first, next: index + 1 };
}

/** Reads one time from command words, taking a following HH:MM along: `{ value, next }`. */
export function takeTime(
  tokens: readonly string[],
  index: number,
  opts: TimeInputOptions,
): { value: Date; next: number } {
  const { text, next } = phraseAt(tokens, index);
  return { value: parseTimeInput(text, opts), next };
}

/** Reads a start and an end from command words with the rules of parseTimeRange. */
export function takeTimeRange(
  tokens: readonly string[],
  index: number,
  opts: TimeInputOptions,
): TimeRange & { next: number } {
  const from = phraseAt(tokens, index);
  const to = phraseAt(tokens, from.next);
  return { ...parseTimeRange(from.text, to.text, opts), next: to.next };
}
