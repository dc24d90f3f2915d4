// Coverage masks and holidays, overrides stacking (newest wins, replace-overrides), swaps (and void
// ones), and the on-call change events derived from the timeline.
import { describe, expect, it } from 'vitest';
import {
  dutyAt,
  dutySegments,
  nextCoverageStart,
  nextOnCallChange,
  onCallChangesBetween,
  shiftsBetween,
  swapOutcomes,
  type Override,
  type RotationChanges,
  type RotationSpec,
  type Swap,
} from '../../src/oncall/engine/index.js';

const NONE: RotationChanges = { overrides: [], swaps: [] };

// Zurich (winter: UTC+1), Monday 09:00 = 08:00Z; shift 0 ann from 2026-01-05, 1 ben from the
// 12th, 2 cat from the 19th, 3 ann from the 26th, 4 ben from 2026-02-02.
function rotation(extra: Partial<RotationSpec> = {}): RotationSpec {
  return {
    name: 'zurich',
    timezone: 'Europe/Zurich',
    shiftLength: { unit: 'week', count: 1 },
    handoff: { day: 'mon', time: '09:00' },
    start: '2026-01-05',
    rosters: [{ members: ['ann', 'ben', 'cat'], effectiveFrom: new Date('2026-01-05T08:00:00Z') }],
    ...extra,
  };
}

const WORKDAYS = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' } as const;
const OFFICE = rotation({ coverage: { ...WORKDAYS, days: [...WORKDAYS.days] } });
const OFFICE_WITH_HOLIDAY = rotation({
  coverage: { ...WORKDAYS, days: [...WORKDAYS.days] },
  holidays: ['2026-01-14'],
});

function override(
  id: string,
  member: string,
  start: string,
  end: string,
  created: string,
  replaces?: string,
): Override {
  const value: Override = {
    id,
    member,
    start: new Date(start),
    end: new Date(end),
    createdAt: new Date(created),
  };
  if (replaces) value.replaces = replaces;
  return value;
}

function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString().replace('.000Z', 'Z') : null;
}

