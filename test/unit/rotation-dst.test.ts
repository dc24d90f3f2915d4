// Handoffs stay at the local wall-clock time across every DST change of 2025–2027 in four zones,
// for 1-day, 1-week and 2-week shifts; handoff times in a gap or an overlap follow the policy.
// Expected instants were worked out independently (Python zoneinfo) and are written out here.
import { describe, expect, it } from 'vitest';
import {
  dutyAt,
  handoffsBetween,
  shiftAt,
  type RotationSpec,
  type Weekday,
} from '../../src/oncall/engine/index.js';

const HOUR = 3_600_000;

type Change = 'spring' | 'fall';
/** [zone, local date of the DST change, direction, shift start (UTC), shift end (UTC), hours] */
type ShiftRow = [string, string, Change, string, string, number];

function rotation(
  timezone: string,
  shiftLength: RotationSpec['shiftLength'],
  start: string,
  time: string,
  day?: Weekday,
): RotationSpec {
  return {
    name: 'dst',
    timezone,
    shiftLength,
    handoff: day ? { day, time } : { time },
    start,
    rosters: [{ members: ['ann', 'ben', 'cat'], effectiveFrom: new Date(0) }],
  };
}

function iso(date: Date | undefined): string | undefined {
  return date?.toISOString().replace('.000Z', 'Z');
}

/** The shift holding the DST change, looked up from inside, from its first and its last instant. */
function expectShift(spec: RotationSpec, start: string, end: string, hours: number) {
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  for (const probe of [startMs, (startMs + endMs) / 2, endMs - 1]) {
    const shift = shiftAt(spec, new Date(probe));
    expect([iso(shift?.start), iso(shift?.end)]).toEqual([start, end]);
  }
  expect(iso(shiftAt(spec, new Date(startMs - 1))?.end)).toBe(start);
  expect(iso(shiftAt(spec, new Date(endMs))?.start)).toBe(end);
  expect((endMs - startMs) / HOUR).toBe(hours);
  expect(handoffsBetween(spec, new Date(startMs), new Date(endMs + 1)).map(iso)).toEqual([
    start,
    end,
  ]);
}

