// The grammar of time phrases people type ("fri 18:00", "tomorrow", "+2h", ISO): text → Phrase.
// Nothing here knows the current time or a zone; resolving a Phrase to an instant is time-input.ts.
import { UserFacingError } from '../../errors.js';
import { MS_PER_MINUTE, parseLocalDate } from '../engine/local-time.js';

export type DurationUnit = 'm' | 'h' | 'd' | 'w';

export type Phrase =
  | { kind: 'now' }
  /** An instant given with Z or a UTC offset. */
  | { kind: 'instant'; at: number }
  /** A local date (days since 1970-01-01) and, when given, a wall time in ms after midnight. */
  | { kind: 'date'; day: number; ms?: number }
  /** today (0) or tomorrow (1), with an optional minute of the day. */
  | { kind: 'relative-day'; offset: 0 | 1; minute?: number }
  /** The next such weekday (0 = Monday), with an optional minute of the day. */
  | { kind: 'weekday'; weekday: number; minute?: number }
  /** A bare HH:MM: the next time the clock shows it. */
  | { kind: 'clock'; minute: number }
  | { kind: 'duration'; amount: number; unit: DurationUnit };

/** Longest input worth reading; anything longer is refused without being parsed. */
export const MAX_INPUT_LENGTH = 64;

const EXAMPLES = '"tomorrow 18:00", "fri 09:00", "2026-12-24 09:00" or "+2h"';
const WEEKDAY_NAMES: Record<string, number> = {
  mon: 0,
  monday: 0,
  tue: 1,
  tues: 1,
  tuesday: 1,
  wed: 2,
  wednesday: 2,
  thu: 3,
  thur: 3,
  thurs: 3,
  thursday: 3,
  fri: 4,
  friday: 4,
  sat: 5,
  saturday: 5,
  sun: 6,
  sunday: 6,
};
const CLOCK_LIKE = /^(\d{1,2}):(\d{1,2})$/;
const DATE_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DURATION = /^\+?(\d{1,7})(m|min|h|d|w)$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(z|[+-]\d{2}:?\d{2})?$/;

/** The input as it may be quoted back: control characters removed, spaces collapsed, shortened. */
export function quoteInput(text: string): string {
  const printable = [...text]
    .map((char) => ((char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f' ? ' ' : char))
    .join('');
  const clean = printable.replace(/\s+/g, ' ').trim();
  const short = clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
  return `"${short}"`;
}

function refuse(text: string, problem: string): UserFacingError {
  return new UserFacingError(`${quoteInput(text)}: ${problem}`);
}

/** Minutes after midnight of H:MM or HH:MM; a clock-like word that is not a time of day is refused. */
function clockMinute(word: string, text: string): number | null {
  const match = CLOCK_LIKE.exec(word);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if ((match[2] ?? '').length !== 2 || hour > 23 || minute > 59) {
    throw refuse(text, `${word} is not a time of day (use HH:MM, e.g. 18:00)`);
  }
  return hour * 60 + minute;
}

function calendarDay(word: string, text: string): number | null {
  if (!DATE_LIKE.test(word)) return null;
  const day = parseLocalDate(word);
  if (day === null) throw refuse(text, `${word} is not a date (use YYYY-MM-DD, e.g. 2026-12-24)`);
  return day;
}

function offsetMs(zone: string, text: string): number {
  if (zone === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  const hours = Number(match?.[2]);
  const minutes = Number(match?.[3]);
  if (!match || hours > 14 || minutes > 59) {
    throw refuse(text, `${zone.toUpperCase()} is not a UTC offset (use Z or ±HH:MM)`);
  }
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * MS_PER_MINUTE;
}

/** 2026-12-24T09:00, 2026-12-24T09:00:00.000Z, 2026-12-24T09:00+01:00. */
function isoDateTime(word: string, text: string): Phrase | null {
  const match = ISO_DATE_TIME.exec(word);
  if (!match) return null;
  const [, date = '', hourText, minuteText, secondText, fraction, zone] = match;
  const day = calendarDay(date, text);
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText ?? 0)];
  if (day === null || hour > 23 || minute > 59 || second > 59) {
    throw refuse(text, `${word.toUpperCase()} is not a date and time (use e.g. 2026-12-24T09:00)`);
  }
  const millis = Math.floor(Number(`0.${fraction ?? '0'}`) * 1000);
  const ms = ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (zone === undefined) return { kind: 'date', day, ms };
  return { kind: 'instant', at: day * 86_400_000 + ms - offsetMs(zone, text) };
}

function duration(word: string, text: string): Phrase | null {
  const match = DURATION.exec(word);
  if (!match) return null;
  const unit = (match[2] === 'min' ? 'm' : match[2]) as DurationUnit;
  const amount = Number(match[1]);
  if (amount === 0) throw refuse(text, `${word} is no time at all (use e.g. +2h or +3d)`);
  return { kind: 'duration', amount, unit };
}

/** A word naming a day: today, tomorrow, a weekday or an ISO date. */
function dayWord(word: string, text: string): Phrase | null {
  if (word === 'today') return { kind: 'relative-day', offset: 0 };
  if (word === 'tomorrow') return { kind: 'relative-day', offset: 1 };
  const weekday = WEEKDAY_NAMES[word];
  if (weekday !== undefined) return { kind: 'weekday', weekday };
  const day = calendarDay(word, text);
  return day === null ? null : { kind: 'date', day };
}

function withMinute(phrase: Phrase, minute: number): Phrase {
  if (phrase.kind === 'date') return { ...phrase, ms: minute * MS_PER_MINUTE };
  if (phrase.kind === 'relative-day' || phrase.kind === 'weekday') return { ...phrase, minute };
  return phrase;
}

function oneWord(word: string, text: string): Phrase | null {
  if (word === 'now') return { kind: 'now' };
  const minute = clockMinute(word, text);
  if (minute !== null) return { kind: 'clock', minute };
  return dayWord(word, text) ?? isoDateTime(word, text) ?? duration(word, text);
}

function twoWords(first: string, second: string, text: string): Phrase | null {
  if (first === 'in') return duration(second, text);
  const day = dayWord(first, text);
  if (day === null) return null;
  const minute = clockMinute(second, text);
  return minute === null ? null : withMinute(day, minute);
}

/** Reads one time phrase; a UserFacingError names the bad part and shows what would work. */
export function parsePhrase(text: string): Phrase {
  if (text.length > MAX_INPUT_LENGTH) {
    throw refuse(text, `that is too long to be a time (try ${EXAMPLES})`);
  }
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [first, second] = words;
  if (first === undefined) throw new UserFacingError(`No time given (try ${EXAMPLES})`);
  const phrase =
    words.length === 1
      ? oneWord(first, text)
      : words.length === 2 && second !== undefined
        ? twoWords(first, second, text)
        : null;
  if (phrase === null) throw refuse(text, `not a time Watchkeeper understands (try ${EXAMPLES})`);
  return phrase;
}

/** Whether two words make one phrase: "in 2h", or a day word followed by a clock-like word. */
export function isTwoWordPhrase(first: string, second: string): boolean {
  const day = first.toLowerCase();
  if (day === 'in') return true;
  const names = day === 'today' || day === 'tomorrow' || WEEKDAY_NAMES[day] !== undefined;
  return (names || DATE_LIKE.test(day)) && CLOCK_LIKE.test(second);
}

export const DURATION_MS: Record<DurationUnit, number> = {
  m: MS_PER_MINUTE,
  h: 60 * MS_PER_MINUTE,
  d: 1_440 * MS_PER_MINUTE,
  w: 10_080 * MS_PER_MINUTE,
};
