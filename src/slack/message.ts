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
