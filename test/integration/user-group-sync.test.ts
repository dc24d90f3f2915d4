// User groups that follow the rotation, driven through the real Web API client against the fake
// Slack: exactly the changes are pushed, never an empty group, and each refusal is told once.
import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { dutyAt } from '../../src/oncall/engine/index.js';
import { rotationSpec } from '../../src/oncall/rotation-spec.js';
import {
  desiredUserGroups,
  userGroupChannel,
  type DutyFor,
} from '../../src/oncall/user-groups/desired.js';
import {
  sameMembers,
  type UserGroupRecord,
  type UserGroupSyncState,
} from '../../src/oncall/user-groups/state.js';
import { userGroupSyncJob } from '../../src/oncall/user-groups/sync-job.js';
import { UserGroupSync, type SyncResult } from '../../src/oncall/user-groups/sync.js';
import type { RotationChangeSource } from '../../src/oncall/rotation-context.js';
import { slackUserGroups } from '../../src/slack/people/slack-user-groups.js';
import { fakeWebClient, useFakeSlack } from '../support/fake-slack.js';

// Zurich: Monday 09:00 local (08:00Z), office hours 07:00Z–17:00Z; alice, then bob from 12 Jan.
// Palo Alto: Monday 09:00 Pacific (17:00Z), office hours 16:00Z–02:00Z; dave, then erin from 12 Jan.
const config = parseConfig(`
teams:
  - name: platform
    channel: C0PLATFORM1
    userGroup: S0PLATONCL
    rotations:
      - name: zurich
        timezone: Europe/Zurich
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
`);

const initialGroups = [
  { id: 'S0ONCALLZH', handle: 'oncall-zurich', users: ['U0OLDHAND1'] },
  { id: 'S0ONCALLPA', handle: 'oncall-paloalto', users: ['U0OLDHAND1'] },
  { id: 'S0PLATONCL', handle: 'platform-oncall', users: ['U0OLDHAND1'] },
];

const fakeSlack = useFakeSlack({
  users: [
    { id: 'U0ALICE01', name: 'alice' },
    { id: 'U0BOB0001', name: 'bob' },
    { id: 'U0CAROL01', name: 'carol' },
    { id: 'U0DAVE001', name: 'dave' },
    { id: 'U0ERIN001', name: 'erin' },
  ],
});

beforeEach(() => {
  for (const group of initialGroups) fakeSlack().addUserGroup(group);
});

/** The state the oncall store keeps in Postgres, in memory. */
class MemoryUserGroupSyncState implements UserGroupSyncState {
  readonly records = new Map<string, UserGroupRecord>();

  async get(groupId: string) {
    const record = this.records.get(groupId);
    return record ? structuredClone(record) : null;
  }

  async record(groupId: string, members: string[]) {
    this.records.set(groupId, { members: [...members], refusal: null });
  }

  async recordRefusal(groupId: string, refusal: { error: string; members: string[] }, now: Date) {
    const current = this.records.get(groupId) ?? { members: [] };
    const known =
      current.refusal?.error === refusal.error &&
      sameMembers(current.refusal.members, refusal.members);
    this.records.set(groupId, { ...current, refusal: { ...refusal, at: now } });
    return !known;
  }
}

const specs = new Map(config.teams[0]!.rotations.map((r) => [r.name, rotationSpec(r)] as const));
const dutyFor: DutyFor = (name, at) => dutyAt(specs.get(name)!, { overrides: [], swaps: [] }, at);

function setUp(options: { retryRefusedAfterMs?: number; state?: MemoryUserGroupSyncState } = {}) {
  const client = fakeWebClient(fakeSlack());
  const state = options.state ?? new MemoryUserGroupSyncState();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const sync = new UserGroupSync({
    slack: slackUserGroups(client),
    state,
    notify: async (channel, text) => {
      await client.chat.postMessage({ channel, text });
    },
    logger: createLogger('debug', sink),
    ...options,
  });
  const job = (changes: RotationChangeSource) => userGroupSyncJob({ config, changes, sync });
  const syncAt = (iso: string, cfg = config) => {
    const at = new Date(iso);
    return sync.syncAt(desiredUserGroups(cfg, dutyFor, at), at, userGroupChannel(cfg));
  };
  return { state, logs, syncAt, job };
}

/** The usergroups.users.update calls since the last look, as `group: users`. */
function pushedSinceLastLook(): string[] {
  const fake = fakeSlack();
  const pushed = fake
    .callsTo('usergroups.users.update')
    .map((call) => `${String(call.args.usergroup)}: ${String(call.args.users)}`);
  fake.clearCalls();
  return pushed;
}

