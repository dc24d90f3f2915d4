// The rollback policy: who may request, approve or roll back alone, and the sentence each refusal says.
import { describe, expect, it } from 'vitest';
import { appConfigSchema, type RollbackPolicy } from '../../src/config/schema.js';
import {
  checkBreakGlassReason,
  mayApprove,
  mayBreakGlass,
  mayRequest,
  whoMayApprove,
  type PolicyContext,
  type PolicyDecision,
} from '../../src/rollback/policy.js';

/** The policy as app.yaml would give it, defaults applied by the real schema. */
function policy(rollback: Record<string, unknown> = {}): RollbackPolicy {
  return appConfigSchema.parse({
    teams: [{ name: 'platform', channel: 'C0PLATFORM1' }],
    rollback,
  }).rollback;
}

const GROUPS: Record<string, string[]> = {
  U0ENGINEER: ['S0ENGINEER'],
  U0PLATFORM: ['S0PLATFORM', 'S0ENGINEER'],
};

function ctx(overrides: Partial<PolicyContext> = {}): PolicyContext {
  return {
    teamChannelsMember: true,
    userGroupsOf: (userId) => GROUPS[userId] ?? [],
    onCallNow: ['U0ALICE01'],
    onCallOutsideCoverage: [],
    namespace: 'shop',
    teamChannels: ['C0PLATFORM1', 'C0SHOPDEV1'],
    ...overrides,
  };
}

const allowed: PolicyDecision = { allowed: true };
const refusal = (reason: string): PolicyDecision => ({ allowed: false, reason });

const defaults = policy();
const engineers = policy({ requesters: { userGroups: ['S0ENGINEER'], users: ['U0MANAGER1'] } });
const platform = policy({
  approvers: { userGroups: ['S0PLATFORM'], users: ['U0MANAGER1'], onCall: true },
});
const listedOnly = policy({ approvers: { userGroups: ['S0PLATFORM'], users: ['U0MANAGER1'] } });
const selfApproving = policy({ selfApproval: true });
const breakGlass = policy({ breakGlass: { onCallOutsideCoverage: true } });

describe('mayRequest', () => {
  it.each<[string, RollbackPolicy, PolicyContext, string, PolicyDecision]>([
    ['default: anyone in the team channels', defaults, ctx(), 'U0STRANGER', allowed],
    [
      'default: a click from another channel',
      defaults,
      ctx({ teamChannelsMember: false }),
      'U0ALICE01',
      refusal(
        "Rollbacks in shop can only be requested from the owning team's channels (<#C0PLATFORM1> or <#C0SHOPDEV1>).",
      ),
    ],
    [
      'default: another channel, channels unknown to the caller',
      defaults,
      ctx({ teamChannelsMember: false, teamChannels: undefined, namespace: undefined }),
      'U0ALICE01',
      refusal("Rollbacks can only be requested from the owning team's channels."),
    ],
    ['listed group member', engineers, ctx(), 'U0ENGINEER', allowed],
    ['listed user', engineers, ctx(), 'U0MANAGER1', allowed],
    [
      'listed group member, from any channel',
      engineers,
      ctx({ teamChannelsMember: false }),
      'U0PLATFORM',
      allowed,
    ],
    [
      'not listed, though on call and in the channel',
      engineers,
      ctx(),
      'U0ALICE01',
      refusal('Only <!subteam^S0ENGINEER> or <@U0MANAGER1> may request rollbacks in shop.'),
    ],
    [
      'one listed user, someone else asks',
      policy({ requesters: { users: ['U0GONE0001'] } }),
      ctx(),
      'U0ALICE01',
      refusal('Only <@U0GONE0001> may request rollbacks in shop.'),
    ],
  ])('%s', (_name, rules, context, actor, expected) => {
    expect(mayRequest(rules, context, actor)).toEqual(expected);
  });

  it('says so when every listed requester was left out at start', () => {
    const emptied: RollbackPolicy = { ...engineers, requesters: { userGroups: [], users: [] } };
    expect(mayRequest(emptied, ctx(), 'U0ALICE01')).toEqual(
      refusal(
        'Nobody may request rollbacks in shop: rollback.requesters in app.yaml names nobody who can be found in Slack.',
      ),
    );
  });
});

