// Wall-clock time in IANA zones: UTC offsets read from Intl, and local date/time ↔ instant.
//
// Local date/times are "wall" numbers: milliseconds since 1970-01-01T00:00 on the zone's clock
// (the same arithmetic as UTC, without offsets). An instant t shows wall t + offsetAt(t).
// A wall time that does not exist (spring forward) maps to the first instant after the gap;
// one that happens twice (fall back) maps to its first occurrence.
import type { Weekday } from './types.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

/** Offsets in use lie within −12 h … +14 h; any instant showing a given wall lies this close to it. */
const OFFSET_REACH = 15 * 60 * MS_PER_MINUTE;
const SIX_NUMBERS = /^(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)$/;

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * One zone's UTC offset as a piecewise-constant function of the instant. It samples Intl at each
 * UTC midnight it needs and bisects (to the second) a day whose two midnights differ, so it
 * assumes at most one offset change per UTC day, which holds for the tz database's modern rules.
 */
export class ZoneClock {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsetAtMidnight = new Map<number, number>();
  private readonly changeInstantOnDay = new Map<number, number>();

  /** Throws RangeError for a zone Intl does not know. */
  constructor(readonly zone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to an instant to get the wall clock it shows. */
  offsetAt(instant: number): number {
    const day = Math.floor(instant / MS_PER_DAY);
    const before = this.sampledOffset(day);
    const after = this.sampledOffset(day + 1);
    if (before === after) return before;
    return instant < this.changeInstant(day, before) ? before : after;
  }

  wallAt(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /** The instant a wall time happens at: its first occurrence, or the end of the gap it falls in. */
  instantOf(wall: number): number {
    const firstDay = Math.floor((wall - OFFSET_REACH) / MS_PER_DAY);
    const lastDay = Math.floor((wall + OFFSET_REACH) / MS_PER_DAY);
    const steady = this.sampledOffset(firstDay);
    let changes = false;
    for (let day = firstDay + 1; day <= lastDay + 1; day++) {
      if (this.sampledOffset(day) !== steady) changes = true;
    }
    if (!changes) return wall - steady;
    let earliest: number | undefined;
    for (let day = firstDay; day <= lastDay + 1; day++) {
      const offset = this.sampledOffset(day);
      const candidate = wall - offset;
      if (this.offsetAt(candidate) === offset && (earliest === undefined || candidate < earliest)) {
        earliest = candidate;
      }
    }
    if (earliest !== undefined) return earliest;
    for (let day = firstDay; day <= lastDay; day++) {
      const before = this.sampledOffset(day);
      const after = this.sampledOffset(day + 1);
      if (before === after) continue;
      const change = this.changeInstant(day, before);
      if (wall >= change + before && wall < change + after) return change;
    }
    throw new Error(`no instant shows ${new Date(wall).toISOString()} in ${this.zone}`);
  }

  private sampledOffset(day: number): number {
    let offset = this.offsetAtMidnight.get(day);
    if (offset === undefined) {
      offset = this.intlOffset(day * MS_PER_DAY);
      this.offsetAtMidnight.set(day, offset);
    }
    return offset;
  }

  /** The first second of `day` (UTC) at which the offset is no longer `before`. */
  private changeInstant(day: number, before: number): number {
    let change = this.changeInstantOnDay.get(day);
    if (change === undefined) {
      let low = day * MS_PER_DAY;
      let high = low + MS_PER_DAY;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (this.intlOffset(middle) === before) low = middle;
        else high = middle;
      }
      change = high;
      this.changeInstantOnDay.set(day, change);
    }
    return change;
  }

  private intlOffset(instant: number): number {
    const text = this.formatter.format(instant);
    const parts = SIX_NUMBERS.exec(text);
    if (!parts) throw new Error(`unexpected wall clock "${text}" in ${this.zone}`);
    const [month, day, year, hour, minute, second] = parts.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    return wall - Math.floor(instant / 1000) * 1000;
  }
}

const zoneClocks = new Map<string, ZoneClock>();

/** The shared ZoneClock of a zone; throws RangeError for an unknown zone. */
export function zoneClock(zone: string): ZoneClock {
  let clock = zoneClocks.get(zone);
  if (!clock) {
    clock = new ZoneClock(zone);
    zoneClocks.set(zone, clock);
  }
  return clock;
}

export function wallOf(epochDay: number, minuteOfDay: number): number {
  return epochDay * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
}

export function epochDayOfWall(wall: number): number {
  return Math.floor(wall / MS_PER_DAY);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

export function weekdayNumber(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real date. */
export function parseLocalDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (
    utc.getUTCFullYear() !== year ||
    utc.getUTCMonth() !== month - 1 ||
    utc.getUTCDate() !== day
  ) {
    return null;
  }
  return utc.getTime() / MS_PER_DAY;
}

export function formatLocalDate(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Minutes after midnight of an HH:MM time, or null; "24:00" only when `endOfDay` is allowed. */
export function parseWallTime(text: string, endOfDay = false): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [hour, minute] = match.slice(1).map(Number) as [number, number];
  if (endOfDay && hour === 24 && minute === 0) return MINUTES_PER_DAY;
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}
