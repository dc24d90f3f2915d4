// response_url support: unique URLs on the fake, usable 5 times for 30 minutes, and what a reply
// posted to one (or given as an ack body) does to the conversation, as Slack would show it.
import { randomBytes } from 'node:crypto';
import type { MessageStore } from './message-store.js';
import { checkMessage } from './payload-checks.js';
import { SlackMethodError, flag, optionalString, type SlackArgs } from './types.js';
import type { BotIdentity } from './workspace.js';

/** Where the interaction that produced a response URL happened. */
export interface ResponseContext {
  channelId?: string;
  userId?: string;
  /** The message whose button was clicked (block_actions), for replace_original/delete_original. */
  messageTs?: string;
  /** True when that message is ephemeral. */
  isEphemeral?: boolean;
}

export const responseUrlLimits = { uses: 5, lifetimeMs: 30 * 60 * 1000 } as const;

interface Entry {
  context: ResponseContext;
  createdAt: number;
  uses: number;
}

/** Why a response URL refused a POST: HTTP 404 with Slack's error name. */
export class ResponseUrlRefusal extends Error {
  constructor(readonly code: 'no_service' | 'used_url' | 'expired_url') {
    super(code);
  }
}

export class ResponseUrls {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly nowMs: () => number) {}

  create(context: ResponseContext): string {
    const id = randomBytes(12).toString('hex');
    this.entries.set(id, { context, createdAt: this.nowMs(), uses: 0 });
    return id;
  }

  /** Counts one use of the URL and returns its context, or refuses it. */
  use(id: string): ResponseContext {
    const entry = this.entries.get(id);
    if (!entry) throw new ResponseUrlRefusal('no_service');
    if (this.nowMs() - entry.createdAt > responseUrlLimits.lifetimeMs) {
      throw new ResponseUrlRefusal('expired_url');
    }
    if (entry.uses >= responseUrlLimits.uses) throw new ResponseUrlRefusal('used_url');
    entry.uses += 1;
    return entry.context;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Applies a reply the way Slack does: `delete_original`, `replace_original` (the clicked message),
 * `response_type: 'in_channel'` (a new message from the bot), else an ephemeral message to the user.
 */
export function applyResponse(
  body: SlackArgs,
  context: ResponseContext,
  messages: MessageStore,
  bot: BotIdentity,
): Record<string, unknown> {
  const { channelId, userId, messageTs } = context;
  if (flag(body.delete_original) && messageTs && channelId) {
    if (context.isEphemeral) messages.deleteEphemeral(messageTs);
    else messages.delete(channelId, messageTs);
    return {};
  }
  const content = checkMessage(body, { requireContent: true });
  if (!channelId) throw new SlackMethodError('channel_not_found');
  const threadTs = optionalString(body.thread_ts);
  const fields = {
    text: content.text ?? '',
    ...(content.blocks ? { blocks: content.blocks } : {}),
  };
  if (flag(body.replace_original) && messageTs) {
    if (context.isEphemeral) {
      const ephemeral = messages.findEphemeral(messageTs);
      if (!ephemeral) throw new SlackMethodError('message_not_found');
      Object.assign(ephemeral, fields);
    } else if (!messages.update(channelId, messageTs, fields)) {
      throw new SlackMethodError('message_not_found');
    }
    return {};
  }
  if (body.response_type === 'in_channel') {
    const posted = messages.post({
      channel: channelId,
      user: bot.botUserId,
      botId: bot.botId,
      ...fields,
      ...(threadTs ? { threadTs } : {}),
    });
    return { ts: posted.ts };
  }
  if (!userId) throw new SlackMethodError('user_not_found');
  const ephemeral = messages.postEphemeral({
    channel: channelId,
    user: userId,
    ...fields,
    ...(threadTs ? { threadTs } : {}),
  });
  return { ts: ephemeral.ts };
}
