// Roster changes never touch the shift in progress or any past shift; at the next handoff duty
// passes to whoever follows the outgoing person in the new order (or, if they were removed, to the
// next remaining member after their old place).
import { describe, expect, it } from 'vitest';
import {
  dutyAt,
  rosterVersionEffectiveAt,
  shiftsBetween,
  RotationSpecError,
  type RosterVersion,
  type RotationSpec,
} from '../../src/oncall/engine/index.js';

const NO_CHANGES = { overrides: [], swaps: [] };
const ORIGINAL = ['ann', 'ben', 'cat', 'dan'];
// Zurich, Monday 09:00 (08:00Z in winter): shift k starts 2026-01-05 + k weeks.
const HANDOFFS = [
  '2026-01-05T08:00:00Z',
  '2026-01-12T08:00:00Z',
  '2026-01-19T08:00:00Z',
  '2026-01-26T08:00:00Z',
  '2026-02-02T08:00:00Z',
  '2026-02-09T08:00:00Z',
  '2026-02-16T08:00:00Z',
  '2026-02-23T08:00:00Z',
];
/** Wednesday of shift 2, when cat is on duty and the change is seen. */
const SEEN_AT = new Date('2026-01-21T13:00:00Z');

function rotation(...later: RosterVersion[]): RotationSpec {
  return {
    name: 'zurich',
    timezone: 'Europe/Zurich',
    shiftLength: { unit: 'week', count: 1 },
    handoff: { day: 'mon', time: '09:00' },
    start: '2026-01-05',
    rosters: [{ members: ORIGINAL, effectiveFrom: new Date(HANDOFFS[0] as string) }, ...later],
  };
}

/** Members of shifts 0–7. */
function memberSequence(spec: RotationSpec): string[] {
  const from = new Date(HANDOFFS[0] as string);
  const to = new Date(Date.parse(HANDOFFS[7] as string) + 1);
  return shiftsBetween(spec, NO_CHANGES, from, to).map((shift) => shift.member);
}

