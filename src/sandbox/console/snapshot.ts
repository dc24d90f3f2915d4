// What one console page shows for the person it plays: the workspace directory, every channel with
// its messages (and that person's ephemeral ones), their open modal and App Home, and the clock.
import type { FakeSlackApi, FakeUser, StoredMessage } from '../slack/index.js';

export interface ShownMessage {
  ts: string;
  threadTs?: string;
  user: string;
  isBot: boolean;
  text: string;
  blocks: unknown[];
  replyCount: number;
  edited: boolean;
  ephemeral: boolean;
}

export interface ShownChannel {
  id: string;
  name: string;
  isDirect: boolean;
  messages: ShownMessage[];
}

const MAX_MESSAGES = 300;

function shown(fake: FakeSlackApi, message: StoredMessage): ShownMessage {
  return {
    ts: message.ts,
    ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    user: message.user,
    isBot: message.botId !== undefined,
    text: message.text,
    blocks: message.blocks ?? [],
    replyCount: fake.messages.replyCount(message.channel, message.ts),
    edited: message.editedTs !== undefined,
    ephemeral: false,
  };
}

function channelView(fake: FakeSlackApi, id: string, name: string, viewer: string): ShownChannel {
  const messages = fake.messagesIn(id).map((message) => shown(fake, message));
  const ephemerals = fake.messages.ephemeralsFor(id, viewer).map((message): ShownMessage => ({
    ts: message.ts,
    ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    user: fake.workspace.bot.botUserId,
    isBot: true,
    text: message.text,
    blocks: message.blocks ?? [],
    replyCount: 0,
    edited: false,
    ephemeral: true,
  }));
  const all = [...messages, ...ephemerals].sort((a, b) => Number(a.ts) - Number(b.ts));
  return { id, name, isDirect: id.startsWith('D'), messages: all.slice(-MAX_MESSAGES) };
}

/** The channels a person sees: every channel of the workspace, then their DM with the bot. */
export function channelsFor(fake: FakeSlackApi, viewer: string): ShownChannel[] {
  const channels = [...fake.workspace.channels.values()]
    .filter((channel) => !channel.id.startsWith('D') && !channel.id.startsWith('G'))
    .map((channel) => channelView(fake, channel.id, channel.name, viewer));
  const direct = fake.workspace.directMessage(viewer);
  return [...channels, channelView(fake, direct.id, 'watchkeeper', viewer)];
}

export function directory(fake: FakeSlackApi) {
  const users = Object.fromEntries(
    [...fake.workspace.users.values()].map((user: FakeUser) => [
      user.id,
      { name: user.name, realName: user.realName ?? user.name, tz: user.tz ?? 'UTC' },
    ]),
  );
  const userGroups = Object.fromEntries(
    [...fake.workspace.userGroups.values()].map((group) => [group.id, group.handle]),
  );
  const channels = Object.fromEntries(
    [...fake.workspace.channels.values()].map((channel) => [channel.id, channel.name]),
  );
  return { users, userGroups, channels, botUserId: fake.workspace.bot.botUserId };
}

/** The person's open modal on top of its stack and their App Home, as the app last sent them. */
export function viewsFor(fake: FakeSlackApi, viewer: string) {
  const modal = fake.views.openModals(viewer).at(-1);
  const home = fake.views.home(viewer);
  return {
    modal: modal ? { id: modal.id, view: modal.view } : null,
    home: home ? { id: home.id, view: home.view } : null,
  };
}