// Monday 09:00 → Monday 09:00 over the change: 167 h in spring, 169 h in autumn.
const WEEKLY: ShiftRow[] = [
  ['America/Chicago', '2025-03-09', 'spring', '2025-03-03T15:00:00Z', '2025-03-10T14:00:00Z', 167],
  ['America/Chicago', '2025-11-02', 'fall', '2025-10-27T14:00:00Z', '2025-11-03T15:00:00Z', 169],
  ['America/Chicago', '2026-03-08', 'spring', '2026-03-02T15:00:00Z', '2026-03-09T14:00:00Z', 167],
  ['America/Chicago', '2026-11-01', 'fall', '2026-10-26T14:00:00Z', '2026-11-02T15:00:00Z', 169],
  ['America/Chicago', '2027-03-14', 'spring', '2027-03-08T15:00:00Z', '2027-03-15T14:00:00Z', 167],
  ['America/Chicago', '2027-11-07', 'fall', '2027-11-01T14:00:00Z', '2027-11-08T15:00:00Z', 169],
  ['Europe/Zurich', '2025-03-30', 'spring', '2025-03-24T08:00:00Z', '2025-03-31T07:00:00Z', 167],
  ['Europe/Zurich', '2025-10-26', 'fall', '2025-10-20T07:00:00Z', '2025-10-27T08:00:00Z', 169],
  ['Europe/Zurich', '2026-03-29', 'spring', '2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z', 167],
  ['Europe/Zurich', '2026-10-25', 'fall', '2026-10-19T07:00:00Z', '2026-10-26T08:00:00Z', 169],
  ['Europe/Zurich', '2027-03-28', 'spring', '2027-03-22T08:00:00Z', '2027-03-29T07:00:00Z', 167],
  ['Europe/Zurich', '2027-10-31', 'fall', '2027-10-25T07:00:00Z', '2027-11-01T08:00:00Z', 169],
  [
    'America/Los_Angeles',
    '2025-03-09',
    'spring',
    '2025-03-03T17:00:00Z',
    '2025-03-10T16:00:00Z',
    167,
  ],
  [
    'America/Los_Angeles',
    '2025-11-02',
    'fall',
    '2025-10-27T16:00:00Z',
    '2025-11-03T17:00:00Z',
    169,
  ],
  [
    'America/Los_Angeles',
    '2026-03-08',
    'spring',
    '2026-03-02T17:00:00Z',
    '2026-03-09T16:00:00Z',
    167,
  ],
  [
    'America/Los_Angeles',
    '2026-11-01',
    'fall',
    '2026-10-26T16:00:00Z',
    '2026-11-02T17:00:00Z',
    169,
  ],
  [
    'America/Los_Angeles',
    '2027-03-14',
    'spring',
    '2027-03-08T17:00:00Z',
    '2027-03-15T16:00:00Z',
    167,
  ],
  [
    'America/Los_Angeles',
    '2027-11-07',
    'fall',
    '2027-11-01T16:00:00Z',
    '2027-11-08T17:00:00Z',
    169,
  ],
  ['Australia/Sydney', '2025-04-06', 'fall', '2025-03-30T22:00:00Z', '2025-04-06T23:00:00Z', 169],
  ['Australia/Sydney', '2025-10-05', 'spring', '2025-09-28T23:00:00Z', '2025-10-05T22:00:00Z', 167],
  ['Australia/Sydney', '2026-04-05', 'fall', '2026-03-29T22:00:00Z', '2026-04-05T23:00:00Z', 169],
  ['Australia/Sydney', '2026-10-04', 'spring', '2026-09-27T23:00:00Z', '2026-10-04T22:00:00Z', 167],
  ['Australia/Sydney', '2027-04-04', 'fall', '2027-03-28T22:00:00Z', '2027-04-04T23:00:00Z', 169],
  ['Australia/Sydney', '2027-10-03', 'spring', '2027-09-26T23:00:00Z', '2027-10-03T22:00:00Z', 167],
];

