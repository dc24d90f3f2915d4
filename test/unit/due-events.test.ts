// Due events over a week of a Zurich and a Los Angeles rotation, each across its spring-forward
// change: exactly the expected posts at the expected UTC instants, and nothing else. Instants were
// worked out by hand from the zones' offsets (CET +1 / CEST +2 from 2026-03-29 01:00Z; PST −8 /
// PDT −7 from 2026-03-08 10:00Z; CEST → CET on 2026-10-25 01:00Z).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { AppConfig } from '../../src/config/schema.js';
import type { Override } from '../../src/oncall/engine/index.js';
import type { RotationContext } from '../../src/oncall/rotation-context.js';
import { rotationSpec } from '../../src/oncall/rotation-spec.js';
import { dueEvents, planDueEvents, type DueEvent } from '../../src/scheduler/due-events.js';

const config = parseConfig(`
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    statusLog: { time: "09:00", days: [mon, tue, wed, thu, fri] }
    rotations:
      - name: zurich
        shiftLength: 1w
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
        coverage: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00" }
  - name: nightowls
    channel: C0NIGHTOWL
    statusLog: { time: "02:30", days: [sat, sun, mon] }
  - name: sre
    channel: C0SRETEAM1
    timezone: America/Los_Angeles
    statusLog: { time: "09:00", days: [mon, tue, wed, thu, fri] }
    rotations:
      - name: la
        shiftLength: 1d
        handoff: { time: "02:30" }
        start: 2026-03-02
        members: [U0DAVE001, U0ERIN001]
        reminder: 12h
        channel: C0LAONCALL
`);

function override(id: string, member: string, start: string, end: string, replaces?: string) {
  const made: Override = {
    id,
    member,
    start: new Date(start),
    end: new Date(end),
    createdAt: new Date('2026-03-01T00:00:00Z'),
  };
  if (replaces) made.replaces = replaces;
  return made;
}

function contextsOf(app: AppConfig, overrides: Record<string, Override[]> = {}): RotationContext[] {
  return app.teams.flatMap((team) =>
    team.rotations.map((rotation) => ({
      team,
      rotation,
      spec: rotationSpec(rotation),
      changes: { overrides: overrides[rotation.name] ?? [], swaps: [] },
    })),
  );
}

/** Bob covers Carol on Friday afternoon, and covers Alice for the first two hours of her shift. */
const zurichOverrides = {
  zurich: [
    override('1', 'U0BOB0001', '2026-03-27T10:00:00Z', '2026-03-27T14:00:00Z'),
    override('2', 'U0BOB0001', '2026-03-30T07:00:00Z', '2026-03-30T09:00:00Z', 'U0ALICE01'),
  ],
};

/** [kind, key subject, channel, scheduled instant (UTC), key instant when it differs] */
type Row = [DueEvent['kind'], string, string, string, string?];

function rows(events: DueEvent[]): Row[] {
  return events.map((event) => {
    const keyInstant = event.key.slice(event.key.indexOf(':', event.kind.length + 1) + 1);
    const subject = event.rotation ?? event.team;
    const row: Row = [event.kind, subject, event.channel, event.scheduledAt.toISOString()];
    if (keyInstant !== row[3]) row.push(keyInstant);
    expect(event.key).toBe(`${event.kind}:${subject}:${keyInstant}`);
    return row;
  });
}

