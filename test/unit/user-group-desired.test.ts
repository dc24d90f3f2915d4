// Who each Slack user group should hold: rotation groups follow handoffs and overrides, groups are
// left alone when nobody is on duty, and a team's group is everyone on duty in its rotations now.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { dutyAt, type Duty, type Override } from '../../src/oncall/engine/index.js';
import { rotationSpec } from '../../src/oncall/rotation-spec.js';
import {
  NOBODY_ON_DUTY,
  desiredUserGroups,
  userGroupChannel,
  type DutyFor,
} from '../../src/oncall/user-groups/desired.js';

// Zurich: weekly, Monday 09:00 local (08:00Z in winter), office hours 08:00–18:00 (07:00Z–17:00Z).
// Shifts: alice from Mon 5 Jan, bob from the 12th, carol from the 19th.
// Palo Alto: weekly, Monday 09:00 Pacific (17:00Z), office hours 08:00–18:00 (16:00Z–02:00Z).
// Shifts: dave from Mon 5 Jan 17:00Z, erin from the 12th 17:00Z.
// Daily: a new person every day at 09:00 Zurich, no coverage mask.
const config = parseConfig(`
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    userGroup: S0PLATONCL
    rotations:
      - name: zurich
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
        coverage: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00" }
        userGroup: S0ONCALLZH
      - name: palo-alto
        timezone: America/Los_Angeles
        channel: C0PALOALTO
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0DAVE001, U0ERIN001]
        coverage: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00" }
        userGroup: S0ONCALLPA
  - name: payments
    channel: C0PAYMENTS1
    rotations:
      - name: daily
        shiftLength: 1d
        handoff: { time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
        userGroup: S0DAILY001
`);

const override = (member: string, start: string, end: string): Override => ({
  id: `o-${member}`,
  member,
  start: new Date(start),
  end: new Date(end),
  createdAt: new Date('2026-01-01T00:00:00Z'),
});

const overrides: Record<string, Override[]> = {
  zurich: [override('U0CAROL01', '2026-01-13T10:00:00Z', '2026-01-13T14:00:00Z')],
};

const specs = new Map(
  config.teams.flatMap((team) => team.rotations.map((r) => [r.name, rotationSpec(r)] as const)),
);

const engineDuty: DutyFor = (name, at) => {
  const spec = specs.get(name);
  if (!spec) throw new Error(`no rotation ${name}`);
  return dutyAt(spec, { overrides: overrides[name] ?? [], swaps: [] }, at);
};

const groupAt = (groupId: string, at: string, dutyFor: DutyFor = engineDuty) =>
  desiredUserGroups(config, dutyFor, new Date(at)).find((group) => group.groupId === groupId);