// Saturday 09:00 → Sunday 09:00 over the change: 23 h or 25 h.
const DAILY: ShiftRow[] = [
  ['America/Chicago', '2025-03-09', 'spring', '2025-03-08T15:00:00Z', '2025-03-09T14:00:00Z', 23],
  ['America/Chicago', '2025-11-02', 'fall', '2025-11-01T14:00:00Z', '2025-11-02T15:00:00Z', 25],
  ['America/Chicago', '2026-03-08', 'spring', '2026-03-07T15:00:00Z', '2026-03-08T14:00:00Z', 23],
  ['America/Chicago', '2026-11-01', 'fall', '2026-10-31T14:00:00Z', '2026-11-01T15:00:00Z', 25],
  ['America/Chicago', '2027-03-14', 'spring', '2027-03-13T15:00:00Z', '2027-03-14T14:00:00Z', 23],
  ['America/Chicago', '2027-11-07', 'fall', '2027-11-06T14:00:00Z', '2027-11-07T15:00:00Z', 25],
  ['Europe/Zurich', '2025-03-30', 'spring', '2025-03-29T08:00:00Z', '2025-03-30T07:00:00Z', 23],
  ['Europe/Zurich', '2025-10-26', 'fall', '2025-10-25T07:00:00Z', '2025-10-26T08:00:00Z', 25],
  ['Europe/Zurich', '2026-03-29', 'spring', '2026-03-28T08:00:00Z', '2026-03-29T07:00:00Z', 23],
  ['Europe/Zurich', '2026-10-25', 'fall', '2026-10-24T07:00:00Z', '2026-10-25T08:00:00Z', 25],
  ['Europe/Zurich', '2027-03-28', 'spring', '2027-03-27T08:00:00Z', '2027-03-28T07:00:00Z', 23],
  ['Europe/Zurich', '2027-10-31', 'fall', '2027-10-30T07:00:00Z', '2027-10-31T08:00:00Z', 25],
  [
    'America/Los_Angeles',
    '2025-03-09',
    'spring',
    '2025-03-08T17:00:00Z',
    '2025-03-09T16:00:00Z',
    23,
  ],
  ['America/Los_Angeles', '2025-11-02', 'fall', '2025-11-01T16:00:00Z', '2025-11-02T17:00:00Z', 25],
  [
    'America/Los_Angeles',
    '2026-03-08',
    'spring',
    '2026-03-07T17:00:00Z',
    '2026-03-08T16:00:00Z',
    23,
  ],
  ['America/Los_Angeles', '2026-11-01', 'fall', '2026-10-31T16:00:00Z', '2026-11-01T17:00:00Z', 25],
  [
    'America/Los_Angeles',
    '2027-03-14',
    'spring',
    '2027-03-13T17:00:00Z',
    '2027-03-14T16:00:00Z',
    23,
  ],
  ['America/Los_Angeles', '2027-11-07', 'fall', '2027-11-06T16:00:00Z', '2027-11-07T17:00:00Z', 25],
  ['Australia/Sydney', '2025-04-06', 'fall', '2025-04-04T22:00:00Z', '2025-04-05T23:00:00Z', 25],
  ['Australia/Sydney', '2025-10-05', 'spring', '2025-10-03T23:00:00Z', '2025-10-04T22:00:00Z', 23],
  ['Australia/Sydney', '2026-04-05', 'fall', '2026-04-03T22:00:00Z', '2026-04-04T23:00:00Z', 25],
  ['Australia/Sydney', '2026-10-04', 'spring', '2026-10-02T23:00:00Z', '2026-10-03T22:00:00Z', 23],
  ['Australia/Sydney', '2027-04-04', 'fall', '2027-04-02T22:00:00Z', '2027-04-03T23:00:00Z', 25],
  ['Australia/Sydney', '2027-10-03', 'spring', '2027-10-01T23:00:00Z', '2027-10-02T22:00:00Z', 23],
];

