// Times typed in commands, read in the rotation's zone: every accepted form, DST gaps and overlaps
// in Zurich and Los Angeles, weekday resolution, ranges, and bad input refused in one sentence.
// Expected instants were worked out by hand from the zones' offsets and are written out in UTC.
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import {
  formatLocalTime,
  parseIsoInstant,
  parseTimeInput,
  parseTimeRange,
  parseUserMention,
  splitArguments,
  takeTime,
  takeTimeRange,
  type TimeInputOptions,
} from '../../src/oncall/time-input.js';

const ZURICH = 'Europe/Zurich';
const LOS_ANGELES = 'America/Los_Angeles';
/** Wednesday 2026-03-25 11:30 in Zurich (CET, UTC+1); clocks go forward on Sunday the 29th. */
const ZURICH_WEDNESDAY = new Date('2026-03-25T10:30:00Z');
/** Saturday 2026-03-07 12:00 in Los Angeles (PST, UTC−8); clocks go forward on Sunday the 8th. */
const LA_BEFORE_SPRING = new Date('2026-03-07T20:00:00Z');
/** Saturday 2026-10-31 12:00 in Los Angeles (PDT, UTC−7); clocks go back on Sunday 1 November. */
const LA_BEFORE_FALL = new Date('2026-10-31T19:00:00Z');

const EXAMPLES = 'try "tomorrow 18:00", "fri 09:00", "2026-12-24 09:00" or "+2h"';

type Row = [input: string, expected: string, extra?: Partial<TimeInputOptions>];

function parsed(input: string, timezone: string, now: Date, extra: Partial<TimeInputOptions> = {}) {
  return parseTimeInput(input, { timezone, now, ...extra }).toISOString();
}

