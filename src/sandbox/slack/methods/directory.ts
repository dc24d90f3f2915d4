// auth.test, users.*, usergroups.* and conversations.* against the fake workspace and its messages.
import { messageObject } from '../message-store.js';
import { SlackMethodError, flag, optionalString, type SlackArgs } from '../types.js';
import { requireChannel } from './chat.js';
import type { MethodHandler } from './context.js';

function commaList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String).filter((item) => item !== '');
  if (typeof value !== 'string') return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const authTest: MethodHandler = (_args, { workspace }) => {
  const { bot } = workspace;
  return {
    url: `https://${bot.teamDomain}.slack.com/`,
    team: bot.teamName,
    user: 'watchkeeper',
    team_id: bot.teamId,
    user_id: bot.botUserId,
    bot_id: bot.botId,
    is_enterprise_install: false,
  };
};

const usersInfo: MethodHandler = (args, { workspace }) => {
  const id = optionalString(args.user);
  const user = id === undefined ? undefined : workspace.users.get(id);
  if (!user) throw new SlackMethodError('user_not_found');
  return { user: workspace.userObject(user) };
};

const lookupByEmail: MethodHandler = (args, { workspace }) => {
  const email = optionalString(args.email);
  const user = email === undefined ? undefined : workspace.userByEmail(email);
  if (!user) throw new SlackMethodError('users_not_found');
  return { user: workspace.userObject(user) };
};

const userGroupsList: MethodHandler = (args, { workspace }) => ({
  usergroups: [...workspace.userGroups.values()].map((group) =>
    workspace.userGroupObject(group, flag(args.include_users)),
  ),
});

/** Slack refuses to empty a user group (`invalid_users`) and to add bots (`invalid_user`). */
const userGroupsUsersUpdate: MethodHandler = (args, { workspace }) => {
  const id = optionalString(args.usergroup);
  const group = id === undefined ? undefined : workspace.userGroups.get(id);
  if (!group) throw new SlackMethodError('no_such_subteam');
  const users = commaList(args.users);
  if (users === undefined) throw new SlackMethodError('no_users_provided');
  if (users.length === 0) throw new SlackMethodError('invalid_users');
  if (users.some((user) => workspace.users.get(user)?.isBot)) {
    throw new SlackMethodError('invalid_user');
  }
  group.users = [...new Set(users)];
  return { usergroup: workspace.userGroupObject(group, true) };
};

const conversationsInfo: MethodHandler = (args, context) => ({
  channel: context.workspace.channelObject(requireChannel(args, context)),
});

const conversationsOpen: MethodHandler = (args, { workspace }) => {
  const users = commaList(args.users);
  if (users === undefined || users.length === 0) {
    throw new SlackMethodError('users_list_not_supplied');
  }
  const channel =
    users.length === 1
      ? workspace.directMessage(users[0] as string)
      : workspace.addChannel({ id: `G${users.map((u) => u.slice(1)).join('')}`, name: 'mpdm' });
  return {
    channel: flag(args.return_im) ? workspace.channelObject(channel) : { id: channel.id },
  };
};

function limitOf(args: SlackArgs): number {
  const limit = Number(args.limit);
  return Number.isInteger(limit) && limit > 0 ? limit : 100;
}

const conversationsReplies: MethodHandler = (args, context) => {
  const channel = requireChannel(args, context);
  const ts = optionalString(args.ts);
  const thread = ts === undefined ? undefined : context.messages.thread(channel.id, ts);
  if (!thread) throw new SlackMethodError('thread_not_found');
  const messages = thread
    .slice(0, limitOf(args))
    .map((message) => messageObject(message, context.messages.replyCount(channel.id, message.ts)));
  return { messages, has_more: thread.length > messages.length };
};

const conversationsHistory: MethodHandler = (args, context) => {
  const channel = requireChannel(args, context);
  const topLevel = context.messages
    .messagesIn(channel.id)
    .filter((message) => message.threadTs === undefined || message.threadTs === message.ts)
    .reverse();
  const messages = topLevel
    .slice(0, limitOf(args))
    .map((message) => messageObject(message, context.messages.replyCount(channel.id, message.ts)));
  return { messages, has_more: topLevel.length > messages.length };
};

export const directoryMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'users.lookupByEmail': lookupByEmail,
  'usergroups.list': userGroupsList,
  'usergroups.users.update': userGroupsUsersUpdate,
  'conversations.info': conversationsInfo,
  'conversations.open': conversationsOpen,
  'conversations.replies': conversationsReplies,
  'conversations.history': conversationsHistory,
};