// Two-week shifts from Monday 2025-01-06 09:00, the one holding each change: 335 h or 337 h.
const TWO_WEEKS: ShiftRow[] = [
  ['America/Chicago', '2025-03-09', 'spring', '2025-03-03T15:00:00Z', '2025-03-17T14:00:00Z', 335],
  ['America/Chicago', '2025-11-02', 'fall', '2025-10-27T14:00:00Z', '2025-11-10T15:00:00Z', 337],
  ['America/Chicago', '2026-03-08', 'spring', '2026-03-02T15:00:00Z', '2026-03-16T14:00:00Z', 335],
  ['America/Chicago', '2026-11-01', 'fall', '2026-10-26T14:00:00Z', '2026-11-09T15:00:00Z', 337],
  ['America/Chicago', '2027-03-14', 'spring', '2027-03-01T15:00:00Z', '2027-03-15T14:00:00Z', 335],
  ['America/Chicago', '2027-11-07', 'fall', '2027-10-25T14:00:00Z', '2027-11-08T15:00:00Z', 337],
  ['Europe/Zurich', '2025-03-30', 'spring', '2025-03-17T08:00:00Z', '2025-03-31T07:00:00Z', 335],
  ['Europe/Zurich', '2025-10-26', 'fall', '2025-10-13T07:00:00Z', '2025-10-27T08:00:00Z', 337],
  ['Europe/Zurich', '2026-03-29', 'spring', '2026-03-16T08:00:00Z', '2026-03-30T07:00:00Z', 335],
  ['Europe/Zurich', '2026-10-25', 'fall', '2026-10-12T07:00:00Z', '2026-10-26T08:00:00Z', 337],
  ['Europe/Zurich', '2027-03-28', 'spring', '2027-03-15T08:00:00Z', '2027-03-29T07:00:00Z', 335],
  ['Europe/Zurich', '2027-10-31', 'fall', '2027-10-25T07:00:00Z', '2027-11-08T08:00:00Z', 337],
  [
    'America/Los_Angeles',
    '2025-03-09',
    'spring',
    '2025-03-03T17:00:00Z',
    '2025-03-17T16:00:00Z',
    335,
  ],
  [
    'America/Los_Angeles',
    '2025-11-02',
    'fall',
    '2025-10-27T16:00:00Z',
    '2025-11-10T17:00:00Z',
    337,
  ],
  [
    'America/Los_Angeles',
    '2026-03-08',
    'spring',
    '2026-03-02T17:00:00Z',
    '2026-03-16T16:00:00Z',
    335,
  ],
  [
    'America/Los_Angeles',
    '2026-11-01',
    'fall',
    '2026-10-26T16:00:00Z',
    '2026-11-09T17:00:00Z',
    337,
  ],
  [
    'America/Los_Angeles',
    '2027-03-14',
    'spring',
    '2027-03-01T17:00:00Z',
    '2027-03-15T16:00:00Z',
    335,
  ],
  [
    'America/Los_Angeles',
    '2027-11-07',
    'fall',
    '2027-10-25T16:00:00Z',
    '2027-11-08T17:00:00Z',
    337,
  ],
  ['Australia/Sydney', '2025-04-06', 'fall', '2025-03-30T22:00:00Z', '2025-04-13T23:00:00Z', 337],
  ['Australia/Sydney', '2025-10-05', 'spring', '2025-09-28T23:00:00Z', '2025-10-12T22:00:00Z', 335],
  ['Australia/Sydney', '2026-04-05', 'fall', '2026-03-29T22:00:00Z', '2026-04-12T23:00:00Z', 337],
  ['Australia/Sydney', '2026-10-04', 'spring', '2026-09-27T23:00:00Z', '2026-10-11T22:00:00Z', 335],
  ['Australia/Sydney', '2027-04-04', 'fall', '2027-03-28T22:00:00Z', '2027-04-11T23:00:00Z', 337],
  ['Australia/Sydney', '2027-10-03', 'spring', '2027-09-26T23:00:00Z', '2027-10-10T22:00:00Z', 335],
];

describe('weekly rotation, handoff Monday 09:00, first handoff 2025-01-06', () => {
  it.each(WEEKLY)('%s, change %s (%s)', (zone, _change, _direction, start, end, hours) => {
    expectShift(
      rotation(zone, { unit: 'week', count: 1 }, '2025-01-06', '09:00', 'mon'),
      start,
      end,
      hours,
    );
  });
});

describe('daily rotation, handoff 09:00, first handoff 2025-01-01', () => {
  it.each(DAILY)('%s, change %s (%s)', (zone, _change, _direction, start, end, hours) => {
    expectShift(
      rotation(zone, { unit: 'day', count: 1 }, '2025-01-01', '09:00'),
      start,
      end,
      hours,
    );
  });
});

describe('two-week rotation, handoff Monday 09:00, first handoff 2025-01-06', () => {
  it.each(TWO_WEEKS)('%s, change %s (%s)', (zone, _change, _direction, start, end, hours) => {
    expectShift(
      rotation(zone, { unit: 'week', count: 2 }, '2025-01-06', '09:00', 'mon'),
      start,
      end,
      hours,
    );
  });
});