describe('coverage mask', () => {
  // [what, at, member, covered, whose shift it is]
  it.each([
    [
      'Monday 08:30 local, before the 09:00 handoff: the outgoing person',
      '2026-01-12T07:30:00Z',
      'ann',
      true,
      'ann',
    ],
    ['Monday 09:00 local: the incoming person', '2026-01-12T08:00:00Z', 'ben', true, 'ben'],
    ['Monday 17:59:59.999 local', '2026-01-12T16:59:59.999Z', 'ben', true, 'ben'],
    ['Monday 18:00 local: closed', '2026-01-12T17:00:00Z', null, false, 'ben'],
    ['Tuesday 07:59 local: closed', '2026-01-13T06:59:00Z', null, false, 'ben'],
    ['Saturday noon: closed, still ben’s shift', '2026-01-17T11:00:00Z', null, false, 'ben'],
    ['holiday Wednesday noon: closed', '2026-01-14T11:00:00Z', null, false, 'ben'],
    ['Thursday after the holiday', '2026-01-15T07:00:00Z', 'ben', true, 'ben'],
    [
      'summer Monday 08:00 local is 06:00Z (shift 20 still)',
      '2026-06-01T06:00:00Z',
      'cat',
      true,
      'cat',
    ],
  ])('%s', (_what, at, member, covered, shiftMember) => {
    const duty = dutyAt(OFFICE_WITH_HOLIDAY, NONE, new Date(at));
    expect([duty.member, duty.covered, duty.source, duty.shift?.member]).toEqual([
      member,
      covered,
      'rotation',
      shiftMember,
    ]);
  });

  function coveredIntervals(spec: RotationSpec, from: string, to: string): string[] {
    const intervals: Array<{ start: Date; end: Date }> = [];
    for (const segment of dutySegments(spec, NONE, new Date(from), new Date(to))) {
      if (!segment.covered) continue;
      const last = intervals[intervals.length - 1];
      if (last && last.end.getTime() === segment.start.getTime()) last.end = segment.end;
      else intervals.push({ start: segment.start, end: segment.end });
    }
    return intervals.map((interval) => `${iso(interval.start)}/${iso(interval.end)}`);
  }

  // [what, spec, from, to, covered intervals]
  it.each([
    [
      'workdays with a holiday on Wednesday',
      OFFICE_WITH_HOLIDAY,
      '2026-01-12T00:00:00Z',
      '2026-01-19T00:00:00Z',
      [
        '2026-01-12T07:00:00Z/2026-01-12T17:00:00Z',
        '2026-01-13T07:00:00Z/2026-01-13T17:00:00Z',
        '2026-01-15T07:00:00Z/2026-01-15T17:00:00Z',
        '2026-01-16T07:00:00Z/2026-01-16T17:00:00Z',
      ],
    ],
    [
      'overnight 22:00–06:00 Friday and Saturday; Saturday is a holiday',
      rotation({
        coverage: { days: ['fri', 'sat'], from: '22:00', to: '06:00' },
        holidays: ['2026-01-17'],
      }),
      '2026-01-12T00:00:00Z',
      '2026-01-19T00:00:00Z',
      ['2026-01-16T21:00:00Z/2026-01-16T23:00:00Z', '2026-01-17T23:00:00Z/2026-01-18T05:00:00Z'],
    ],
    [
      'until 24:00 on Mondays',
      rotation({ coverage: { days: ['mon'], from: '08:00', to: '24:00' } }),
      '2026-01-12T00:00:00Z',
      '2026-01-19T00:00:00Z',
      ['2026-01-12T07:00:00Z/2026-01-12T23:00:00Z'],
    ],
    [
      'Sunday 01:00–04:00 on the spring-forward night lasts two hours',
      rotation({ coverage: { days: ['sun'], from: '01:00', to: '04:00' } }),
      '2026-03-28T00:00:00Z',
      '2026-03-30T00:00:00Z',
      ['2026-03-29T00:00:00Z/2026-03-29T02:00:00Z'],
    ],
    [
      'Sunday 02:15–02:45 falls in the spring-forward gap: no coverage that night',
      rotation({ coverage: { days: ['sun'], from: '02:15', to: '02:45' } }),
      '2026-03-28T00:00:00Z',
      '2026-04-06T00:00:00Z',
      ['2026-04-05T00:15:00Z/2026-04-05T00:45:00Z'],
    ],
    [
      'holidays without coverage hours close whole local dates',
      rotation({ holidays: ['2026-01-14'] }),
      '2026-01-13T00:00:00Z',
      '2026-01-16T00:00:00Z',
      ['2026-01-13T00:00:00Z/2026-01-13T23:00:00Z', '2026-01-14T23:00:00Z/2026-01-16T00:00:00Z'],
    ],
  ])('%s', (_what, spec, from, to, expected) => {
    expect(coveredIntervals(spec, from, to)).toEqual(expected);
  });

  // [what, spec, at, next opening]
  it.each([
    [
      'Monday evening → Tuesday 08:00',
      OFFICE_WITH_HOLIDAY,
      '2026-01-12T18:00:00Z',
      '2026-01-13T07:00:00Z',
    ],
    [
      'Tuesday evening, Wednesday a holiday → Thursday 08:00',
      OFFICE_WITH_HOLIDAY,
      '2026-01-13T17:00:00Z',
      '2026-01-15T07:00:00Z',
    ],
    [
      'while open: the next opening after this one',
      OFFICE,
      '2026-01-13T10:00:00Z',
      '2026-01-14T07:00:00Z',
    ],
    ['exactly at an opening: the next one', OFFICE, '2026-01-13T07:00:00Z', '2026-01-14T07:00:00Z'],
    ['Friday evening → Monday 08:00', OFFICE, '2026-01-16T17:00:00Z', '2026-01-19T07:00:00Z'],
    [
      'Friday before spring forward → Monday 08:00 CEST',
      OFFICE,
      '2026-03-27T17:00:00Z',
      '2026-03-30T06:00:00Z',
    ],
    ['no coverage hours: never closed', rotation(), '2026-01-13T10:00:00Z', null],
  ])('nextCoverageStart: %s', (_what, spec, at, expected) => {
    expect(iso(nextCoverageStart(spec, new Date(at)))).toBe(expected);
  });
});

