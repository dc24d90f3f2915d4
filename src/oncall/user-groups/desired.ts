// Who each Slack user group should hold at an instant (pure): a rotation's group holds the person on
// duty in it; a team's group holds everyone on duty in any of the team's rotations (follow the sun).
//
// Slack forbids emptying a user group, so when nobody is on duty (outside coverage hours, on a
// holiday, before the first handoff, or when the engine cannot answer for the rotation, e.g. one
// with no resolvable members and no recorded roster) the group is listed with no members and the
// reason, and the sync leaves it as it is: it keeps the last people.
import type { AppConfig, Rotation } from '../../config/schema.js';
import type { Duty } from '../engine/index.js';

export interface DesiredUserGroup {
  groupId: string;
  /** Sorted, without repeats; empty means "leave the group as it is". */
  members: string[];
  /** Why these members, for logs, e.g. `on duty in rotation "zurich"`. */
  reason: string;
  owner: { kind: 'rotation' | 'team'; name: string };
}

/** Who is on duty in a rotation (by name) at an instant: the engine's answer with overrides and swaps. */
export type DutyFor = (rotationName: string, at: Date) => Pick<Duty, 'member' | 'source'>;

export const NOBODY_ON_DUTY = 'nobody on duty, group left as it is';

export function desiredUserGroups(
  config: AppConfig,
  dutyFor: DutyFor,
  at: Date,
): DesiredUserGroup[] {
  const groups: DesiredUserGroup[] = [];
  for (const team of config.teams) {
    const onDuty = team.rotations.map((rotation) => ({
      rotation,
      duty: rotationDuty(rotation, dutyFor, at),
    }));
    for (const { rotation, duty } of onDuty) {
      if (rotation.userGroup === undefined) continue;
      groups.push({
        groupId: rotation.userGroup,
        members: duty.member === null ? [] : [duty.member],
        reason: duty.reason,
        owner: { kind: 'rotation', name: rotation.name },
      });
    }
    if (team.userGroup === undefined) continue;
    const staffed = onDuty.filter(({ duty }) => duty.member !== null);
    groups.push({
      groupId: team.userGroup,
      members: [...new Set(staffed.map(({ duty }) => duty.member as string))].sort(),
      reason:
        staffed.length === 0
          ? NOBODY_ON_DUTY
          : `on duty in team "${team.name}": ${staffed.map(({ rotation }) => rotation.name).join(', ')}`,
      owner: { kind: 'team', name: team.name },
    });
  }
  return groups;
}

/** One rotation's duty; a rotation the engine cannot answer for leaves its group alone, not the rest. */
function rotationDuty(rotation: Rotation, dutyFor: DutyFor, at: Date) {
  let duty: Pick<Duty, 'member' | 'source'>;
  try {
    duty = dutyFor(rotation.name, at);
  } catch (error) {
    const why =
      rotation.members.length === 0
        ? `rotation "${rotation.name}" has no resolvable members`
        : `could not tell who is on duty in rotation "${rotation.name}" (${String(error)})`;
    return { member: null, reason: `${why}, group left as it is` };
  }
  if (duty.member === null) return { member: null, reason: NOBODY_ON_DUTY };
  const how = duty.source === 'override' ? 'covering (override)' : 'on duty';
  return { member: duty.member, reason: `${how} in rotation "${rotation.name}"` };
}

/** The channel told about a group's problems: its rotation's channel, or its team's. */
export function userGroupChannel(config: AppConfig): (groupId: string) => string {
  const channels = new Map<string, string>();
  for (const team of config.teams) {
    if (team.userGroup !== undefined) channels.set(team.userGroup, team.channel);
    for (const rotation of team.rotations) {
      if (rotation.userGroup !== undefined) channels.set(rotation.userGroup, rotation.channel);
    }
  }
  return (groupId) => {
    const channel = channels.get(groupId);
    if (channel === undefined) throw new Error(`user group ${groupId} is not named in app.yaml`);
    return channel;
  };
}
