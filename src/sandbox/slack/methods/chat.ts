// chat.postMessage, chat.update, chat.postEphemeral and chat.delete against the message store.
import { messageObject } from '../message-store.js';
import { checkMessage } from '../payload-checks.js';
import { SlackMethodError, optionalString, type SlackArgs } from '../types.js';
import type { FakeChannel } from '../workspace.js';
import type { MethodContext, MethodHandler } from './context.js';

/** The channel named by `args.channel`, or `channel_not_found` as Slack answers. */
export function requireChannel(args: SlackArgs, { workspace }: MethodContext): FakeChannel {
  const name = optionalString(args.channel);
  const channel = name === undefined ? undefined : workspace.resolveChannel(name);
  if (!channel) throw new SlackMethodError('channel_not_found');
  return channel;
}

function botMessage(message: Record<string, unknown>, context: MethodContext) {
  const { bot } = context.workspace;
  return { ...message, bot_id: bot.botId, app_id: bot.appId, team: bot.teamId };
}

const postMessage: MethodHandler = (args, context) => {
  const channel = requireChannel(args, context);
  const content = checkMessage(args, { requireContent: true });
  const threadTs = optionalString(args.thread_ts);
  const stored = context.messages.post({
    channel: channel.id,
    user: context.workspace.bot.botUserId,
    botId: context.workspace.bot.botId,
    text: content.text ?? '',
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(content.attachments ? { attachments: content.attachments } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
    ...(threadTs ? { threadTs } : {}),
  });
  return {
    channel: channel.id,
    ts: stored.ts,
    message: botMessage(messageObject(stored), context),
  };
};

function ownMessage(args: SlackArgs, context: MethodContext, refusal: string) {
  const channel = requireChannel(args, context);
  const ts = optionalString(args.ts);
  const message = ts === undefined ? undefined : context.messages.find(channel.id, ts);
  if (!message) throw new SlackMethodError('message_not_found');
  if (message.botId === undefined) throw new SlackMethodError(refusal);
  return message;
}

const update: MethodHandler = (args, context) => {
  const message = ownMessage(args, context, 'cant_update_message');
  const content = checkMessage(args, { requireContent: true });
  const updated = context.messages.update(message.channel, message.ts, {
    ...(content.text !== undefined ? { text: content.text } : {}),
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(content.attachments ? { attachments: content.attachments } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
  });
  const result = updated ?? message;
  return {
    channel: result.channel,
    ts: result.ts,
    text: result.text,
    message: botMessage(messageObject(result), context),
  };
};

const postEphemeral: MethodHandler = (args, context) => {
  const channel = requireChannel(args, context);
  const user = optionalString(args.user);
  if (user === undefined) throw new SlackMethodError('user_not_in_channel');
  const content = checkMessage(args, { requireContent: true });
  const threadTs = optionalString(args.thread_ts);
  const stored = context.messages.postEphemeral({
    channel: channel.id,
    user,
    text: content.text ?? '',
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { threadTs } : {}),
  });
  return { message_ts: stored.ts };
};

const deleteMessage: MethodHandler = (args, context) => {
  const message = ownMessage(args, context, 'cant_delete_message');
  context.messages.delete(message.channel, message.ts);
  return { channel: message.channel, ts: message.ts };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': deleteMessage,
};