describe('overrides', () => {
  const overrides = [
    override(
      'dan-tue-thu',
      'dan',
      '2026-01-13T07:00:00Z',
      '2026-01-15T17:00:00Z',
      '2026-01-01T00:00:00Z',
    ),
    override(
      'eve-wed-fri',
      'eve',
      '2026-01-14T10:00:00Z',
      '2026-01-16T12:00:00Z',
      '2026-01-02T00:00:00Z',
    ),
    override(
      'fay-older',
      'fay',
      '2026-01-14T12:00:00Z',
      '2026-01-14T13:00:00Z',
      '2025-12-31T00:00:00Z',
    ),
    override(
      'gus-for-ben',
      'gus',
      '2026-01-12T12:00:00Z',
      '2026-01-16T23:00:00Z',
      '2026-01-03T00:00:00Z',
      'ben',
    ),
    override(
      'hal-empty',
      'hal',
      '2026-01-12T10:00:00Z',
      '2026-01-12T10:00:00Z',
      '2026-01-04T00:00:00Z',
    ),
    override(
      'ivy-early',
      'ivy',
      '2026-01-01T00:00:00Z',
      '2026-01-02T00:00:00Z',
      '2025-12-01T00:00:00Z',
    ),
  ];
  const changes: RotationChanges = { overrides, swaps: [] };

  // [what, at, member, covered, source, override id, covered for]
  it.each([
    [
      'Monday before any override',
      '2026-01-12T10:00:00Z',
      'ben',
      true,
      'rotation',
      undefined,
      undefined,
    ],
    [
      'gus replaces ben while ben is on duty',
      '2026-01-12T12:00:00Z',
      'gus',
      true,
      'override',
      'gus-for-ben',
      'ben',
    ],
    [
      'a replace-override does not extend coverage',
      '2026-01-12T17:30:00Z',
      null,
      false,
      'rotation',
      undefined,
      undefined,
    ],
    [
      'Tuesday before coverage and before dan starts',
      '2026-01-13T06:00:00Z',
      null,
      false,
      'rotation',
      undefined,
      undefined,
    ],
    [
      'dan; gus is newer but ben is not on duty under dan',
      '2026-01-13T07:00:00Z',
      'dan',
      true,
      'override',
      'dan-tue-thu',
      'ben',
    ],
    [
      'dan outside coverage: an explicit override is on duty',
      '2026-01-13T20:00:00Z',
      'dan',
      false,
      'override',
      'dan-tue-thu',
      undefined,
    ],
    [
      'eve is newer than dan where they overlap',
      '2026-01-14T10:00:00Z',
      'eve',
      true,
      'override',
      'eve-wed-fri',
      'dan',
    ],
    [
      'fay is older than both: shadowed',
      '2026-01-14T12:30:00Z',
      'eve',
      true,
      'override',
      'eve-wed-fri',
      'dan',
    ],
    [
      'eve after dan ended',
      '2026-01-15T18:00:00Z',
      'eve',
      false,
      'override',
      'eve-wed-fri',
      undefined,
    ],
    [
      'eve’s last millisecond',
      '2026-01-16T11:59:59.999Z',
      'eve',
      true,
      'override',
      'eve-wed-fri',
      'ben',
    ],
    [
      'eve ended: gus again replaces ben',
      '2026-01-16T12:00:00Z',
      'gus',
      true,
      'override',
      'gus-for-ben',
      'ben',
    ],
    [
      'Friday after coverage',
      '2026-01-16T17:00:00Z',
      null,
      false,
      'rotation',
      undefined,
      undefined,
    ],
    [
      'before the first handoff, an explicit override is on duty',
      '2026-01-01T12:00:00Z',
      'ivy',
      false,
      'override',
      'ivy-early',
      undefined,
    ],
  ])('%s', (_what, at, member, covered, source, overrideId, coveredFor) => {
    const duty = dutyAt(OFFICE, changes, new Date(at));
    expect([duty.member, duty.covered, duty.source, duty.override?.id, duty.coveredFor]).toEqual([
      member,
      covered,
      source,
      overrideId,
      coveredFor,
    ]);
  });

  it('the timeline of a day with two overlapping overrides', () => {
    const segments = dutySegments(
      OFFICE,
      changes,
      new Date('2026-01-14T00:00:00Z'),
      new Date('2026-01-15T00:00:00Z'),
    );
    expect(
      segments.map((s) => [
        iso(s.start),
        iso(s.end),
        s.member,
        s.covered,
        s.overrideId,
        s.shiftIndex,
      ]),
    ).toEqual([
      ['2026-01-14T00:00:00Z', '2026-01-14T07:00:00Z', 'dan', false, 'dan-tue-thu', 1],
      ['2026-01-14T07:00:00Z', '2026-01-14T10:00:00Z', 'dan', true, 'dan-tue-thu', 1],
      ['2026-01-14T10:00:00Z', '2026-01-14T17:00:00Z', 'eve', true, 'eve-wed-fri', 1],
      ['2026-01-14T17:00:00Z', '2026-01-15T00:00:00Z', 'eve', false, 'eve-wed-fri', 1],
    ]);
  });

  it('shiftsBetween lists each shift’s override segments', () => {
    const shifts = shiftsBetween(
      OFFICE,
      changes,
      new Date('2026-01-12T08:00:00Z'),
      new Date('2026-01-19T08:00:00Z'),
    );
    expect(shifts.map((shift) => shift.index)).toEqual([1]);
    const parts = shifts[0]?.overrides.map((s) => `${s.overrideId} ${iso(s.start)}/${iso(s.end)}`);
    expect(parts).toEqual([
      'gus-for-ben 2026-01-12T12:00:00Z/2026-01-12T17:00:00Z',
      'dan-tue-thu 2026-01-13T07:00:00Z/2026-01-13T17:00:00Z',
      'dan-tue-thu 2026-01-13T17:00:00Z/2026-01-14T07:00:00Z',
      'dan-tue-thu 2026-01-14T07:00:00Z/2026-01-14T10:00:00Z',
      'eve-wed-fri 2026-01-14T10:00:00Z/2026-01-14T17:00:00Z',
      'eve-wed-fri 2026-01-14T17:00:00Z/2026-01-15T07:00:00Z',
      'eve-wed-fri 2026-01-15T07:00:00Z/2026-01-15T17:00:00Z',
      'eve-wed-fri 2026-01-15T17:00:00Z/2026-01-16T07:00:00Z',
      'eve-wed-fri 2026-01-16T07:00:00Z/2026-01-16T12:00:00Z',
      'gus-for-ben 2026-01-16T12:00:00Z/2026-01-16T17:00:00Z',
    ]);
  });
});

