// A year walked in 15-minute steps: dutyAt must agree with a slow, independent model that reads
// each instant's local wall clock from Intl and counts handoff wall times the clock has reached;
// dutySegments and the handoff events must agree with dutyAt at every step.
import { describe, expect, it } from 'vitest';
import {
  dutyAt,
  dutySegments,
  onCallChangesBetween,
  type Override,
  type RotationChanges,
  type RotationSpec,
  type ShiftSegment,
} from '../../src/oncall/engine/index.js';

const STEP = 15 * 60_000;
const DAY = 86_400_000;
const WALK_FROM = Date.parse('2025-12-31T00:00:00Z');
const WALK_TO = Date.parse('2027-01-01T00:00:00Z');
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Wall {
  /** "YYYY-MM-DDTHH:MM", comparable as a string. */
  key: string;
  date: string;
  time: string;
  weekday: string;
}

function wallClock(zone: string): (instant: number) => Wall {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (instant) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const time = `${parts.hour}:${parts.minute}`;
    return { key: `${date}T${time}`, date, time, weekday: String(parts.weekday).toLowerCase() };
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Local wall time ("YYYY-MM-DDTHH:MM") of handoff k. */
function handoffWall(spec: RotationSpec, k: number): string {
  let first = spec.start;
  if (spec.shiftLength.unit === 'week' && spec.handoff.day) {
    while (WEEKDAY_NAMES[new Date(`${first}T00:00:00Z`).getUTCDay()] !== spec.handoff.day)
      first = addDays(first, 1);
  }
  const step = spec.shiftLength.count * (spec.shiftLength.unit === 'week' ? 7 : 1);
  return `${addDays(first, k * step)}T${spec.handoff.time}`;
}

/** Members of each shift by walking handoffs one by one (roster versions, then swaps). */
function slowShiftMembers(spec: RotationSpec, changes: RotationChanges, handoffs: number[]) {
  const [first, ...later] = spec.rosters;
  let members = first?.members ?? [];
  let position = 0;
  const holders = handoffs.map((handoff, k) => {
    const version = later.filter((v) => v.effectiveFrom.getTime() <= handoff).at(-1);
    if (k > 0 && version && version.members !== members) {
      const outgoing = members[position] as string;
      let next = version.members.indexOf(outgoing);
      if (next >= 0) next = (next + 1) % version.members.length;
      for (let step = 1; next < 0 && step < members.length; step++) {
        next = version.members.indexOf(members[(position + step) % members.length] as string);
      }
      members = version.members;
      position = Math.max(next, 0);
    } else if (k > 0) {
      position = (position + 1) % members.length;
    }
    return members[position] as string;
  });
  const swapped = new Set<number>();
  for (const swap of [...changes.swaps].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  )) {
    const a = handoffs.indexOf(swap.shiftA.getTime());
    const b = handoffs.indexOf(swap.shiftB.getTime());
    if (a < 0 || b < 0 || a === b || holders[a] !== swap.memberA || holders[b] !== swap.memberB)
      continue;
    holders[a] = swap.memberB;
    holders[b] = swap.memberA;
    swapped.add(a).add(b);
  }
  return { holders, swapped };
}

interface SlowDuty {
  at: number;
  shiftIndex: number;
  shiftStart: number | null;
  shiftMember: string | null;
  covered: boolean;
  member: string | null;
  source: string;
  overrideId: string | undefined;
}