const weekCases: Array<{ name: string; from: string; to: string; teams: string[]; rows: Row[] }> = [
  {
    name: 'Zurich, Thu 26 Mar – Wed 1 Apr 2026 (CET → CEST on Sunday)',
    from: '2026-03-26T00:00:00Z',
    to: '2026-04-02T00:00:00Z',
    teams: ['platform', 'nightowls'],
    rows: [
      ['daily-status', 'platform', 'C0PLATFORM1', '2026-03-26T08:00:00.000Z'],
      ['daily-status', 'platform', 'C0PLATFORM1', '2026-03-27T08:00:00.000Z'],
      ['override-note', 'zurich', 'C0PLATFORM1', '2026-03-27T10:00:00.000Z'],
      ['override-note', 'zurich', 'C0PLATFORM1', '2026-03-27T14:00:00.000Z'],
      ['daily-status', 'nightowls', 'C0NIGHTOWL', '2026-03-28T01:30:00.000Z'],
      // Sunday 02:30 does not exist: the first instant after the gap, 03:00 CEST.
      ['daily-status', 'nightowls', 'C0NIGHTOWL', '2026-03-29T01:00:00.000Z'],
      [
        'handoff-reminder',
        'zurich',
        'U0ALICE01',
        '2026-03-29T07:00:00.000Z',
        '2026-03-30T07:00:00.000Z',
      ],
      ['daily-status', 'nightowls', 'C0NIGHTOWL', '2026-03-30T00:30:00.000Z'],
      [
        'handoff-note-request',
        'zurich',
        'U0CAROL01',
        '2026-03-30T06:00:00.000Z',
        '2026-03-30T07:00:00.000Z',
      ],
      ['daily-status', 'platform', 'C0PLATFORM1', '2026-03-30T07:00:00.000Z'],
      ['handoff', 'zurich', 'C0PLATFORM1', '2026-03-30T07:00:00.000Z'],
      // Bob's override starts at the handoff (no note of its own) and ends at 09:00Z.
      ['override-note', 'zurich', 'C0PLATFORM1', '2026-03-30T09:00:00.000Z'],
      ['daily-status', 'platform', 'C0PLATFORM1', '2026-03-31T07:00:00.000Z'],
      ['daily-status', 'platform', 'C0PLATFORM1', '2026-04-01T07:00:00.000Z'],
    ],
  },
  {
    name: 'Los Angeles, Thu 5 – Wed 11 Mar 2026 (PST → PDT on Sunday), daily 02:30 handoffs',
    from: '2026-03-05T00:00:00Z',
    to: '2026-03-12T00:00:00Z',
    teams: ['sre'],
    rows: [
      [
        'handoff-note-request',
        'la',
        'U0DAVE001',
        '2026-03-05T09:30:00.000Z',
        '2026-03-05T10:30:00.000Z',
      ],
      ['handoff', 'la', 'C0LAONCALL', '2026-03-05T10:30:00.000Z'],
      ['daily-status', 'sre', 'C0SRETEAM1', '2026-03-05T17:00:00.000Z'],
      [
        'handoff-reminder',
        'la',
        'U0DAVE001',
        '2026-03-05T22:30:00.000Z',
        '2026-03-06T10:30:00.000Z',
      ],
      [
        'handoff-note-request',
        'la',
        'U0ERIN001',
        '2026-03-06T09:30:00.000Z',
        '2026-03-06T10:30:00.000Z',
      ],
      ['handoff', 'la', 'C0LAONCALL', '2026-03-06T10:30:00.000Z'],
      ['daily-status', 'sre', 'C0SRETEAM1', '2026-03-06T17:00:00.000Z'],
      [
        'handoff-reminder',
        'la',
        'U0ERIN001',
        '2026-03-06T22:30:00.000Z',
        '2026-03-07T10:30:00.000Z',
      ],
      [
        'handoff-note-request',
        'la',
        'U0DAVE001',
        '2026-03-07T09:30:00.000Z',
        '2026-03-07T10:30:00.000Z',
      ],
      ['handoff', 'la', 'C0LAONCALL', '2026-03-07T10:30:00.000Z'],
      // Sunday's 02:30 falls in the gap: the handoff is at 03:00 PDT, 10:00Z.
      [
        'handoff-reminder',
        'la',
        'U0DAVE001',
        '2026-03-07T22:00:00.000Z',
        '2026-03-08T10:00:00.000Z',
      ],
      [
        'handoff-note-request',
        'la',
        'U0ERIN001',
        '2026-03-08T09:00:00.000Z',
        '2026-03-08T10:00:00.000Z',
      ],
      ['handoff', 'la', 'C0LAONCALL', '2026-03-08T10:00:00.000Z'],
      [
        'handoff-reminder',
        'la',
        'U0ERIN001',
        '2026-03-08T21:30:00.000Z',
        '2026-03-09T09:30:00.000Z',
      ],
      [
        'handoff-note-request',
        'la',
        'U0DAVE001',
        '2026-03-09T08:30:00.000Z',
        '2026-03-09T09:30:00.000Z',
      ],
      ['handoff', 'la', 'C0LAONCALL', '2026-03-09T09:30:00.000Z'],
      ['daily-status', 'sre', 'C0SRETEAM1', '2026-03-09T16:00:00.000Z'],
      [
        'handoff-reminder',
        'la',
        'U0DAVE001',
        '2026-03-09T21:30:00.000Z',
        '2026-03-10T09:30:00.000Z',
      ],
      [
        'handoff-note-request',
        'la',
        'U0ERIN001',
        '2026-03-10T08:30:00.000Z',
        '2026-03-10T09:30:00.000Z',
      ],
      ['handoff', 'la', 'C0LAONCALL', '2026-03-10T09:30:00.000Z'],
      ['daily-status', 'sre', 'C0SRETEAM1', '2026-03-10T16:00:00.000Z'],
      [
        'handoff-reminder',
        'la',
        'U0ERIN001',
        '2026-03-10T21:30:00.000Z',
        '2026-03-11T09:30:00.000Z',
      ],
      [
        'handoff-note-request',
        'la',
        'U0DAVE001',
        '2026-03-11T08:30:00.000Z',
        '2026-03-11T09:30:00.000Z',
      ],
      ['handoff', 'la', 'C0LAONCALL', '2026-03-11T09:30:00.000Z'],
      ['daily-status', 'sre', 'C0SRETEAM1', '2026-03-11T16:00:00.000Z'],
      [
        'handoff-reminder',
        'la',
        'U0DAVE001',
        '2026-03-11T21:30:00.000Z',
        '2026-03-12T09:30:00.000Z',
      ],
    ],
  },
];