const membersOf = (groupId: string) => fakeSlack().workspace.userGroups.get(groupId)?.users;
const outcomes = (results: SyncResult[]) =>
  Object.fromEntries(results.map((r) => [r.groupId, r.outcome]));

describe('user groups follow the rotations through a day', () => {
  it('pushes exactly the changes at successive instants, and never empties a group', async () => {
    const { syncAt } = setUp();
    const steps: Array<[string, string, string[]]> = [
      [
        'Mon 08:30 Zurich: alice; Palo Alto asleep',
        '2026-01-12T07:30:00Z',
        ['S0ONCALLZH: U0ALICE01', 'S0PLATONCL: U0ALICE01'],
      ],
      [
        'Mon 09:00 Zurich: handoff to bob',
        '2026-01-12T08:00:00Z',
        ['S0ONCALLZH: U0BOB0001', 'S0PLATONCL: U0BOB0001'],
      ],
      ['an hour later: nothing changed', '2026-01-12T09:00:00Z', []],
      [
        'Palo Alto opens: dave joins the team group',
        '2026-01-12T16:00:00Z',
        ['S0ONCALLPA: U0DAVE001', 'S0PLATONCL: U0BOB0001,U0DAVE001'],
      ],
      ['a minute before the handoffs: nothing changed', '2026-01-12T16:59:00Z', []],
      [
        'Zurich closes at 18:00 and Palo Alto hands off to erin: the Zurich group keeps bob',
        '2026-01-12T17:00:00Z',
        ['S0ONCALLPA: U0ERIN001', 'S0PLATONCL: U0ERIN001'],
      ],
      ['both closed: every group keeps its members', '2026-01-13T03:00:00Z', []],
      ['Tue 08:00 Zurich: bob is back', '2026-01-13T07:00:00Z', ['S0PLATONCL: U0BOB0001']],
    ];
    fakeSlack().clearCalls();
    for (const [step, at, pushed] of steps) {
      await syncAt(at);
      expect(pushedSinceLastLook(), step).toEqual(pushed);
    }
    expect(membersOf('S0ONCALLZH')).toEqual(['U0BOB0001']);
    expect(membersOf('S0ONCALLPA')).toEqual(['U0ERIN001']);
    expect(membersOf('S0PLATONCL')).toEqual(['U0BOB0001']);
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toEqual([]);
  });

  it('leaves groups as they are on a weekend, without calling Slack', async () => {
    const { syncAt } = setUp();
    const results = await syncAt('2026-01-17T12:00:00Z');
    expect(outcomes(results)).toEqual({
      S0ONCALLZH: 'left-as-is',
      S0ONCALLPA: 'left-as-is',
      S0PLATONCL: 'left-as-is',
    });
    expect(fakeSlack().callsTo('usergroups.users.update')).toEqual([]);
  });
});