describe('swaps', () => {
  const at = (iso: string) => new Date(iso);
  const swaps: Swap[] = [
    {
      id: 'ben-ann',
      shiftA: at('2026-01-12T08:00:00Z'),
      memberA: 'ben',
      shiftB: at('2026-01-26T08:00:00Z'),
      memberB: 'ann',
      createdAt: at('2026-01-01T00:00:00Z'),
    },
    {
      id: 'stale',
      shiftA: at('2026-01-19T08:00:00Z'),
      memberA: 'cat',
      shiftB: at('2026-01-12T08:00:00Z'),
      memberB: 'ben',
      createdAt: at('2026-01-02T00:00:00Z'),
    },
    {
      id: 'ben-cat',
      shiftA: at('2026-02-02T08:00:00Z'),
      memberA: 'ben',
      shiftB: at('2026-01-19T08:00:00Z'),
      memberB: 'cat',
      createdAt: at('2026-01-03T00:00:00Z'),
    },
    {
      id: 'not-a-handoff',
      shiftA: at('2026-01-13T08:00:00Z'),
      memberA: 'ben',
      shiftB: at('2026-02-09T08:00:00Z'),
      memberB: 'cat',
      createdAt: at('2026-01-04T00:00:00Z'),
    },
    {
      id: 'same-shift',
      shiftA: at('2026-02-09T08:00:00Z'),
      memberA: 'cat',
      shiftB: at('2026-02-09T08:00:00Z'),
      memberB: 'cat',
      createdAt: at('2026-01-05T00:00:00Z'),
    },
  ];

  it('applies swaps oldest first and reports void ones', () => {
    expect(swapOutcomes(rotation(), swaps).map((o) => [o.swap.id, o.applied, o.reason])).toEqual([
      ['ben-ann', true, undefined],
      ['stale', false, 'a shift is no longer held by the member the swap names'],
      ['ben-cat', true, undefined],
      ['not-a-handoff', false, 'a swapped shift does not start at a handoff'],
      ['same-shift', false, 'both sides name the same shift'],
    ]);
  });

  it('trades whole shifts', () => {
    const shifts = shiftsBetween(
      rotation(),
      { overrides: [], swaps },
      at('2026-01-05T08:00:00Z'),
      at('2026-02-10T00:00:00Z'),
    );
    expect(shifts.map((s) => [s.index, s.rosterMember, s.member, s.source, s.swapId])).toEqual([
      [0, 'ann', 'ann', 'rotation', undefined],
      [1, 'ben', 'ann', 'swap', 'ben-ann'],
      [2, 'cat', 'ben', 'swap', 'ben-cat'],
      [3, 'ann', 'ben', 'swap', 'ben-ann'],
      [4, 'ben', 'cat', 'swap', 'ben-cat'],
      [5, 'cat', 'cat', 'rotation', undefined],
    ]);
  });

  // [what, at, member, source, shift member, covered for]
  it.each([
    ['a swapped shift', '2026-01-13T10:00:00Z', 'ann', 'swap', 'ann', undefined],
    ['an override on top of a swap', '2026-01-13T11:00:00Z', 'dan', 'override', 'ann', 'ann'],
    [
      'the swapped shift outside coverage',
      '2026-01-13T20:00:00Z',
      null,
      'rotation',
      'ann',
      undefined,
    ],
  ])('%s', (_what, instant, member, source, shiftMember, coveredFor) => {
    const changes = {
      overrides: [
        override(
          'dan',
          'dan',
          '2026-01-13T11:00:00Z',
          '2026-01-13T12:00:00Z',
          '2026-01-05T00:00:00Z',
        ),
      ],
      swaps,
    };
    const duty = dutyAt(OFFICE, changes, at(instant));
    expect([
      duty.member,
      duty.source,
      duty.shift?.member,
      duty.shift?.swapId,
      duty.coveredFor,
    ]).toEqual([member, source, shiftMember, 'ben-ann', coveredFor]);
  });
});

