// The fake workspace's directory: the bot's identity, users, channels (with DMs) and user groups.

export interface FakeUser {
  id: string;
  name: string;
  email?: string;
  /** IANA zone, e.g. Europe/Zurich (default UTC). */
  tz?: string;
  realName?: string;
  isBot?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  /** For a DM (`D…`): the user on the other side. */
  user?: string;
}

export interface FakeUserGroup {
  id: string;
  handle: string;
  name?: string;
  users: string[];
}

export interface BotIdentity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export const defaultBotIdentity: BotIdentity = {
  teamId: 'T0WATCHKP1',
  teamName: 'Watchkeeper Sandbox',
  teamDomain: 'watchkeeper-sandbox',
  botUserId: 'U0WATCHBOT',
  botId: 'B0WATCHBOT',
  appId: 'A0WATCHAPP',
};

export class Workspace {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly userGroups = new Map<string, FakeUserGroup>();

  /** @param restrictChannels when true, channels not added are answered with `channel_not_found`. */
  constructor(
    readonly bot: BotIdentity,
    readonly restrictChannels: boolean,
  ) {
    this.addUser({ id: bot.botUserId, name: 'watchkeeper', isBot: true });
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, { ...user });
  }

  userByEmail(email: string): FakeUser | undefined {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((user) => user.email?.toLowerCase() === wanted);
  }

  addChannel(channel: FakeChannel | string): FakeChannel {
    const entry =
      typeof channel === 'string' ? { id: channel, name: channel.toLowerCase() } : channel;
    this.channels.set(entry.id, { ...entry });
    return entry;
  }

  /**
   * The channel a message to `idOrName` lands in: a channel id, `#name`, or a user id (the bot's DM
   * with that user, as Slack does); undefined when channels are restricted and it is unknown.
   */
  resolveChannel(idOrName: string): FakeChannel | undefined {
    if (/^[UW][A-Z0-9]+$/.test(idOrName)) return this.directMessage(idOrName);
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, '');
    const byName = [...this.channels.values()].find((channel) => channel.name === name);
    if (byName) return byName;
    if (this.restrictChannels || idOrName.startsWith('#')) return undefined;
    return { id: idOrName, name: idOrName.toLowerCase() };
  }

  /** The bot's DM with a user: `D` followed by the user id without its first letter. */
  directMessage(userId: string): FakeChannel {
    const id = `D${userId.slice(1)}`;
    return this.channels.get(id) ?? this.addChannel({ id, name: id, user: userId });
  }

  addUserGroup(group: FakeUserGroup): void {
    this.userGroups.set(group.id, { ...group, users: [...group.users] });
  }

  /** The user as `users.info` returns it. */
  userObject(user: FakeUser): Record<string, unknown> {
    const tz = user.tz ?? 'UTC';
    const realName = user.realName ?? user.name;
    return {
      id: user.id,
      team_id: this.bot.teamId,
      name: user.name,
      deleted: false,
      real_name: realName,
      tz,
      tz_label: tz,
      tz_offset: offsetSeconds(tz, new Date()),
      is_bot: user.isBot ?? false,
      is_app_user: false,
      profile: {
        real_name: realName,
        display_name: user.name,
        ...(user.email ? { email: user.email } : {}),
      },
    };
  }

  channelObject(channel: FakeChannel): Record<string, unknown> {
    const isIm = channel.id.startsWith('D');
    return {
      id: channel.id,
      name: channel.name,
      is_channel: !isIm && !channel.isPrivate,
      is_group: !isIm && (channel.isPrivate ?? false),
      is_im: isIm,
      is_private: isIm || (channel.isPrivate ?? false),
      is_member: true,
      is_archived: false,
      ...(channel.user ? { user: channel.user } : {}),
    };
  }

  userGroupObject(group: FakeUserGroup, includeUsers: boolean): Record<string, unknown> {
    return {
      id: group.id,
      team_id: this.bot.teamId,
      is_usergroup: true,
      name: group.name ?? group.handle,
      handle: group.handle,
      user_count: group.users.length,
      ...(includeUsers ? { users: [...group.users] } : {}),
    };
  }
}

/** Seconds east of UTC of a time zone at an instant, as Slack's `tz_offset`. */
function offsetSeconds(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}