// [zone, local date, handoff time, gap or overlap, expected handoff instant]: a time in the
// spring-forward gap happens at the end of the gap; one in the fall-back overlap at its first
// occurrence (still on summer time).
const POLICY: Array<[string, string, string, 'gap' | 'overlap', string]> = [
  ['America/Los_Angeles', '2025-03-09', '02:30', 'gap', '2025-03-09T10:00:00Z'],
  ['America/Los_Angeles', '2025-11-02', '01:30', 'overlap', '2025-11-02T08:30:00Z'],
  ['America/Los_Angeles', '2026-03-08', '02:30', 'gap', '2026-03-08T10:00:00Z'],
  ['America/Los_Angeles', '2026-11-01', '01:30', 'overlap', '2026-11-01T08:30:00Z'],
  ['America/Los_Angeles', '2027-03-14', '02:30', 'gap', '2027-03-14T10:00:00Z'],
  ['America/Los_Angeles', '2027-11-07', '01:30', 'overlap', '2027-11-07T08:30:00Z'],
  ['America/Chicago', '2025-03-09', '02:30', 'gap', '2025-03-09T08:00:00Z'],
  ['America/Chicago', '2025-11-02', '01:30', 'overlap', '2025-11-02T06:30:00Z'],
  ['America/Chicago', '2026-03-08', '02:30', 'gap', '2026-03-08T08:00:00Z'],
  ['America/Chicago', '2026-11-01', '01:30', 'overlap', '2026-11-01T06:30:00Z'],
  ['America/Chicago', '2027-03-14', '02:30', 'gap', '2027-03-14T08:00:00Z'],
  ['America/Chicago', '2027-11-07', '01:30', 'overlap', '2027-11-07T06:30:00Z'],
  ['Europe/Zurich', '2025-03-30', '02:30', 'gap', '2025-03-30T01:00:00Z'],
  ['Europe/Zurich', '2025-10-26', '02:30', 'overlap', '2025-10-26T00:30:00Z'],
  ['Europe/Zurich', '2026-03-29', '02:30', 'gap', '2026-03-29T01:00:00Z'],
  ['Europe/Zurich', '2026-10-25', '02:30', 'overlap', '2026-10-25T00:30:00Z'],
  ['Europe/Zurich', '2027-03-28', '02:30', 'gap', '2027-03-28T01:00:00Z'],
  ['Europe/Zurich', '2027-10-31', '02:30', 'overlap', '2027-10-31T00:30:00Z'],
  ['Australia/Sydney', '2025-04-06', '02:30', 'overlap', '2025-04-05T15:30:00Z'],
  ['Australia/Sydney', '2025-10-05', '02:30', 'gap', '2025-10-04T16:00:00Z'],
  ['Australia/Sydney', '2026-04-05', '02:30', 'overlap', '2026-04-04T15:30:00Z'],
  ['Australia/Sydney', '2026-10-04', '02:30', 'gap', '2026-10-03T16:00:00Z'],
  ['Australia/Sydney', '2027-04-04', '02:30', 'overlap', '2027-04-03T15:30:00Z'],
  ['Australia/Sydney', '2027-10-03', '02:30', 'gap', '2027-10-02T16:00:00Z'],
  ['Australia/Lord_Howe', '2025-04-06', '01:45', 'overlap', '2025-04-05T14:45:00Z'],
  ['Australia/Lord_Howe', '2025-10-05', '02:15', 'gap', '2025-10-04T15:30:00Z'],
  ['Australia/Lord_Howe', '2026-04-05', '01:45', 'overlap', '2026-04-04T14:45:00Z'],
  ['Australia/Lord_Howe', '2026-10-04', '02:15', 'gap', '2026-10-03T15:30:00Z'],
  ['Australia/Lord_Howe', '2027-04-04', '01:45', 'overlap', '2027-04-03T14:45:00Z'],
  ['Australia/Lord_Howe', '2027-10-03', '02:15', 'gap', '2027-10-02T15:30:00Z'],
];

describe('handoff times that do not exist or happen twice', () => {
  it.each(POLICY)('%s %s %s (%s) → %s', (zone, date, time, _kind, expected) => {
    const startingThatDay = rotation(zone, { unit: 'day', count: 1 }, date, time);
    expect(iso(shiftAt(startingThatDay, new Date(expected))?.start)).toBe(expected);
    expect(shiftAt(startingThatDay, new Date(Date.parse(expected) - 1))).toBeNull();
    const runningBefore = rotation(zone, { unit: 'day', count: 1 }, '2025-01-01', time);
    const around = handoffsBetween(
      runningBefore,
      new Date(Date.parse(expected) - 12 * HOUR),
      new Date(Date.parse(expected) + 12 * HOUR),
    );
    expect(around.map(iso)).toEqual([expected]);
  });
});