describe('a rotation group follows the person on duty', () => {
  it.each([
    ['Mon 5 Jan 09:30 Zurich, first shift', 'S0ONCALLZH', '2026-01-05T08:30:00Z', ['U0ALICE01']],
    [
      'Mon 12 Jan 08:30 Zurich, before the handoff',
      'S0ONCALLZH',
      '2026-01-12T07:30:00Z',
      ['U0ALICE01'],
    ],
    [
      'Mon 12 Jan 09:00 Zurich, at the handoff',
      'S0ONCALLZH',
      '2026-01-12T08:00:00Z',
      ['U0BOB0001'],
    ],
    ['Tue 13 Jan 10:00 Zurich, bob', 'S0ONCALLZH', '2026-01-13T09:00:00Z', ['U0BOB0001']],
    ['Mon 19 Jan 09:00 Zurich, carol', 'S0ONCALLZH', '2026-01-19T08:00:00Z', ['U0CAROL01']],
    ['Mon 26 Jan 09:00 Zurich, alice again', 'S0ONCALLZH', '2026-01-26T08:00:00Z', ['U0ALICE01']],
    ['Mon 12 Jan 09:00 Pacific, erin', 'S0ONCALLPA', '2026-01-12T17:00:00Z', ['U0ERIN001']],
    ['Mon 12 Jan 08:30 Pacific, still dave', 'S0ONCALLPA', '2026-01-12T16:30:00Z', ['U0DAVE001']],
    ['daily, Mon 5 Jan 10:00', 'S0DAILY001', '2026-01-05T09:00:00Z', ['U0ALICE01']],
    ['daily, Tue 6 Jan 08:59', 'S0DAILY001', '2026-01-06T07:59:00Z', ['U0ALICE01']],
    ['daily, Tue 6 Jan 09:00', 'S0DAILY001', '2026-01-06T08:00:00Z', ['U0BOB0001']],
    ['daily, Wed 7 Jan 09:00', 'S0DAILY001', '2026-01-07T08:00:00Z', ['U0CAROL01']],
    [
      'daily, Sat 10 Jan 03:00 (no coverage mask)',
      'S0DAILY001',
      '2026-01-10T02:00:00Z',
      ['U0BOB0001'],
    ],
    ['daily, Sun 11 Jan 09:00', 'S0DAILY001', '2026-01-11T08:00:00Z', ['U0ALICE01']],
  ])('%s', (_when, groupId, at, members) => {
    expect(groupAt(groupId, at)).toMatchObject({ members, owner: { kind: 'rotation' } });
  });

  it('puts the overrider in the group while the override lasts, then the rotation again', () => {
    expect(groupAt('S0ONCALLZH', '2026-01-13T09:59:00Z')?.members).toEqual(['U0BOB0001']);
    expect(groupAt('S0ONCALLZH', '2026-01-13T10:00:00Z')).toEqual({
      groupId: 'S0ONCALLZH',
      members: ['U0CAROL01'],
      reason: 'covering (override) in rotation "zurich"',
      owner: { kind: 'rotation', name: 'zurich' },
    });
    expect(groupAt('S0ONCALLZH', '2026-01-13T14:00:00Z')?.members).toEqual(['U0BOB0001']);
  });
});

describe('nobody on duty: the group is left as it is (Slack forbids empty groups)', () => {
  it.each([
    ['Fri 16 Jan 18:00 Zurich, after office hours', 'S0ONCALLZH', '2026-01-16T17:00:00Z'],
    ['Sat 17 Jan noon Zurich', 'S0ONCALLZH', '2026-01-17T11:00:00Z'],
    ['Mon 12 Jan 07:59 Zurich, before office hours', 'S0ONCALLZH', '2026-01-12T06:59:00Z'],
    ['before the first handoff', 'S0ONCALLZH', '2026-01-02T10:00:00Z'],
    ['Palo Alto at night', 'S0ONCALLPA', '2026-01-13T12:00:00Z'],
    ['the team group on a Saturday', 'S0PLATONCL', '2026-01-17T11:00:00Z'],
  ])('%s', (_when, groupId, at) => {
    expect(groupAt(groupId, at)).toMatchObject({ members: [], reason: NOBODY_ON_DUTY });
  });
});

