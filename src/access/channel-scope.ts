// Which teams a Slack request may see: the team that owns the channel, or, in a DM, the user's teams.
import type { AppConfig, Team } from '../config/schema.js';
import { UserFacingError } from '../errors.js';

export interface RequestOrigin {
  channelId: string;
  userId: string;
}

/** True for a direct message with the bot (Slack DM channel ids start with D). */
export function isDirectMessage(channelId: string): boolean {
  return channelId.startsWith('D');
}

export function teamsForRequest(config: AppConfig, origin: RequestOrigin): Team[] {
  if (isDirectMessage(origin.channelId)) {
    const mine = config.teams.filter((team) => isTeamMember(team, origin.userId));
    if (mine.length > 0) return mine;
    throw new UserFacingError(
      'You are not a member or manager of any team in Watchkeeper, so there is nothing to show here. ' +
        `Ask in one of the teams' channels: ${channelList(config)}.`,
    );
  }
  const owners = config.teams.filter((team) => team.channels.includes(origin.channelId));
  if (owners.length > 0) return owners;
  throw new UserFacingError(
    `This channel is not set up for Watchkeeper. Channels that are: ${channelList(config)}. ` +
      "To use this one, add it to a team's `channels` in app.yaml.",
  );
}

export function isTeamMember(team: Team, userId: string): boolean {
  return (
    team.managers.includes(userId) ||
    team.rotations.some((rotation) => rotation.members.includes(userId))
  );
}

function channelList(config: AppConfig): string {
  const channels = [...new Set(config.teams.flatMap((team) => team.channels))];
  return channels.length > 0 ? channels.map((id) => `<#${id}>`).join(', ') : 'none yet';
}
