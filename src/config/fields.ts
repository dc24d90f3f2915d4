// Schemas for the single values app.yaml is made of (zones, times, dates, ids, durations), each with a plain error sentence.
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const USER_GROUP_ID = /^S[A-Z0-9]{2,}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const DURATION = /^([1-9]\d*)(m|h|d)$/;
export const SHIFT_LENGTH = /^([1-9]\d*)(d|w)$/;

const quoted = (value: unknown): string => JSON.stringify(value);

const knownZones = new Set<string>();

/** True for names Intl accepts as a time zone (IANA names and aliases such as UTC), not for raw offsets. */
export function isIanaTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

export function isClockTime(text: string): boolean {
  return CLOCK_TIME.test(text);
}

/** Minutes since midnight of an "HH:MM" time. */
export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The date as a UTC Date when `text` is a real YYYY-MM-DD calendar date, otherwise undefined. */
export function calendarDate(text: string): Date | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : undefined;
}

/** The weekday of a real YYYY-MM-DD date. */
export function weekdayOf(date: Date): Weekday {
  return WEEKDAYS[(date.getUTCDay() + 6) % 7] ?? 'mon';
}

export const timeZoneSchema = z
  .string()
  .refine(isIanaTimeZone, { error: (issue) => `${quoted(issue.input)} is not an IANA time zone` });

export const clockTimeSchema = z.string().refine(isClockTime, {
  error: (issue) =>
    `${quoted(issue.input)} is not a time of day (use HH:MM between 00:00 and 23:59, like "09:00")`,
});

export const calendarDateSchema = z.string().superRefine((text, ctx) => {
  if (calendarDate(text)) return;
  const message = CALENDAR_DATE.test(text)
    ? `${quoted(text)} is not a real calendar date`
    : `${quoted(text)} is not a date (use YYYY-MM-DD, like 2026-01-05)`;
  ctx.addIssue({ code: 'custom', message, input: text });
});

export const weekdaySchema = z.enum(WEEKDAYS);

export const nameSchema = z.string().refine((text) => NAME.test(text) && text.length <= 63, {
  error: (issue) =>
    `${quoted(issue.input)} is not a valid name (use lowercase letters, digits and '-', like prod-eu)`,
});

export const namespaceSchema = z.string().refine((text) => NAME.test(text) && text.length <= 63, {
  error: (issue) =>
    `${quoted(issue.input)} is not a valid Kubernetes namespace (lowercase letters, digits and '-', at most 63 characters)`,
});

export const channelIdSchema = z.string().refine((text) => CHANNEL_ID.test(text), {
  error: (issue) =>
    `${quoted(issue.input)} is not a Slack channel id (ids look like C0PLATFORM1; copy it from the channel's details in Slack)`,
});

export const userGroupIdSchema = z.string().refine((text) => USER_GROUP_ID.test(text), {
  error: (issue) =>
    `${quoted(issue.input)} is not a Slack user group id (ids look like S0ONCALLZH)`,
});

/** A person: a Slack user id (U… or W…) or an email address of a Slack user. */
export const personSchema = z.string().refine((text) => USER_ID.test(text) || EMAIL.test(text), {
  error: (issue) =>
    `${quoted(issue.input)} is not a Slack user id or email address (ids look like U0ALICE01)`,
});

export const durationSchema = z.string().refine((text) => DURATION.test(text), {
  error: (issue) =>
    `${quoted(issue.input)} is not a duration (use a number and a unit m, h or d, like 30m, 24h or 2d)`,
});

export const shiftLengthSchema = z.string().refine((text) => SHIFT_LENGTH.test(text), {
  error: (issue) => `${quoted(issue.input)} is not a shift length (use Nd or Nw, like 1w or 3d)`,
});
