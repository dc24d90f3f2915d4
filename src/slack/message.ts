// The neutral shape of a reply: what commands return and what the Slack layer sends.
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Plain-text fallback for notifications and screen readers. */
  text: string;
  blocks: Block[];
  responseType?: 'ephemeral' | 'in_channel';
}

export interface CommandRequest {
  command: string;
  text: string;
  userId: string;
  channelId: string;
  teamId: string;
  triggerId: string;
  responseUrl: string;
}

/** A slash command: parse the text, call one service, render a message. */
export interface CommandModule {
  command: string;
  run(request: CommandRequest): Promise<SlackMessage>;
}

export function plainMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** A button click, as the action modules see it. */
export interface ActionRequest {
  actionId: string;
  /** The button's value: only an id; everything else is re-read on the server. */
  value: string;
  userId: string;
  channelId?: string;
  messageTs?: string;
  responseUrl?: string;
  triggerId: string;
}

/** What a click changes: the message it was on (replaced in place) and/or a note only the clicker sees. */
export interface ActionResult {
  replaceOriginal?: SlackMessage;
  ephemeral?: SlackMessage;
}

export interface ActionModule {
  actionId: string;
  run(request: ActionRequest): Promise<ActionResult>;
}

/** Posting and updating messages outside a request's response_url (the bot's own posts). */
export interface SlackPoster {
  post(
    channel: string,
    message: SlackMessage,
    options?: { threadTs?: string },
  ): Promise<{ ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}
