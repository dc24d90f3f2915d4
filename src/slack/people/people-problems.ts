// The wording of what went wrong when people written as emails in app.yaml were looked up in Slack.
import type { SlackFailure } from './slack-error.js';

/** Where in app.yaml a person is listed. */
export type PersonPlace =
  | { kind: 'rotation'; rotation: string }
  | { kind: 'managers'; team: string }
  | { kind: 'approvers' }
  | { kind: 'requesters' };

function label(place: PersonPlace): string {
  switch (place.kind) {
    case 'rotation':
      return `rotation "${place.rotation}"`;
    case 'managers':
      return `team "${place.team}" managers`;
    case 'approvers':
      return 'rollback.approvers.users';
    case 'requesters':
      return 'rollback.requesters.users';
  }
}

function leftOut(place: PersonPlace): string {
  switch (place.kind) {
    case 'rotation':
      return 'they are left out of the rotation';
    case 'managers':
      return `they are not a manager of team "${place.team}"`;
    case 'approvers':
      return 'they may not approve rollbacks as a listed approver';
    case 'requesters':
      return 'they may not request rollbacks as a listed requester';
  }
}

const copyMemberId = 'Profile → ⋯ → Copy member ID';

export function unknownEmailProblem(place: PersonPlace, email: string): string {
  return (
    `${label(place)}: Slack has no user with the email ${email} — check the address, or write ` +
    `their Slack member id instead (${copyMemberId}); ${leftOut(place)} until then.`
  );
}

function hint(failure: SlackFailure): string {
  if (failure.code === 'missing_scope') {
    return ' — give the Slack app the users:read.email scope and reinstall it';
  }
  if (failure.code === 'unreachable') return ' — check the network and SLACK_API_URL';
  if (failure.transient) return '';
  return ` — or write their Slack member id instead (${copyMemberId})`;
}

export function lookupFailedProblem(
  place: PersonPlace,
  email: string,
  failure: SlackFailure,
): string {
  return (
    `${label(place)}: could not look up ${email} in Slack (${failure.detail})${hint(failure)}; ` +
    `${leftOut(place)} until the app restarts.`
  );
}

export function duplicateMemberProblem(rotation: string, email: string, userId: string): string {
  return `rotation "${rotation}": ${email} is ${userId}, who is already a member; they are listed once.`;
}

export function noMembersLeftProblem(rotation: string): string {
  return (
    `rotation "${rotation}": none of its members could be found in Slack, so app.yaml gives it ` +
    'nobody to put on duty — fix the addresses above.'
  );
}