describe('rosterVersionEffectiveAt', () => {
  it.each([
    ['mid-shift: the next handoff', '2026-01-21T13:00:00Z', '2026-01-26T08:00:00Z'],
    ['one millisecond before a handoff', '2026-01-26T07:59:59.999Z', '2026-01-26T08:00:00Z'],
    ['exactly at a handoff: the one after', '2026-01-26T08:00:00Z', '2026-02-02T08:00:00Z'],
    ['before the first handoff: the first handoff', '2025-12-01T00:00:00Z', '2026-01-05T08:00:00Z'],
  ])('%s', (_what, seenAt, expected) => {
    expect(rosterVersionEffectiveAt(rotation(), new Date(seenAt)).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });
});

// [what, new members (seen during shift 2, cat on duty), members of shifts 0–7]
const CHANGES: Array<[string, string[], string[]]> = [
  ['no change', ORIGINAL, ['ann', 'ben', 'cat', 'dan', 'ann', 'ben', 'cat', 'dan']],
  [
    'add at the end',
    ['ann', 'ben', 'cat', 'dan', 'eve'],
    ['ann', 'ben', 'cat', 'dan', 'eve', 'ann', 'ben', 'cat'],
  ],
  [
    'add right after the outgoing person',
    ['ann', 'ben', 'cat', 'eve', 'dan'],
    ['ann', 'ben', 'cat', 'eve', 'dan', 'ann', 'ben', 'cat'],
  ],
  [
    'add at the front',
    ['eve', 'ann', 'ben', 'cat', 'dan'],
    ['ann', 'ben', 'cat', 'dan', 'eve', 'ann', 'ben', 'cat'],
  ],
  [
    'remove someone who is not outgoing',
    ['ann', 'ben', 'cat'],
    ['ann', 'ben', 'cat', 'ann', 'ben', 'cat', 'ann', 'ben'],
  ],
  [
    'remove the incoming person',
    ['ann', 'ben', 'cat', 'eve'],
    ['ann', 'ben', 'cat', 'eve', 'ann', 'ben', 'cat', 'eve'],
  ],
  [
    'remove the outgoing person',
    ['ann', 'ben', 'dan'],
    ['ann', 'ben', 'cat', 'dan', 'ann', 'ben', 'dan', 'ann'],
  ],
  [
    'remove the outgoing person and the next',
    ['ann', 'ben'],
    ['ann', 'ben', 'cat', 'ann', 'ben', 'ann', 'ben', 'ann'],
  ],
  [
    'remove the outgoing person and the two after',
    ['ben'],
    ['ann', 'ben', 'cat', 'ben', 'ben', 'ben', 'ben', 'ben'],
  ],
  [
    'remove the outgoing person and reorder',
    ['dan', 'ben', 'ann'],
    ['ann', 'ben', 'cat', 'dan', 'ben', 'ann', 'dan', 'ben'],
  ],
  [
    'remove the outgoing person; the next remaining is last in the new order',
    ['ann', 'ben', 'eve', 'dan'],
    ['ann', 'ben', 'cat', 'dan', 'ann', 'ben', 'eve', 'dan'],
  ],
  [
    'reverse the order',
    ['dan', 'cat', 'ben', 'ann'],
    ['ann', 'ben', 'cat', 'ben', 'ann', 'dan', 'cat', 'ben'],
  ],
  [
    'keep only the outgoing person',
    ['cat'],
    ['ann', 'ben', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat'],
  ],
  ['replace everyone', ['xia', 'yan'], ['ann', 'ben', 'cat', 'xia', 'yan', 'xia', 'yan', 'xia']],
];

describe('a roster change seen mid-shift', () => {
  it.each(CHANGES)('%s', (_what, members, expected) => {
    const base = rotation();
    const effectiveFrom = rosterVersionEffectiveAt(base, SEEN_AT);
    const spec = rotation({ members, effectiveFrom });
    expect(memberSequence(spec)).toEqual(expected);
    for (const probe of [
      HANDOFFS[0],
      HANDOFFS[1],
      HANDOFFS[2],
      SEEN_AT.toISOString(),
      '2026-01-26T07:59:59.999Z',
    ]) {
      const at = new Date(probe as string);
      expect(dutyAt(spec, NO_CHANGES, at).member).toBe(dutyAt(base, NO_CHANGES, at).member);
    }
    expect(dutyAt(spec, NO_CHANGES, new Date('2026-01-26T08:00:00Z')).member).toBe(expected[3]);
  });
});

// [what, later versions, members of shifts 0–7]
const HISTORIES: Array<[string, RosterVersion[], string[]]> = [
  [
    'two changes: add eve at shift 3, then remove eve while she is outgoing at shift 5',
    [
      {
        members: ['ann', 'ben', 'cat', 'dan', 'eve'],
        effectiveFrom: new Date(HANDOFFS[3] as string),
      },
      { members: ['ann', 'ben', 'cat', 'dan'], effectiveFrom: new Date(HANDOFFS[5] as string) },
    ],
    ['ann', 'ben', 'cat', 'dan', 'eve', 'ann', 'ben', 'cat'],
  ],
  [
    'a version taking effect at the first handoff replaces the first one',
    [{ members: ['zed', 'ann'], effectiveFrom: new Date(HANDOFFS[0] as string) }],
    ['zed', 'ann', 'zed', 'ann', 'zed', 'ann', 'zed', 'ann'],
  ],
  [
    'an effectiveFrom between handoffs takes effect at the next handoff',
    [{ members: ['ann', 'ben'], effectiveFrom: new Date('2026-01-14T10:00:00Z') }],
    ['ann', 'ben', 'ann', 'ben', 'ann', 'ben', 'ann', 'ben'],
  ],
  [
    'two versions at the same handoff: the later listed wins, successor from the old order',
    [
      {
        members: ['ann', 'ben', 'cat', 'dan', 'eve'],
        effectiveFrom: new Date(HANDOFFS[2] as string),
      },
      { members: ['dan', 'ann'], effectiveFrom: new Date(HANDOFFS[2] as string) },
    ],
    ['ann', 'ben', 'dan', 'ann', 'dan', 'ann', 'dan', 'ann'],
  ],
  [
    'versions listed out of order are applied in handoff order',
    [
      { members: ['ann', 'ben'], effectiveFrom: new Date(HANDOFFS[6] as string) },
      { members: ['ann', 'ben', 'cat'], effectiveFrom: new Date(HANDOFFS[4] as string) },
    ],
    ['ann', 'ben', 'cat', 'dan', 'ann', 'ben', 'ann', 'ben'],
  ],
];

describe('roster histories', () => {
  it.each(HISTORIES)('%s', (_what, later, expected) => {
    expect(memberSequence(rotation(...later))).toEqual(expected);
  });
});

describe('shift members after a change are the roster members, before swaps', () => {
  it('reports rosterMember and member alike without swaps', () => {
    const spec = rotation({
      members: ['ann', 'ben', 'dan'],
      effectiveFrom: new Date(HANDOFFS[3] as string),
    });
    const shifts = shiftsBetween(
      spec,
      NO_CHANGES,
      new Date(HANDOFFS[2] as string),
      new Date(HANDOFFS[5] as string),
    );
    expect(
      shifts.map((shift) => [shift.index, shift.rosterMember, shift.member, shift.source]),
    ).toEqual([
      [2, 'cat', 'cat', 'rotation'],
      [3, 'dan', 'dan', 'rotation'],
      [4, 'ann', 'ann', 'rotation'],
    ]);
  });
});

// [what, spec change, message fragment]
const INVALID: Array<[string, Partial<RotationSpec>, string]> = [
  ['unknown zone', { timezone: 'Mars/Olympus' }, 'timezone "Mars/Olympus"'],
  ['bad handoff time', { handoff: { day: 'mon', time: '9:00' } }, 'handoff.time'],
  ['impossible start date', { start: '2026-02-30' }, 'start "2026-02-30"'],
  ['zero-length shifts', { shiftLength: { unit: 'week', count: 0 } }, 'shiftLength.count'],
  ['no roster', { rosters: [] }, 'at least one version'],
  [
    'empty roster',
    { rosters: [{ members: [], effectiveFrom: new Date(0) }] },
    'rosters[0] has no members',
  ],
  ['bad holiday', { holidays: ['25.12.2026'] }, 'holiday "25.12.2026"'],
  ['bad coverage end', { coverage: { days: ['mon'], from: '08:00', to: '25:00' } }, 'coverage.to'],
  [
    'invalid effectiveFrom',
    {
      rosters: [
        { members: ORIGINAL, effectiveFrom: new Date(0) },
        { members: ORIGINAL, effectiveFrom: new Date('soon') },
      ],
    },
    'rosters[1].effectiveFrom',
  ],
];

describe('specs the engine refuses', () => {
  it.each(INVALID)('%s', (_what, change, fragment) => {
    const spec = { ...rotation(), ...change };
    expect(() => dutyAt(spec, NO_CHANGES, new Date(HANDOFFS[1] as string))).toThrow(
      RotationSpecError,
    );
    expect(() => dutyAt(spec, NO_CHANGES, new Date(HANDOFFS[1] as string))).toThrow(fragment);
  });

  it('refuses an invalid instant instead of looping', () => {
    const spec = rotation();
    expect(() => dutyAt(spec, NO_CHANGES, new Date('never'))).toThrow('at is not a valid date');
    expect(() => shiftsBetween(spec, NO_CHANGES, new Date(0), new Date('never'))).toThrow(
      'to is not a valid date',
    );
  });
});
