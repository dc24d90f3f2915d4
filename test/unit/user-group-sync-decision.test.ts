// The pure part of the user-group sync: when to push, wait or leave a group, and what the channel
// is told when Slack refuses.
import { describe, expect, it } from 'vitest';
import type { DesiredUserGroup } from '../../src/oncall/user-groups/desired.js';
import { refusalMessage } from '../../src/oncall/user-groups/refusal-message.js';
import type { UserGroupRecord } from '../../src/oncall/user-groups/state.js';
import { decideSync } from '../../src/oncall/user-groups/sync.js';

const TEN_MINUTES = 10 * 60_000;
const now = new Date('2026-01-12T08:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

const group = (
  members: string[],
  owner: DesiredUserGroup['owner'] = { kind: 'rotation', name: 'zurich' },
): DesiredUserGroup => ({ groupId: 'S0ONCALLZH', members, reason: 'test', owner });

describe('decideSync', () => {
  it.each<[string, string[], UserGroupRecord | null, ReturnType<typeof decideSync>]>([
    ['nobody on duty, never synced', [], null, 'leave'],
    ['nobody on duty, synced before', [], { members: ['U0ALICE01'] }, 'leave'],
    ['never synced', ['U0ALICE01'], null, 'push'],
    ['same member', ['U0ALICE01'], { members: ['U0ALICE01'] }, 'unchanged'],
    ['same members in another order', ['U0A', 'U0B'], { members: ['U0B', 'U0A'] }, 'unchanged'],
    ['handoff', ['U0BOB0001'], { members: ['U0ALICE01'] }, 'push'],
    ['one more person', ['U0A', 'U0B'], { members: ['U0A'] }, 'push'],
    [
      'refused a minute ago with the same members',
      ['U0CAROL01'],
      {
        members: ['U0BOB0001'],
        refusal: { error: 'invalid_users', members: ['U0CAROL01'], at: minutesAgo(1) },
      },
      'wait',
    ],
    [
      'refused ten minutes ago with the same members',
      ['U0CAROL01'],
      {
        members: ['U0BOB0001'],
        refusal: { error: 'invalid_users', members: ['U0CAROL01'], at: minutesAgo(10) },
      },
      'push',
    ],
    [
      'refused a minute ago, but the desired members changed',
      ['U0ALICE01'],
      {
        members: ['U0BOB0001'],
        refusal: { error: 'invalid_users', members: ['U0CAROL01'], at: minutesAgo(1) },
      },
      'push',
    ],
    [
      'refused, then back to the members Slack holds',
      ['U0BOB0001'],
      {
        members: ['U0BOB0001'],
        refusal: { error: 'invalid_users', members: ['U0CAROL01'], at: minutesAgo(1) },
      },
      'forget-refusal',
    ],
  ])('%s → %s', (_case, members, record, decision) => {
    expect(decideSync(group(members), record, now, TEN_MINUTES)).toBe(decision);
  });
});

describe('refusalMessage', () => {
  it('names the group, the person and the member id to check for invalid_users', () => {
    expect(refusalMessage(group(['U0CAROL01']), 'invalid_users', 10)).toBe(
      'The user group S0ONCALLZH (rotation "zurich") could not be set to <@U0CAROL01>: Slack says ' +
        'invalid_users — check that the member id U0CAROL01 in app.yaml is right (Profile → ⋯ → ' +
        'Copy member ID). It keeps its current members until then; I try again every 10 minutes ' +
        'and at the next on-call change.',
    );
  });

  it.each([
    ['no_such_subteam', /no user group with this id — check `userGroup` in app.yaml/],
    ['permission_denied', /ask a Slack admin to allow it/],
    ['missing_scope', /usergroups:write scope — add it \(manifest\/slack-app.yaml\) and reinstall/],
    ['invalid_user', /is a bot or app/],
    ['paid_teams_only', /need a paid Slack plan/],
    ['not_allowed_token_type', /check the bot token and the app’s scopes/],
  ])('%s says what to fix', (error, hint) => {
    const text = refusalMessage(group(['U0CAROL01']), error, 10);
    expect(text).toMatch(hint);
    expect(text).toContain(`Slack says ${error}`);
  });

  it('lists every member of a team group', () => {
    const team = group(['U0BOB0001', 'U0DAVE001'], { kind: 'team', name: 'platform' });
    expect(refusalMessage(team, 'invalid_users', 10)).toContain(
      '(team "platform") could not be set to <@U0BOB0001>, <@U0DAVE001>: Slack says invalid_users — ' +
        'check that the member ids U0BOB0001, U0DAVE001 in app.yaml are right',
    );
  });
});
