// The outbox's shapes: a message waiting to be sent, how it is sent, and what a delivery pass did.
import type { Logger } from '../../log.js';
import type { SlackMessage, SlackPoster } from '../../slack/message.js';

export interface OutboxMessage {
  /** A channel id, or a user id for a direct message. */
  channel: string;
  message: SlackMessage;
  /** Post as a reply in this thread. */
  threadTs?: string;
  /** Replace this existing message (chat.update) instead of posting a new one. */
  updateTs?: string;
  /** The scheduled post this message delivers, if it is one. */
  postKey?: string;
}

/** Posts and updates through Slack; `webPoster(client)` is one. */
export type OutboxSender = Pick<SlackPoster, 'post' | 'update'>;

export type OutboxLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

/** What one delivery pass did. */
export interface DeliveryCounts {
  sent: number;
  /** Failed this time and scheduled again. */
  retrying: number;
  /** Given up on: a permanent Slack error, or too many attempts. */
  dead: number;
  /** Sent or failed after the lease ran out and another replica took the message over (logged). */
  leaseLost: number;
}
