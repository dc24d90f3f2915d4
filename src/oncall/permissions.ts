// Who may change whose shifts: yourself always, anyone in your team if you are one of its managers.
import type { Team } from '../config/schema.js';
import { UserFacingError } from '../errors.js';

export function isManager(team: Team, userId: string): boolean {
  return team.managers.includes(userId);
}

export function isTeamPerson(team: Team, userId: string): boolean {
  return isManager(team, userId) || team.rotations.some((r) => r.members.includes(userId));
}

/** Throws unless `actor` may put `member` on duty in this team (themselves, or anyone as a manager). */
export function assertMayAssign(team: Team, actor: string, member: string): void {
  if (!isTeamPerson(team, member)) {
    throw new UserFacingError(
      `<@${member}> is not in any rotation of team ${team.name} (nor one of its managers), so they cannot be put on call here. ` +
        'Add them to a rotation in app.yaml first.',
    );
  }
  if (actor !== member && !isManager(team, actor)) {
    throw new UserFacingError(
      `You can only put yourself on call. To have <@${member}> cover, ask them to run the command themselves, ` +
        `use \`/oncall cover\`, or ask a manager of team ${team.name} (${managerList(team)}).`,
    );
  }
}

/** Throws unless `actor` may change a change made by or for `owners` (the people it concerns). */
export function assertMayChange(team: Team, actor: string, owners: string[], what: string): void {
  if (owners.includes(actor) || isManager(team, actor)) return;
  const people = [...new Set(owners)];
  throw new UserFacingError(
    `Only ${people.map((o) => `<@${o}>`).join(' or ')} or a manager of team ${team.name} (${managerList(team)}) may ${what}.`,
  );
}

function managerList(team: Team): string {
  return team.managers.length > 0
    ? team.managers.map((m) => `<@${m}>`).join(', ')
    : 'none set in app.yaml';
}