// [what, spec, range start, range end, expected handoffs]
const SEQUENCES: Array<[string, RotationSpec, string, string, string[]]> = [
  [
    'LA daily 02:30 over spring forward: 23.5 h, 23.5 h',
    rotation('America/Los_Angeles', { unit: 'day', count: 1 }, '2026-03-01', '02:30'),
    '2026-03-07T00:00:00Z',
    '2026-03-10T00:00:00Z',
    ['2026-03-07T10:30:00Z', '2026-03-08T10:00:00Z', '2026-03-09T09:30:00Z'],
  ],
  [
    'LA daily 01:30 over fall back: 24 h, 25 h',
    rotation('America/Los_Angeles', { unit: 'day', count: 1 }, '2026-10-01', '01:30'),
    '2026-10-31T00:00:00Z',
    '2026-11-03T00:00:00Z',
    ['2026-10-31T08:30:00Z', '2026-11-01T08:30:00Z', '2026-11-02T09:30:00Z'],
  ],
  [
    'LA weekly Sunday 02:30 over spring forward: 167.5 h, 167.5 h',
    rotation('America/Los_Angeles', { unit: 'week', count: 1 }, '2026-02-01', '02:30', 'sun'),
    '2026-03-01T00:00:00Z',
    '2026-03-16T00:00:00Z',
    ['2026-03-01T10:30:00Z', '2026-03-08T10:00:00Z', '2026-03-15T09:30:00Z'],
  ],
  [
    'Lord Howe weekly Sunday 02:15 over its 30-minute spring forward: 167.75 h, 167.75 h',
    rotation('Australia/Lord_Howe', { unit: 'week', count: 1 }, '2026-09-06', '02:15', 'sun'),
    '2026-09-26T00:00:00Z',
    '2026-10-11T00:00:00Z',
    ['2026-09-26T15:45:00Z', '2026-10-03T15:30:00Z', '2026-10-10T15:15:00Z'],
  ],
  [
    'Zurich weekly Monday 09:00 from a Wednesday start: first handoff the Monday after',
    rotation('Europe/Zurich', { unit: 'week', count: 1 }, '2026-01-07', '09:00', 'mon'),
    '2026-01-01T00:00:00Z',
    '2026-01-27T00:00:00Z',
    ['2026-01-12T08:00:00Z', '2026-01-19T08:00:00Z', '2026-01-26T08:00:00Z'],
  ],
  [
    'Zurich 3-day shifts stepping local dates over spring forward',
    rotation('Europe/Zurich', { unit: 'day', count: 3 }, '2026-03-26', '09:00'),
    '2026-03-26T00:00:00Z',
    '2026-04-02T00:00:00Z',
    ['2026-03-26T08:00:00Z', '2026-03-29T07:00:00Z', '2026-04-01T07:00:00Z'],
  ],
];

describe('handoff sequences', () => {
  it.each(SEQUENCES)('%s', (_what, spec, from, to, expected) => {
    expect(handoffsBetween(spec, new Date(from), new Date(to)).map(iso)).toEqual(expected);
  });
});

describe('before the first handoff', () => {
  it('nobody is on duty and the answer says when the rotation starts', () => {
    const spec = rotation(
      'Europe/Zurich',
      { unit: 'week', count: 1 },
      '2026-01-07',
      '09:00',
      'mon',
    );
    const duty = dutyAt(spec, { overrides: [], swaps: [] }, new Date('2026-01-12T07:59:59.999Z'));
    expect(duty).toMatchObject({ member: null, covered: false, source: 'rotation', shift: null });
    expect(iso(duty.rotationStartsAt)).toBe('2026-01-12T08:00:00Z');
    const started = dutyAt(spec, { overrides: [], swaps: [] }, new Date('2026-01-12T08:00:00Z'));
    expect(started).toMatchObject({ member: 'ann', covered: true, source: 'rotation' });
    expect(started.shift?.index).toBe(0);
  });
});