describe('parseTimeInput in Zurich on Wednesday 2026-03-25 11:30', () => {
  const rows: Row[] = [
    ['now', '2026-03-25T10:30:00.000Z'],
    ['today', '2026-03-24T23:00:00.000Z'],
    ['Today', '2026-03-24T23:00:00.000Z'],
    ['tomorrow', '2026-03-25T23:00:00.000Z'],
    ['today 18:00', '2026-03-25T17:00:00.000Z'],
    ['today 08:00', '2026-03-25T07:00:00.000Z'],
    ['tomorrow 18:00', '2026-03-26T17:00:00.000Z'],
    ['  tomorrow   18:00 ', '2026-03-26T17:00:00.000Z'],
    ['18:00', '2026-03-25T17:00:00.000Z'],
    ['11:30', '2026-03-25T10:30:00.000Z'],
    ['09:00', '2026-03-26T08:00:00.000Z'],
    ['9:00', '2026-03-26T08:00:00.000Z'],
    ['wed', '2026-03-24T23:00:00.000Z'],
    ['wed 12:00', '2026-03-25T11:00:00.000Z'],
    ['wed 09:00', '2026-04-01T07:00:00.000Z'],
    ['WEDNESDAY 09:00', '2026-04-01T07:00:00.000Z'],
    ['thu', '2026-03-25T23:00:00.000Z'],
    ['fri', '2026-03-26T23:00:00.000Z'],
    ['friday 18:00', '2026-03-27T17:00:00.000Z'],
    ['sun 02:30', '2026-03-29T01:00:00.000Z'],
    ['sunday 03:00', '2026-03-29T01:00:00.000Z'],
    ['mon 09:00', '2026-03-30T07:00:00.000Z'],
    ['tue', '2026-03-30T22:00:00.000Z'],
    ['tues 10:00', '2026-03-31T08:00:00.000Z'],
    ['2026-12-24', '2026-12-23T23:00:00.000Z'],
    ['2026-12-24 09:00', '2026-12-24T08:00:00.000Z'],
    ['2026-12-24T09:00', '2026-12-24T08:00:00.000Z'],
    ['2026-07-01T09:00:30', '2026-07-01T07:00:30.000Z'],
    ['2026-12-24T09:00:00Z', '2026-12-24T09:00:00.000Z'],
    ['2026-12-24t09:00z', '2026-12-24T09:00:00.000Z'],
    ['2026-12-24T09:00+05:30', '2026-12-24T03:30:00.000Z'],
    ['2026-12-24T09:00:00.250-08:00', '2026-12-24T17:00:00.250Z'],
    ['2026-03-29 02:30', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25 02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25 03:00', '2026-10-25T02:00:00.000Z'],
    ['+2h', '2026-03-25T12:30:00.000Z'],
    ['+90m', '2026-03-25T12:00:00.000Z'],
    ['in 30m', '2026-03-25T11:00:00.000Z'],
    ['in 2h', '2026-03-25T12:30:00.000Z'],
    ['+3d', '2026-03-28T10:30:00.000Z'],
    ['+1w', '2026-04-01T09:30:00.000Z'],
    ['tomorrow', '2026-03-26T08:00:00.000Z', { defaultTime: '09:00' }],
    ['2026-12-24', '2026-12-24T08:00:00.000Z', { defaultTime: '09:00' }],
    ['fri', '2026-03-27T23:00:00.000Z', { endOfDay: true }],
    ['2026-03-28', '2026-03-28T23:00:00.000Z', { endOfDay: true }],
    ['2026-03-29', '2026-03-29T22:00:00.000Z', { endOfDay: true }],
    ['2026-03-29 12:00', '2026-03-29T10:00:00.000Z', { endOfDay: true }],
    ['fri 09:00', '2026-04-03T07:00:00.000Z', { relativeTo: new Date('2026-03-27T09:00:00Z') }],
    ['18:00', '2026-03-28T17:00:00.000Z', { relativeTo: new Date('2026-03-27T17:00:01Z') }],
  ];
  it.each(rows)('%s → %s', (input, expected, extra) => {
    expect(parsed(input, ZURICH, ZURICH_WEDNESDAY, extra)).toBe(expected);
  });
});

describe('parseTimeInput across the DST changes of Los Angeles', () => {
  const rows: Array<[string, Date, string, string, Partial<TimeInputOptions>?]> = [
    ['spring', LA_BEFORE_SPRING, 'today', '2026-03-07T08:00:00.000Z'],
    ['spring', LA_BEFORE_SPRING, 'tomorrow 02:30', '2026-03-08T10:00:00.000Z'],
    ['spring', LA_BEFORE_SPRING, 'sun 09:00', '2026-03-08T16:00:00.000Z'],
    ['spring', LA_BEFORE_SPRING, 'sat 13:00', '2026-03-07T21:00:00.000Z'],
    ['spring', LA_BEFORE_SPRING, 'sat 11:00', '2026-03-14T18:00:00.000Z'],
    ['spring', LA_BEFORE_SPRING, '+1d', '2026-03-08T19:00:00.000Z'],
    ['spring', LA_BEFORE_SPRING, '+24h', '2026-03-08T20:00:00.000Z'],
    ['spring', LA_BEFORE_SPRING, 'tomorrow', '2026-03-09T07:00:00.000Z', { endOfDay: true }],
    ['fall', LA_BEFORE_FALL, '2026-11-01 01:30', '2026-11-01T08:30:00.000Z'],
    ['fall', LA_BEFORE_FALL, 'tomorrow', '2026-11-01T07:00:00.000Z'],
    ['fall', LA_BEFORE_FALL, 'tomorrow', '2026-11-02T08:00:00.000Z', { endOfDay: true }],
    ['fall', LA_BEFORE_FALL, '+1d', '2026-11-01T20:00:00.000Z'],
    ['fall', LA_BEFORE_FALL, 'mon 09:00', '2026-11-02T17:00:00.000Z'],
  ];
  it.each(rows)('%s, %s: %s → %s', (_change, now, input, expected, extra) => {
    expect(parsed(input, LOS_ANGELES, now, extra)).toBe(expected);
  });
});

describe('every wall time of a DST day reads back as itself, except inside the gap', () => {
  const days: Array<[string, string, string]> = [
    [ZURICH, '2026-03-29', '02'],
    [ZURICH, '2026-10-25', ''],
    [LOS_ANGELES, '2026-03-08', '02'],
    [LOS_ANGELES, '2026-11-01', ''],
  ];
  it.each(days)('%s on %s', (zone, date, gapHour) => {
    for (let minute = 0; minute < 1440; minute += 15) {
      const clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const instant = parseTimeInput(`${date} ${clock}`, { timezone: zone, now: ZURICH_WEDNESDAY });
      const shown = formatLocalTime(instant, zone).slice(4);
      expect(shown).toBe(clock.startsWith(`${gapHour}:`) ? `${date} 03:00` : `${date} ${clock}`);
    }
  });
});

describe('parseTimeInput refuses bad input in one sentence naming the bad part', () => {
  const rows: Array<[string, string]> = [
    ['fri 25:00', '"fri 25:00": 25:00 is not a time of day (use HH:MM, e.g. 18:00)'],
    ['24:00', '"24:00": 24:00 is not a time of day (use HH:MM, e.g. 18:00)'],
    ['tomorrow 12:60', '"tomorrow 12:60": 12:60 is not a time of day (use HH:MM, e.g. 18:00)'],
    ['9:5', '"9:5": 9:5 is not a time of day (use HH:MM, e.g. 18:00)'],
    ['2026-02-30', '"2026-02-30": 2026-02-30 is not a date (use YYYY-MM-DD, e.g. 2026-12-24)'],
    [
      '2026-13-01 09:00',
      '"2026-13-01 09:00": 2026-13-01 is not a date (use YYYY-MM-DD, e.g. 2026-12-24)',
    ],
    [
      '2026-12-24T25:00',
      '"2026-12-24T25:00": 2026-12-24T25:00 is not a date and time (use e.g. 2026-12-24T09:00)',
    ],
    [
      '2026-12-24T09:00+15:00',
      '"2026-12-24T09:00+15:00": +15:00 is not a UTC offset (use Z or ±HH:MM)',
    ],
    ['yesterday-ish', `"yesterday-ish": not a time Watchkeeper understands (${EXAMPLES})`],
    ['yesterday', `"yesterday": not a time Watchkeeper understands (${EXAMPLES})`],
    ['next friday', `"next friday": not a time Watchkeeper understands (${EXAMPLES})`],
    ['fri 09:00 dentist', `"fri 09:00 dentist": not a time Watchkeeper understands (${EXAMPLES})`],
    ['+999999d', '"+999999d": that is too far ahead (at most 2 years)'],
    ['in 800d', '"in 800d": that is too far ahead (at most 2 years)'],
    ['+0h', '"+0h": +0h is no time at all (use e.g. +2h or +3d)'],
    ['', `No time given (${EXAMPLES})`],
    ['   ', `No time given (${EXAMPLES})`],
    [
      "'; DROP TABLE oncall_overrides; --",
      `"'; DROP TABLE oncall_overrides; --": not a time Watchkeeper understands (${EXAMPLES})`,
    ],
    ['<!channel> 18:00', `"<!channel> 18:00": not a time Watchkeeper understands (${EXAMPLES})`],
    [
      'tomorrow\n<@U0ADMIN01>',
      `"tomorrow <@U0ADMIN01>": not a time Watchkeeper understands (${EXAMPLES})`,
    ],
    [
      '${process.env.SECRET}',
      `"\${process.env.SECRET}": not a time Watchkeeper understands (${EXAMPLES})`,
    ],
  ];
  it.each(rows)('%j', (input, message) => {
    const parse = () => parseTimeInput(input, { timezone: ZURICH, now: ZURICH_WEDNESDAY });
    expect(parse).toThrow(UserFacingError);
    expect(parse).toThrow(message);
  });

  it('refuses 10,000 characters without echoing them, on one short line', () => {
    const input = `tomorrow ${'9'.repeat(10_000)}`;
    let message = '';
    try {
      parseTimeInput(input, { timezone: ZURICH, now: ZURICH_WEDNESDAY });
    } catch (error) {
      expect(error).toBeInstanceOf(UserFacingError);
      message = (error as Error).message;
    }
    expect(message).toBe(
      `"tomorrow ${'9'.repeat(31)}…": that is too long to be a time (${EXAMPLES})`,
    );
  });
});

describe('parseIsoInstant (the --at flag) takes full ISO instants only', () => {
  it.each([
    ['2026-03-30T07:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T09:00:00+02:00', '2026-03-30T07:00:00.000Z'],
    ['2026-03-30T07:00:00.000Z', '2026-03-30T07:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseIsoInstant(input).toISOString()).toBe(expected);
  });

  it.each(['2026-03-30', '2026-03-30T07:00', 'now', 'tomorrow 09:00', '1711782000', ''])(
    'refuses %j',
    (input) => {
      expect(() => parseIsoInstant(input)).toThrow(
        `"${input}" is not an ISO instant with a time zone (use e.g. 2026-03-30T07:00:00Z)`,
      );
    },
  );
});

describe('parseTimeRange', () => {
  const rows: Array<[string, string, string, string]> = [
    ['2026-12-24', '2026-12-26', '2026-12-23T23:00:00.000Z', '2026-12-26T23:00:00.000Z'],
    ['fri 18:00', 'mon 09:00', '2026-03-27T17:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ['tomorrow 18:00', '+2h', '2026-03-26T17:00:00.000Z', '2026-03-26T19:00:00.000Z'],
    ['sat', 'sun', '2026-03-27T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['18:00', '09:00', '2026-03-25T17:00:00.000Z', '2026-03-26T08:00:00.000Z'],
    ['now', 'fri', '2026-03-25T10:30:00.000Z', '2026-03-27T23:00:00.000Z'],
    ['today', 'today', '2026-03-24T23:00:00.000Z', '2026-03-25T23:00:00.000Z'],
  ];
  it.each(rows)('%s … %s', (from, to, start, end) => {
    const range = parseTimeRange(from, to, { timezone: ZURICH, now: ZURICH_WEDNESDAY });
    expect([range.start.toISOString(), range.end.toISOString()]).toEqual([start, end]);
  });

  it.each([
    [
      '2026-12-26',
      '2026-12-24',
      'The end "2026-12-24" (Fri 2026-12-25 00:00) is not after the start "2026-12-26" (Sat 2026-12-26 00:00)',
    ],
    [
      'now',
      'today 08:00',
      'The end "today 08:00" (Wed 2026-03-25 08:00) is not after the start "now" (Wed 2026-03-25 11:30)',
    ],
    ['fri 25:00', 'sat', '"fri 25:00": 25:00 is not a time of day (use HH:MM, e.g. 18:00)'],
  ])('refuses %s … %s', (from, to, message) => {
    expect(() => parseTimeRange(from, to, { timezone: ZURICH, now: ZURICH_WEDNESDAY })).toThrow(
      message,
    );
  });
});

describe('command words', () => {
  const opts = { timezone: ZURICH, now: ZURICH_WEDNESDAY };
  const words = splitArguments('override zurich <@U123ABC|bob> tomorrow 18:00 fri 09:00 dentist');

  it.each([
    [words, 3, '2026-03-26T17:00:00.000Z', 5],
    [words, 5, '2026-03-27T08:00:00.000Z', 7],
    [['in', '2h', 'reason'], 0, '2026-03-25T12:30:00.000Z', 2],
    [['2026-12-24', '09:00', 'x'], 0, '2026-12-24T08:00:00.000Z', 2],
    [['2026-12-24', 'x'], 0, '2026-12-23T23:00:00.000Z', 1],
    [['18:00', 'fri'], 0, '2026-03-25T17:00:00.000Z', 1],
    [['+2h', '18:00'], 0, '2026-03-25T12:30:00.000Z', 1],
  ])('takeTime(%j, %i) → %s, next %i', (tokens, index, value, next) => {
    const taken = takeTime(tokens, index, opts);
    expect([taken.value.toISOString(), taken.next]).toEqual([value, next]);
  });

  it.each([
    [['fri', '25:00'], 0, '"fri 25:00": 25:00 is not a time of day (use HH:MM, e.g. 18:00)'],
    [['override'], 1, `A time is missing (${EXAMPLES})`],
    [['in'], 0, `"in": not a time Watchkeeper understands (${EXAMPLES})`],
  ])('takeTime(%j, %i) refuses', (tokens, index, message) => {
    expect(() => takeTime(tokens, index, opts)).toThrow(message);
  });

  it('takeTimeRange reads a start and an end, the end relative to the start', () => {
    const range = takeTimeRange(words, 3, opts);
    expect([range.start.toISOString(), range.end.toISOString(), range.next]).toEqual([
      '2026-03-26T17:00:00.000Z',
      '2026-03-27T08:00:00.000Z',
      7,
    ]);
  });

  it.each([
    [
      'override zurich <@U123ABC|bob> tomorrow 18:00',
      ['override', 'zurich', '<@U123ABC|bob>', 'tomorrow', '18:00'],
    ],
    ['  a \t b\n c  ', ['a', 'b', 'c']],
    ['"dentist appointment" x', ['dentist appointment', 'x']],
    ['“smart quotes” x', ['smart quotes', 'x']],
    ['<@U0BOB0001|bob smith> x', ['<@U0BOB0001|bob smith>', 'x']],
    ['a<b c', ['a<b', 'c']],
    ['<unclosed x', ['<unclosed', 'x']],
    ['"unterminated rest', ['unterminated rest']],
    ['&lt;@U123ABC&gt;', ['&lt;@U123ABC&gt;']],
    ['', []],
  ])('splitArguments(%j)', (text, expected) => {
    expect(splitArguments(text)).toEqual(expected);
  });

  it('splits 10,000 characters into 5,000 words', () => {
    expect(splitArguments('a '.repeat(5_000))).toHaveLength(5_000);
  });

  it.each([
    ['<@U123ABC|bob>', 'U123ABC'],
    ['<@U123ABC>', 'U123ABC'],
    ['<@W0ENTERPRISE1|erin>', 'W0ENTERPRISE1'],
    [' <@U123ABC> ', 'U123ABC'],
    ['@bob', null],
    ['U123ABC', null],
    ['<#C0PLATFORM1|platform>', null],
    ['<!here>', null],
    ['<@S0ONCALLZH>', null],
    ['&lt;@U123ABC&gt;', null],
    ['<@u123abc>', null],
    ['<@U123ABC|bob>x', null],
    ['<@U123ABC|<@U999>>', null],
  ])('parseUserMention(%j) → %s', (token, expected) => {
    expect(parseUserMention(token)).toBe(expected);
  });
});