function teamsOnly(names: string[]): AppConfig {
  return { ...config, teams: config.teams.filter((team) => names.includes(team.name)) };
}

describe('dueEvents over a week across a DST change', () => {
  it.each(weekCases)('$name', ({ from, to, teams, rows: expected }) => {
    const app = teamsOnly(teams);
    const events = dueEvents(app, contextsOf(app, zurichOverrides), new Date(from), new Date(to));
    expect(rows(events)).toEqual(expected);
  });

  it('describes the Zurich handoff: shifts, and who is on duty with the override applied', () => {
    const app = teamsOnly(['platform']);
    const events = dueEvents(
      app,
      contextsOf(app, zurichOverrides),
      new Date('2026-03-30T07:00:00Z'),
      new Date('2026-03-30T07:00:00.001Z'),
    );
    const handoff = events.find((event) => event.kind === 'handoff');
    expect(handoff?.details).toEqual({
      handoffAt: new Date('2026-03-30T07:00:00Z'),
      outgoing: 'U0CAROL01',
      incoming: 'U0ALICE01',
      onDutyBefore: 'U0CAROL01',
      onDutyAfter: 'U0BOB0001',
      outgoingShift: {
        start: new Date('2026-03-23T08:00:00Z'),
        end: new Date('2026-03-30T07:00:00Z'),
      },
      incomingShift: {
        start: new Date('2026-03-30T07:00:00Z'),
        end: new Date('2026-04-06T07:00:00Z'),
      },
    });
  });

  it('says which overrides changed and who was on duty before and after', () => {
    const app = teamsOnly(['platform']);
    const [start, end] = dueEvents(
      app,
      contextsOf(app, zurichOverrides),
      new Date('2026-03-27T00:00:00Z'),
      new Date('2026-03-28T00:00:00Z'),
    ).filter((event) => event.kind === 'override-note');
    expect(start?.details).toEqual({
      at: new Date('2026-03-27T10:00:00Z'),
      from: 'U0CAROL01',
      to: 'U0BOB0001',
      changes: ['override-start'],
    });
    expect(end?.details).toEqual({
      at: new Date('2026-03-27T14:00:00Z'),
      from: 'U0BOB0001',
      to: 'U0CAROL01',
      changes: ['override-end'],
    });
  });

  it('posts a status log time that happens twice (fall back) at its first occurrence', () => {
    const app = teamsOnly(['nightowls']);
    const events = dueEvents(
      app,
      [],
      new Date('2026-10-24T12:00:00Z'),
      new Date('2026-10-26T12:00:00Z'),
    );
    expect(rows(events)).toEqual([
      ['daily-status', 'nightowls', 'C0NIGHTOWL', '2026-10-25T00:30:00.000Z'],
      ['daily-status', 'nightowls', 'C0NIGHTOWL', '2026-10-26T01:30:00.000Z'],
    ]);
    expect(events[0]?.details).toEqual({ date: '2026-10-25', timezone: 'Europe/Zurich' });
  });

  it('sends no reminder or note request when the same member keeps the next shift', () => {
    const solo = parseConfig(`
teams:
  - name: solo
    channel: C0SOLO0001
    rotations:
      - name: alone
        timezone: UTC
        shiftLength: 1d
        handoff: { time: "12:00" }
        start: 2026-03-02
        members: [U0ALICE01]
`);
    const events = dueEvents(
      solo,
      contextsOf(solo),
      new Date('2026-03-10T00:00:00Z'),
      new Date('2026-03-12T00:00:00Z'),
    );
    expect(rows(events)).toEqual([
      ['handoff', 'alone', 'C0SOLO0001', '2026-03-10T12:00:00.000Z'],
      ['handoff', 'alone', 'C0SOLO0001', '2026-03-11T12:00:00.000Z'],
    ]);
  });

  it('gives the same events whichever way a month is cut into ticking windows', () => {
    const contexts = contextsOf(config, zurichOverrides);
    const from = Date.parse('2026-03-01T00:00:00Z');
    const to = Date.parse('2026-04-05T00:00:00Z');
    const whole = dueEvents(config, contexts, new Date(from), new Date(to)).map((e) => e.key);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pieces: string[] = [];
    for (let start = from; start < to;) {
      const end = Math.min(to, start + 1 + Math.floor(random() * 9 * 3_600_000));
      pieces.push(...dueEvents(config, contexts, new Date(start), new Date(end)).map((e) => e.key));
      start = end;
    }
    expect(pieces).toEqual(whole);
    expect(new Set(whole).size).toBe(whole.length);
  });

  it('reports a rotation the engine refuses and still plans the others', () => {
    const [zurich, la] = contextsOf(config);
    if (!zurich || !la) throw new Error('fixture has two rotations');
    const broken: RotationContext = { ...la, spec: { ...la.spec, timezone: 'Mars/Olympus' } };
    const plan = planDueEvents(
      config,
      [zurich, broken],
      new Date('2026-03-30T00:00:00Z'),
      new Date('2026-03-31T00:00:00Z'),
    );
    expect(plan.failures.map((failure) => failure.rotation)).toEqual(['la']);
    expect(plan.events.some((event) => event.kind === 'handoff')).toBe(true);
    expect(() =>
      dueEvents(
        config,
        [broken],
        new Date('2026-03-30T00:00:00Z'),
        new Date('2026-03-31T00:00:00Z'),
      ),
    ).toThrow(/Mars\/Olympus/);
  });
});
