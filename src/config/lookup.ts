// Finds things in a loaded configuration: the team of a channel, a user's teams, a rotation by name.
import type { AppConfig, Rotation, Team } from './schema.js';

/** The team whose `channels` include this channel (each channel belongs to at most one team). */
export function teamForChannel(config: AppConfig, channelId: string): Team | undefined {
  return config.teams.find((team) => team.channels.includes(channelId));
}

/** The teams in which this user is a manager or a member of a rotation. */
export function teamsForUser(config: AppConfig, userId: string): Team[] {
  return config.teams.filter(
    (team) =>
      team.managers.includes(userId) ||
      team.rotations.some((rotation) => rotation.members.includes(userId)),
  );
}

/** A rotation and its team, by the rotation's name (unique across all teams). */
export function rotationByName(
  config: AppConfig,
  name: string,
): { team: Team; rotation: Rotation } | undefined {
  for (const team of config.teams) {
    const rotation = team.rotations.find((candidate) => candidate.name === name);
    if (rotation) return { team, rotation };
  }
  return undefined;
}
