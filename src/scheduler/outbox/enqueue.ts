// Puts a message into the outbox, on the caller's client so it can share the caller's transaction.
import type { Queryable } from '../../oncall/store/sql.js';
import type { OutboxMessage } from './types.js';

/** What the payload column holds. */
export interface OutboxPayload {
  text: string;
  blocks: OutboxMessage['message']['blocks'];
  threadTs?: string;
  updateTs?: string;
}

export function payloadOf(message: OutboxMessage): OutboxPayload {
  const payload: OutboxPayload = { text: message.message.text, blocks: message.message.blocks };
  if (message.threadTs !== undefined) payload.threadTs = message.threadTs;
  if (message.updateTs !== undefined) payload.updateTs = message.updateTs;
  return payload;
}

/** Queues `message` to be sent from `now` on; returns the outbox row's id. */
export async function enqueue(
  client: Queryable,
  message: OutboxMessage,
  now: Date,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO outbox (post_key, channel, payload, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $4)
     RETURNING id`,
    [message.postKey ?? null, message.channel, JSON.stringify(payloadOf(message)), now],
  );
  const row = rows[0];
  if (!row) throw new Error('outbox insert returned no row');
  return row.id;
}
