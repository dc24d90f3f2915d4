// The message posted in a rotation's (or team's) channel when Slack refuses to set its user group.
import type { DesiredUserGroup } from './desired.js';

const copyMemberId = 'Profile → ⋯ → Copy member ID';

function whatToFix(error: string, members: string[]): string {
  const ids = members.join(', ');
  const one = members.length === 1;
  switch (error) {
    case 'no_such_subteam':
      return 'there is no user group with this id — check `userGroup` in app.yaml (ids look like S0ONCALLZH; copy it from the group in Slack)';
    case 'permission_denied':
      return 'the workspace does not let the bot change user groups — ask a Slack admin to allow it (Settings → Permissions → User Groups)';
    case 'missing_scope':
      return 'the Slack app lacks the usergroups:write scope — add it (manifest/slack-app.yaml) and reinstall the app';
    case 'invalid_users':
      return one
        ? `check that the member id ${ids} in app.yaml is right (${copyMemberId})`
        : `check that the member ids ${ids} in app.yaml are right (${copyMemberId})`;
    case 'invalid_user':
      return `one of ${ids} is a bot or app, which Slack does not allow in user groups — check the member ids in app.yaml`;
    case 'paid_teams_only':
    case 'plan_upgrade_required':
      return 'user groups need a paid Slack plan — remove `userGroup` from app.yaml';
    default:
      return 'check the bot token and the app’s scopes, or remove `userGroup` from app.yaml';
  }
}

export function refusalMessage(
  group: DesiredUserGroup,
  error: string,
  retryMinutes: number,
): string {
  const owner = `${group.owner.kind} "${group.owner.name}"`;
  const people = group.members.map((member) => `<@${member}>`).join(', ');
  return (
    `The user group ${group.groupId} (${owner}) could not be set to ${people}: Slack says ${error} — ` +
    `${whatToFix(error, group.members)}. It keeps its current members until then; I try again ` +
    `every ${retryMinutes} minutes and at the next on-call change.`
  );
}