describe('a team group holds everyone on duty in any of its rotations now', () => {
  it.each([
    ['Zurich only, morning in Zurich', '2026-01-12T09:00:00Z', ['U0BOB0001']],
    [
      'both sites overlap, before the Pacific handoff',
      '2026-01-12T16:30:00Z',
      ['U0BOB0001', 'U0DAVE001'],
    ],
    ['both sites overlap, Tuesday', '2026-01-13T16:30:00Z', ['U0BOB0001', 'U0ERIN001']],
    ['Palo Alto only, evening in Zurich', '2026-01-12T20:00:00Z', ['U0ERIN001']],
    ['an override counts too', '2026-01-13T11:00:00Z', ['U0CAROL01']],
  ])('%s', (_when, at, members) => {
    expect(groupAt('S0PLATONCL', at)).toMatchObject({
      members,
      owner: { kind: 'team', name: 'platform' },
    });
  });

  const stub =
    (onDuty: Record<string, string | null>): DutyFor =>
    (name) =>
      ({ member: onDuty[name] ?? null, source: 'rotation' }) satisfies Partial<Duty>;

  it.each([
    ['de-duplicated', { zurich: 'U0ALICE01', 'palo-alto': 'U0ALICE01' }, ['U0ALICE01']],
    ['sorted', { zurich: 'U0ZED0001', 'palo-alto': 'U0ALICE01' }, ['U0ALICE01', 'U0ZED0001']],
    ['one site', { zurich: null, 'palo-alto': 'U0ERIN001' }, ['U0ERIN001']],
    ['nobody', { zurich: null, 'palo-alto': null }, []],
  ])('%s', (_case, onDuty, members) => {
    expect(groupAt('S0PLATONCL', '2026-01-12T16:30:00Z', stub(onDuty))?.members).toEqual(members);
  });

  it('names the rotations on duty in its reason', () => {
    expect(groupAt('S0PLATONCL', '2026-01-12T16:30:00Z')?.reason).toBe(
      'on duty in team "platform": zurich, palo-alto',
    );
  });
});

describe('a rotation with no resolvable members', () => {
  const emptied = {
    ...config,
    teams: config.teams.map((team) => ({
      ...team,
      rotations: team.rotations.map((r) => (r.name === 'zurich' ? { ...r, members: [] } : r)),
    })),
  };
  const at = new Date('2026-01-12T16:30:00Z');

  it('follows the engine when it still knows the roster (recorded history)', () => {
    const groups = desiredUserGroups(emptied, engineDuty, at);
    expect(groups.find((g) => g.groupId === 'S0ONCALLZH')?.members).toEqual(['U0BOB0001']);
  });

  describe('when the engine cannot answer for it', () => {
    const dutyFor: DutyFor = (name, when) => {
      if (name === 'zurich') throw new RangeError('rotation "zurich": rosters[0] has no members');
      return engineDuty(name, when);
    };
    const groups = desiredUserGroups(emptied, dutyFor, at);

    it('leaves its group as it is', () => {
      expect(groups.find((g) => g.groupId === 'S0ONCALLZH')).toMatchObject({
        members: [],
        reason: 'rotation "zurich" has no resolvable members, group left as it is',
      });
    });

    it('still lets the team group follow the other rotations', () => {
      expect(groups.find((g) => g.groupId === 'S0PLATONCL')?.members).toEqual(['U0DAVE001']);
    });
  });

  it('says why when the engine fails for a rotation that has members', () => {
    const broken: DutyFor = () => {
      throw new RangeError('rotation "zurich": handoff.time "9" is not HH:MM');
    };
    expect(groupAt('S0ONCALLZH', '2026-01-12T16:30:00Z', broken)?.reason).toBe(
      'could not tell who is on duty in rotation "zurich" (RangeError: rotation "zurich": ' +
        'handoff.time "9" is not HH:MM), group left as it is',
    );
  });
});

describe('lists every configured group once, and where to tell about it', () => {
  const groups = desiredUserGroups(config, engineDuty, new Date('2026-01-12T16:30:00Z'));

  it('rotation groups then the team group, per team', () => {
    expect(groups.map((g) => g.groupId)).toEqual([
      'S0ONCALLZH',
      'S0ONCALLPA',
      'S0PLATONCL',
      'S0DAILY001',
    ]);
  });

  it.each([
    ['S0ONCALLZH', 'C0PLATFORM1'],
    ['S0ONCALLPA', 'C0PALOALTO'],
    ['S0PLATONCL', 'C0PLATFORM1'],
    ['S0DAILY001', 'C0PAYMENTS1'],
  ])('%s → %s', (groupId, channel) => {
    expect(userGroupChannel(config)(groupId)).toBe(channel);
  });

  it('refuses a group app.yaml does not name', () => {
    expect(() => userGroupChannel(config)('S0UNKNOWN1')).toThrow(/not named in app.yaml/);
  });
});