describe('when Slack refuses', () => {
  it('tells the channel once about invalid_users, not at every sync', async () => {
    const { syncAt } = setUp();
    fakeSlack().failNext('usergroups.users.update', { error: 'invalid_users' });
    const first = await syncAt('2026-01-12T08:00:00Z');
    expect(first.find((r) => r.groupId === 'S0ONCALLZH')).toEqual({
      groupId: 'S0ONCALLZH',
      outcome: 'refused',
      error: 'invalid_users',
    });
    const told = fakeSlack().messagesIn('C0PLATFORM1');
    expect(told.map((message) => message.text)).toEqual([
      'The user group S0ONCALLZH (rotation "zurich") could not be set to <@U0BOB0001>: Slack says ' +
        'invalid_users — check that the member id U0BOB0001 in app.yaml is right (Profile → ⋯ → ' +
        'Copy member ID). It keeps its current members until then; I try again every 10 minutes ' +
        'and at the next on-call change.',
    ]);
    expect(membersOf('S0ONCALLZH')).toEqual(['U0OLDHAND1']);
    expect(membersOf('S0PLATONCL')).toEqual(['U0BOB0001']);
    pushedSinceLastLook();

    const minuteLater = await syncAt('2026-01-12T08:01:00Z');
    expect(outcomes(minuteLater).S0ONCALLZH).toBe('waiting');
    expect(pushedSinceLastLook()).toEqual([]);
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toHaveLength(1);
  });

  it('retries a refused group after the wait, and still tells only once', async () => {
    const { syncAt, state } = setUp();
    fakeSlack().failNext('usergroups.users.update', { error: 'invalid_users' });
    await syncAt('2026-01-12T08:00:00Z');
    pushedSinceLastLook();
    fakeSlack().failNext('usergroups.users.update', { error: 'invalid_users' });
    const retried = await syncAt('2026-01-12T08:11:00Z');
    expect(pushedSinceLastLook()).toEqual(['S0ONCALLZH: U0BOB0001']);
    expect(outcomes(retried).S0ONCALLZH).toBe('refused');
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toHaveLength(1);

    const fixed = await syncAt('2026-01-12T08:22:00Z');
    expect(outcomes(fixed).S0ONCALLZH).toBe('updated');
    expect(membersOf('S0ONCALLZH')).toEqual(['U0BOB0001']);
    expect(await state.get('S0ONCALLZH')).toEqual({ members: ['U0BOB0001'], refusal: null });
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toHaveLength(1);
  });

  it('tells once even when two replicas sync at the same moment (the state decides)', async () => {
    const state = new MemoryUserGroupSyncState();
    const replicas = [setUp({ state }), setUp({ state })];
    fakeSlack().failNext('usergroups.users.update', { error: 'permission_denied' }, 6);
    await Promise.all(replicas.map((replica) => replica.syncAt('2026-01-12T08:00:00Z')));
    const told = fakeSlack()
      .messagesIn('C0PLATFORM1')
      .map((message) => message.text);
    expect(told).toHaveLength(2);
    expect(told).toEqual(
      expect.arrayContaining([
        expect.stringContaining('The user group S0ONCALLZH (rotation "zurich") could not be set'),
        expect.stringContaining('The user group S0PLATONCL (team "platform") could not be set'),
      ]),
    );
    expect(told[0]).toContain('Slack says permission_denied — the workspace does not let the bot');
  });

  it('posts in the rotation’s own channel, with the hint for a group that does not exist', async () => {
    const { syncAt } = setUp();
    const wrongGroup = parseConfig(
      `teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:
      - name: palo-alto
        timezone: America/Los_Angeles
        channel: C0PALOALTO
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0DAVE001, U0ERIN001]
        userGroup: S0TYPO0001
`,
    );
    await syncAt('2026-01-12T17:00:00Z', wrongGroup);
    expect(fakeSlack().callsTo('usergroups.users.update')[0]?.error).toBe('no_such_subteam');
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toEqual([]);
    expect(
      fakeSlack()
        .messagesIn('C0PALOALTO')
        .map((m) => m.text),
    ).toEqual([
      expect.stringContaining(
        'The user group S0TYPO0001 (rotation "palo-alto") could not be set to <@U0ERIN001>: Slack ' +
          'says no_such_subteam — there is no user group with this id',
      ),
    ]);
  });

  it('does not tell the channel about an outage; it pushes again at the next sync', async () => {
    const { syncAt, logs } = setUp();
    fakeSlack().failNext('usergroups.users.update', { status: 500 });
    const first = await syncAt('2026-01-12T08:00:00Z');
    expect(first.find((r) => r.groupId === 'S0ONCALLZH')).toMatchObject({
      outcome: 'failed',
      error: 'http_500',
    });
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toEqual([]);
    expect(logs.join('')).toContain('user group not updated; retrying at the next sync');
    pushedSinceLastLook();
    await syncAt('2026-01-12T08:01:00Z');
    expect(pushedSinceLastLook()).toEqual(['S0ONCALLZH: U0BOB0001']);
  });
});

describe('the ticker job', () => {
  it('follows overrides kept in the store', async () => {
    const { job } = setUp();
    const changes: RotationChangeSource = {
      overridesFor: async (rotations, from, to) =>
        [
          {
            rotation: 'zurich',
            id: 'o1',
            member: 'U0CAROL01',
            start: new Date('2026-01-13T10:00:00Z'),
            end: new Date('2026-01-13T14:00:00Z'),
            createdAt: new Date('2026-01-12T00:00:00Z'),
          },
        ].filter((o) => rotations.includes(o.rotation) && o.start < to && o.end > from),
      confirmedSwaps: async () => [],
      rosterVersions: async () => [],
    };
    const run = job(changes);
    fakeSlack().clearCalls();
    for (const [at, pushed] of [
      ['2026-01-13T09:59:00Z', ['S0ONCALLZH: U0BOB0001', 'S0PLATONCL: U0BOB0001']],
      ['2026-01-13T10:00:00Z', ['S0ONCALLZH: U0CAROL01', 'S0PLATONCL: U0CAROL01']],
      ['2026-01-13T13:59:00Z', []],
      ['2026-01-13T14:00:00Z', ['S0ONCALLZH: U0BOB0001', 'S0PLATONCL: U0BOB0001']],
    ] as const) {
      await run.run(new Date(at));
      expect(pushedSinceLastLook(), at).toEqual(pushed);
    }
  });
});
