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
  /** The reply, or null when the command answered another way (e.g. it opened a modal). */
  run(request: CommandRequest): Promise<SlackMessage | null>;
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
  /** The blocks of the message the button was on (to keep them when updating it). */
  messageBlocks?: Block[];
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

/** Opens a modal for the person who clicked or typed (Slack's trigger id lives 3 seconds). */
export type ModalOpener = (
  triggerId: string,
  view: import('@slack/bolt').types.ModalView,
) => Promise<void>;

/** A submitted modal: the values by block id, and what the form was opened for. */
export interface ModalSubmission {
  userId: string;
  values: Record<string, string | undefined>;
  privateMetadata: string;
}

/** A modal's submit handler: field errors keep the modal open; otherwise it closes. */
export interface ModalModule {
  callbackId: string;
  submit(submission: ModalSubmission): Promise<{ errors?: Record<string, string> }>;
}