describe('on-call changes', () => {
  const changes: RotationChanges = {
    overrides: [
      override(
        'dan',
        'dan',
        '2026-01-13T07:00:00Z',
        '2026-01-13T19:00:00Z',
        '2026-01-01T00:00:00Z',
      ),
      override(
        'eve',
        'eve',
        '2026-01-18T00:00:00Z',
        '2026-01-20T00:00:00Z',
        '2026-01-01T00:00:00Z',
      ),
    ],
    swaps: [],
  };
  const events = (spec: RotationSpec, from: string, to: string) =>
    onCallChangesBetween(spec, changes, new Date(from), new Date(to)).map(
      (e) => `${iso(e.at)} ${e.kind} ${e.from}→${e.to}`,
    );

  it.each([
    [
      'coverage, a handoff, an override starting with coverage and outlasting it',
      OFFICE,
      '2026-01-12T00:00:00Z',
      '2026-01-14T00:00:00Z',
      [
        '2026-01-12T07:00:00Z coverage-start null→ann',
        '2026-01-12T08:00:00Z handoff ann→ben',
        '2026-01-12T17:00:00Z coverage-end ben→null',
        '2026-01-13T07:00:00Z override-start null→dan',
        '2026-01-13T07:00:00Z coverage-start null→dan',
        '2026-01-13T17:00:00Z coverage-end dan→dan',
        '2026-01-13T19:00:00Z override-end dan→null',
      ],
    ],
    [
      'an override across a handoff: only the handoff, same person on duty',
      rotation(),
      '2026-01-18T00:00:00Z',
      '2026-01-21T00:00:00Z',
      [
        '2026-01-18T00:00:00Z override-start ben→eve',
        '2026-01-19T08:00:00Z handoff eve→eve',
        '2026-01-20T00:00:00Z override-end eve→cat',
      ],
    ],
    [
      'a one-member rotation still reports every handoff',
      rotation({ rosters: [{ members: ['ann'], effectiveFrom: new Date(0) }] }),
      '2026-01-25T00:00:00Z',
      '2026-02-03T00:00:00Z',
      ['2026-01-26T08:00:00Z handoff ann→ann', '2026-02-02T08:00:00Z handoff ann→ann'],
    ],
    [
      'from is inclusive',
      rotation(),
      '2026-01-26T08:00:00Z',
      '2026-01-26T08:00:00.001Z',
      ['2026-01-26T08:00:00Z handoff cat→ann'],
    ],
    ['to is exclusive', rotation(), '2026-01-26T00:00:00Z', '2026-01-26T08:00:00Z', []],
  ])('%s', (_what, spec, from, to, expected) => {
    expect(events(spec, from, to)).toEqual(expected);
  });

  it.each([
    ['the next coverage boundary', OFFICE, '2026-01-12T07:00:00Z', '2026-01-12T08:00:00Z'],
    ['strictly after a change', OFFICE, '2026-01-12T08:00:00Z', '2026-01-12T17:00:00Z'],
    ['an override starting', OFFICE, '2026-01-12T17:00:00Z', '2026-01-13T07:00:00Z'],
    ['an override ending outside coverage', OFFICE, '2026-01-13T17:00:00Z', '2026-01-13T19:00:00Z'],
    ['no coverage: the next handoff', rotation(), '2026-01-20T00:00:00Z', '2026-01-26T08:00:00Z'],
    [
      'before the rotation starts: the first handoff',
      rotation(),
      '2025-06-01T00:00:00Z',
      '2026-01-05T08:00:00Z',
    ],
  ])('nextOnCallChange: %s', (_what, spec, after, expected) => {
    expect(iso(nextOnCallChange(spec, changes, new Date(after)))).toBe(expected);
  });
});
