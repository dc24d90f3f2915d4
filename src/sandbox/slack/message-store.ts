// The fake's messages: per channel (threads included) and ephemeral ones per (channel, user),
// each with a unique, increasing Slack timestamp ("1700000000.000100").

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  /** Who posted it: a person's user id, or the bot's user id. */
  user: string;
  /** Set only on the bot's own messages. */
  botId?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  /** How many times chat.update (or replace_original) has rewritten it. */
  updateCount: number;
  editedTs?: string;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks?: unknown[];
}

export type MessageContentPatch = Partial<
  Pick<StoredMessage, 'text' | 'blocks' | 'attachments' | 'metadata'>
>;

export class MessageStore {
  private readonly byChannel = new Map<string, StoredMessage[]>();
  private ephemerals: EphemeralMessage[] = [];
  private lastMicros = 0;

  constructor(private readonly nowMs: () => number) {}

  /** A timestamp later than every one handed out before, based on the fake's clock. */
  nextTs(): string {
    this.lastMicros = Math.max(this.nowMs() * 1000, this.lastMicros + 100);
    const seconds = Math.floor(this.lastMicros / 1_000_000);
    const micros = String(this.lastMicros % 1_000_000).padStart(6, '0');
    return `${seconds}.${micros}`;
  }

  post(message: Omit<StoredMessage, 'ts' | 'updateCount' | 'editedTs'>): StoredMessage {
    const stored: StoredMessage = { ...message, ts: this.nextTs(), updateCount: 0 };
    const list = this.byChannel.get(stored.channel) ?? [];
    list.push(stored);
    this.byChannel.set(stored.channel, list);
    return stored;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.byChannel.get(channel)?.find((message) => message.ts === ts);
  }

  /** Rewrites a message in place; fields left out of the patch keep their value, as chat.update does. */
  update(channel: string, ts: string, patch: MessageContentPatch): StoredMessage | undefined {
    const message = this.find(channel, ts);
    if (!message) return undefined;
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) Object.assign(message, { [key]: value });
    }
    message.updateCount += 1;
    message.editedTs = this.nextTs();
    return message;
  }

  delete(channel: string, ts: string): boolean {
    const list = this.byChannel.get(channel);
    const index = list?.findIndex((message) => message.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  /** Every message of a channel in posting order, thread replies included. */
  messagesIn(channel: string): StoredMessage[] {
    return [...(this.byChannel.get(channel) ?? [])];
  }

  /** The parent followed by its replies, or undefined when the parent does not exist. */
  thread(channel: string, ts: string): StoredMessage[] | undefined {
    const messages = this.byChannel.get(channel) ?? [];
    const parent = messages.find((message) => message.ts === ts);
    if (!parent) return undefined;
    const root = parent.threadTs ?? parent.ts;
    return messages.filter((message) => message.ts === root || message.threadTs === root);
  }

  replyCount(channel: string, ts: string): number {
    const messages = this.byChannel.get(channel) ?? [];
    return messages.filter((message) => message.threadTs === ts && message.ts !== ts).length;
  }

  postEphemeral(message: Omit<EphemeralMessage, 'ts'>): EphemeralMessage {
    const stored: EphemeralMessage = { ...message, ts: this.nextTs() };
    this.ephemerals.push(stored);
    return stored;
  }

  findEphemeral(ts: string): EphemeralMessage | undefined {
    return this.ephemerals.find((message) => message.ts === ts);
  }

  deleteEphemeral(ts: string): void {
    this.ephemerals = this.ephemerals.filter((message) => message.ts !== ts);
  }

  /** Ephemeral messages shown to one user in one channel, oldest first. */
  ephemeralsFor(channel: string, user: string): EphemeralMessage[] {
    return this.ephemerals.filter(
      (message) => message.channel === channel && message.user === user,
    );
  }

  clear(): void {
    this.byChannel.clear();
    this.ephemerals = [];
  }
}

/** A stored message as Slack's API returns it (conversations.replies, chat.postMessage). */
export function messageObject(
  message: StoredMessage,
  replyCount?: number,
): Record<string, unknown> {
  return {
    type: 'message',
    ts: message.ts,
    text: message.text,
    user: message.user,
    ...(message.botId ? { bot_id: message.botId } : {}),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(replyCount ? { reply_count: replyCount } : {}),
    ...(message.editedTs ? { edited: { user: message.user, ts: message.editedTs } } : {}),
  };
}