describe('mayApprove', () => {
  const byBob = { requestedBy: 'U0BOB0001' };
  const byAlice = { requestedBy: 'U0ALICE01' };
  it.each<[string, RollbackPolicy, PolicyContext, { requestedBy: string }, string, PolicyDecision]>(
    [
      ['default: the on-call', defaults, ctx(), byBob, 'U0ALICE01', allowed],
      [
        'default: someone not on call',
        defaults,
        ctx(),
        byBob,
        'U0CAROL01',
        refusal('Only the current on-call (<@U0ALICE01>) may approve rollbacks in shop.'),
      ],
      [
        'default: nobody on duty',
        defaults,
        ctx({ onCallNow: [], onCallOutsideCoverage: ['U0ALICE01'] }),
        byBob,
        'U0ALICE01',
        refusal(
          'Only the current on-call (nobody is on duty right now) may approve rollbacks in shop.',
        ),
      ],
      [
        'default: two on duty, the second approves',
        defaults,
        ctx({ onCallNow: ['U0ALICE01', 'U0DAVE001'] }),
        byBob,
        'U0DAVE001',
        allowed,
      ],
      ['group member', platform, ctx(), byBob, 'U0PLATFORM', allowed],
      ['listed user', platform, ctx(), byBob, 'U0MANAGER1', allowed],
      ['on-call with onCall: true', platform, ctx(), byBob, 'U0ALICE01', allowed],
      [
        'nobody named',
        platform,
        ctx(),
        byBob,
        'U0ENGINEER',
        refusal(
          'Only <!subteam^S0PLATFORM>, <@U0MANAGER1> or the current on-call (<@U0ALICE01>) may approve rollbacks in shop.',
        ),
      ],
      [
        'on-call when approvers leave onCall out',
        listedOnly,
        ctx(),
        byBob,
        'U0ALICE01',
        refusal('Only <!subteam^S0PLATFORM> or <@U0MANAGER1> may approve rollbacks in shop.'),
      ],
      [
        'self-approval refused, naming the others',
        platform,
        ctx(),
        byAlice,
        'U0ALICE01',
        refusal(
          'You asked for this rollback; someone else has to approve it (<!subteam^S0PLATFORM>, <@U0MANAGER1> or the current on-call (nobody else is on duty right now)).',
        ),
      ],
      [
        'self-approval refused even for a listed approver',
        listedOnly,
        ctx(),
        { requestedBy: 'U0MANAGER1' },
        'U0MANAGER1',
        refusal(
          'You asked for this rollback; someone else has to approve it (<!subteam^S0PLATFORM>).',
        ),
      ],
      ['self-approval allowed by app.yaml', selfApproving, ctx(), byAlice, 'U0ALICE01', allowed],
      [
        'self-approval allowed, still only for approvers',
        selfApproving,
        ctx(),
        { requestedBy: 'U0CAROL01' },
        'U0CAROL01',
        refusal('Only the current on-call (<@U0ALICE01>) may approve rollbacks in shop.'),
      ],
    ],
  )('%s', (_name, rules, context, request, actor, expected) => {
    expect(mayApprove(rules, context, request, actor)).toEqual(expected);
  });

  it('says so when every listed approver was left out at start', () => {
    const emptied: RollbackPolicy = {
      ...listedOnly,
      approvers: { userGroups: [], users: [], onCall: false },
    };
    expect(mayApprove(emptied, ctx(), { requestedBy: 'U0BOB0001' }, 'U0ALICE01')).toEqual(
      refusal(
        'Nobody may approve rollbacks in shop: rollback.approvers in app.yaml names nobody who can be found in Slack.',
      ),
    );
  });
});

describe('mayBreakGlass', () => {
  const night = ctx({ onCallNow: [], onCallOutsideCoverage: ['U0ALICE01'] });
  it.each<[string, RollbackPolicy, PolicyContext, string, PolicyDecision]>([
    ['the shift holder outside coverage', breakGlass, night, 'U0ALICE01', allowed],
    [
      'switched off',
      defaults,
      night,
      'U0ALICE01',
      refusal(
        'Rolling back without approval is switched off (rollback.breakGlass.onCallOutsideCoverage in app.yaml); ask the current on-call (nobody is on duty right now) to approve instead.',
      ),
    ],
    [
      'the on-call inside coverage',
      policy({ approvers: { users: ['U0MANAGER1'] }, breakGlass: { onCallOutsideCoverage: true } }),
      ctx(),
      'U0ALICE01',
      refusal(
        'You are on duty inside coverage hours, when a rollback needs a second person; ask <@U0MANAGER1> to approve instead.',
      ),
    ],
    [
      'someone else outside coverage',
      breakGlass,
      night,
      'U0BOB0001',
      refusal(
        'Only the on-call whose shift it is (<@U0ALICE01>) may roll back without approval, and only outside coverage hours; ask the current on-call (nobody is on duty right now) to approve instead.',
      ),
    ],
    [
      'someone else while another rotation is covered',
      breakGlass,
      ctx({ onCallNow: ['U0DAVE001'], onCallOutsideCoverage: [] }),
      'U0BOB0001',
      refusal(
        'Only the on-call may roll back without approval, and only outside coverage hours; ask the current on-call (<@U0DAVE001>) to approve instead.',
      ),
    ],
  ])('%s', (_name, rules, context, actor, expected) => {
    expect(mayBreakGlass(rules, context, actor)).toEqual(expected);
  });
});

describe('whoMayApprove', () => {
  it('names groups, users and the on-call, leaving out the people asked to', () => {
    expect(whoMayApprove(platform, ctx({ onCallNow: ['U0ALICE01', 'U0DAVE001'] }))).toBe(
      '<!subteam^S0PLATFORM>, <@U0MANAGER1> or the current on-call (<@U0ALICE01> or <@U0DAVE001>)',
    );
    expect(
      whoMayApprove(platform, ctx({ onCallNow: ['U0ALICE01', 'U0DAVE001'] }), ['U0MANAGER1']),
    ).toBe('<!subteam^S0PLATFORM> or the current on-call (<@U0ALICE01> or <@U0DAVE001>)');
  });
});

describe('checkBreakGlassReason', () => {
  it.each<[string, string | undefined, ReturnType<typeof checkBreakGlassReason>]>([
    [
      'a reason, trimmed',
      '  checkout 500s since 02:10 ',
      { ok: true, reason: 'checkout 500s since 02:10' },
    ],
    ['exactly 500 characters', 'x'.repeat(500), { ok: true, reason: 'x'.repeat(500) }],
    [
      'missing',
      undefined,
      {
        ok: false,
        problem:
          'Say why you are rolling back without approval; the reason is recorded and shown to the team.',
      },
    ],
    [
      'blank',
      '   ',
      {
        ok: false,
        problem:
          'Say why you are rolling back without approval; the reason is recorded and shown to the team.',
      },
    ],
    [
      'too long',
      'x'.repeat(501),
      { ok: false, problem: 'The reason is 501 characters long; keep it to 500 or fewer.' },
    ],
  ])('%s', (_name, reason, expected) => {
    expect(checkBreakGlassReason(reason)).toEqual(expected);
  });
});