function slowWalk(
  spec: RotationSpec,
  changes: RotationChanges,
): { steps: SlowDuty[]; handoffs: number[] } {
  const wall = wallClock(spec.timezone);
  const handoffs: number[] = [];
  const raw: Array<{ at: number; wall: Wall; shiftIndex: number }> = [];
  let reached = '';
  for (let at = WALK_FROM; at < WALK_TO; at += STEP) {
    const now = wall(at);
    if (now.key > reached) reached = now.key;
    while (handoffWall(spec, handoffs.length) <= reached) handoffs.push(at);
    raw.push({ at, wall: now, shiftIndex: handoffs.length - 1 });
  }
  const { holders, swapped } = slowShiftMembers(spec, changes, handoffs);
  const overrides = [...changes.overrides].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const steps = raw.map(({ at, wall: now, shiftIndex }): SlowDuty => {
    const shiftMember = holders[shiftIndex] ?? null;
    const coverage = spec.coverage;
    const open =
      !(spec.holidays ?? []).includes(now.date) &&
      (!coverage ||
        (coverage.days.some((d) => d === now.weekday) &&
          coverage.from <= now.time &&
          now.time < coverage.to));
    const covered = shiftMember !== null && open;
    let member = covered ? shiftMember : null;
    let overrideId: string | undefined;
    for (const o of overrides) {
      if (o.start.getTime() > at || at >= o.end.getTime()) continue;
      if (o.replaces !== undefined && o.replaces !== member) continue;
      member = o.member;
      overrideId = o.id;
    }
    const shiftStart = handoffs[shiftIndex] ?? null;
    const source = overrideId
      ? 'override'
      : covered && swapped.has(shiftIndex)
        ? 'swap'
        : 'rotation';
    return { at, shiftIndex, shiftStart, shiftMember, covered, member, source, overrideId };
  });
  return { steps, handoffs };
}

function rotation(
  spec: Omit<RotationSpec, 'name' | 'rosters'> & { members: string[] },
): RotationSpec {
  const { members, ...rest } = spec;
  return { name: 'walk', ...rest, rosters: [{ members, effectiveFrom: new Date(0) }] };
}

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

const laDaily = rotation({
  timezone: 'America/Los_Angeles',
  shiftLength: { unit: 'day', count: 1 },
  handoff: { time: '02:30' },
  start: '2026-01-01',
  members: ['amy', 'bo', 'cy', 'di', 'ed'],
});
// Shift 164 (June 14) is ed's: ed → fay at the first change. Shift 242 (Aug 31) is ed's again and
// the second change removes both ed and fay: duty passes to amy, the next remaining after ed.
laDaily.rosters.push(
  {
    members: ['amy', 'bo', 'cy', 'di', 'ed', 'fay'],
    effectiveFrom: new Date('2026-06-15T09:30:00Z'),
  },
  { members: ['amy', 'cy', 'bo', 'di'], effectiveFrom: new Date('2026-09-01T09:30:00Z') },
);

// [what, spec, changes]
const WALKS: Array<[string, RotationSpec, RotationChanges]> = [
  [
    'weekly Zurich Monday 09:00, coverage Mon–Fri 08:00–18:00, holidays, overrides, swaps',
    rotation({
      timezone: 'Europe/Zurich',
      shiftLength: { unit: 'week', count: 1 },
      handoff: { day: 'mon', time: '09:00' },
      start: '2026-01-05',
      members: ['ann', 'bob', 'cat', 'dan'],
      coverage: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
      holidays: ['2026-04-03', '2026-12-25'],
    }),
    {
      overrides: [
        override(
          'dan',
          'dan',
          '2026-03-31T07:00:00Z',
          '2026-04-02T16:00:00Z',
          '2026-03-01T00:00:00Z',
        ),
        override(
          'eve',
          'eve',
          '2026-04-01T12:00:00Z',
          '2026-04-03T12:00:00Z',
          '2026-03-02T00:00:00Z',
        ),
        override(
          'fay',
          'fay',
          '2026-10-20T00:00:00Z',
          '2026-10-30T00:00:00Z',
          '2026-10-01T00:00:00Z',
          'bob',
        ),
      ],
      swaps: [
        {
          id: 'cat-ann',
          shiftA: new Date('2026-03-16T08:00:00Z'),
          memberA: 'cat',
          shiftB: new Date('2026-03-30T07:00:00Z'),
          memberB: 'ann',
          createdAt: new Date('2026-03-01T00:00:00Z'),
        },
        {
          id: 'void',
          shiftA: new Date('2026-05-04T07:00:00Z'),
          memberA: 'cat',
          shiftB: new Date('2026-05-11T07:00:00Z'),
          memberB: 'cat',
          createdAt: new Date('2026-03-02T00:00:00Z'),
        },
      ],
    },
  ],
  [
    'two-week Sydney Sunday 02:30 (handoffs on both DST Sundays)',
    rotation({
      timezone: 'Australia/Sydney',
      shiftLength: { unit: 'week', count: 2 },
      handoff: { day: 'sun', time: '02:30' },
      start: '2026-01-11',
      members: ['kim', 'lee', 'max'],
    }),
    {
      overrides: [
        override(
          'ned',
          'ned',
          '2026-10-03T12:00:00Z',
          '2026-10-05T00:00:00Z',
          '2026-09-01T00:00:00Z',
        ),
      ],
      swaps: [],
    },
  ],
  ['daily LA 02:30 with two roster changes', laDaily, { overrides: [], swaps: [] }],
  [
    'daily Chicago 01:30 (twice on the fall-back night) with an override',
    rotation({
      timezone: 'America/Chicago',
      shiftLength: { unit: 'day', count: 1 },
      handoff: { time: '01:30' },
      start: '2026-01-01',
      members: ['pia', 'quin', 'rae'],
    }),
    {
      overrides: [
        override(
          'sam',
          'sam',
          '2026-11-01T06:00:00Z',
          '2026-11-01T08:00:00Z',
          '2026-10-01T00:00:00Z',
        ),
      ],
      swaps: [],
    },
  ],
  [
    'weekly Lord Howe Sunday 02:15 (30-minute DST gap and overlap)',
    rotation({
      timezone: 'Australia/Lord_Howe',
      shiftLength: { unit: 'week', count: 1 },
      handoff: { day: 'sun', time: '02:15' },
      start: '2026-01-04',
      members: ['uma', 'vic'],
    }),
    { overrides: [], swaps: [] },
  ],
];

function segmentAt(
  segments: ShiftSegment[],
  cursor: { index: number },
  at: number,
): ShiftSegment | undefined {
  while ((segments[cursor.index]?.end.getTime() ?? Infinity) <= at) cursor.index++;
  return segments[cursor.index];
}

describe('a year in 15-minute steps', () => {
  it.each(WALKS)('%s', (_what, spec, changes) => {
    const { steps, handoffs } = slowWalk(spec, changes);
    const segments = dutySegments(spec, changes, new Date(WALK_FROM), new Date(WALK_TO));
    const cursor = { index: 0 };
    const mismatches: string[] = [];
    for (const slow of steps) {
      const duty = dutyAt(spec, changes, new Date(slow.at));
      const got = JSON.stringify([
        duty.shift?.index ?? -1,
        duty.shift?.start.getTime() ?? null,
        duty.shift?.member ?? null,
        duty.covered,
        duty.member,
        duty.source,
        duty.override?.id,
      ]);
      const want = JSON.stringify([
        slow.shiftIndex,
        slow.shiftStart,
        slow.shiftMember,
        slow.covered,
        slow.member,
        slow.source,
        slow.overrideId,
      ]);
      const segment = segmentAt(segments, cursor, slow.at);
      const fromSegments = JSON.stringify([
        segment?.shiftIndex,
        segment?.covered,
        segment?.member,
        segment?.source,
        segment?.overrideId,
      ]);
      const fromDutyAt = JSON.stringify([
        duty.shift?.index ?? -1,
        duty.covered,
        duty.member,
        duty.source,
        duty.override?.id,
      ]);
      if (got !== want || fromSegments !== fromDutyAt) {
        mismatches.push(
          `${new Date(slow.at).toISOString()} dutyAt ${got} slow ${want} segment ${fromSegments}`,
        );
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(handoffs.length).toBeGreaterThan(20);
    const handoffEvents = onCallChangesBetween(
      spec,
      changes,
      new Date(WALK_FROM),
      new Date(WALK_TO),
    )
      .filter((event) => event.kind === 'handoff')
      .map((event) => event.at.getTime());
    expect(handoffEvents).toEqual(handoffs);
  });

  it('segments tile the walk with no equal neighbours', () => {
    for (const [, spec, changes] of WALKS) {
      const segments = dutySegments(spec, changes, new Date(WALK_FROM), new Date(WALK_TO));
      expect(segments[0]?.start.getTime()).toBe(WALK_FROM);
      expect(segments.at(-1)?.end.getTime()).toBe(WALK_TO);
      segments.slice(1).forEach((segment, i) => {
        const previous = segments[i] as ShiftSegment;
        expect(segment.start.getTime()).toBe(previous.end.getTime());
        const key = (s: ShiftSegment) =>
          [s.member, s.source, s.shiftIndex, s.covered, s.overrideId, s.swapId].join('|');
        expect(key(segment)).not.toBe(key(previous));
      });
    }
  });
});
