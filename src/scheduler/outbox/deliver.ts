// One delivery pass: lease the ready messages (one per channel whose slot is free), send each
// through Slack outside any transaction, then record sent, retry later, or dead.
import type pg from 'pg';
import type { OutboxPayload } from './enqueue.js';
import { leaseMessage, markFailed, markSent, readyMessages, type LeasedMessage } from './lease.js';
import {
  CHANNEL_INTERVAL_MS,
  DEFAULT_RETRY_POLICY,
  LEASE_MS,
  classifySendError,
  decideAfterFailure,
  type RetryPolicy,
} from './retry-policy.js';
import type { DeliveryCounts, OutboxLogger, OutboxSender } from './types.js';

export interface DeliverOptions {
  logger?: OutboxLogger;
  policy?: RetryPolicy;
  /** At most this many messages per pass (default 50). */
  batchSize?: number;
}

async function send(sender: OutboxSender, channel: string, payload: OutboxPayload) {
  const message = { text: payload.text, blocks: payload.blocks };
  if (payload.updateTs !== undefined) {
    await sender.update(channel, payload.updateTs, message);
    return payload.updateTs;
  }
  const options = payload.threadTs !== undefined ? { threadTs: payload.threadTs } : undefined;
  return (await sender.post(channel, message, options)).ts;
}

function describe(message: LeasedMessage) {
  return { outboxId: message.id, channel: message.channel, postKey: message.postKey ?? undefined };
}

type Outcome = keyof DeliveryCounts;

/** Sends one leased message and records the outcome while the lease still holds. */
async function deliverOne(
  pool: pg.Pool,
  sender: OutboxSender,
  message: LeasedMessage,
  now: Date,
  policy: RetryPolicy,
  logger: OutboxLogger | undefined,
): Promise<Outcome> {
  let ts: string;
  try {
    ts = await send(sender, message.channel, message.payload);
  } catch (error) {
    const decision = decideAfterFailure(classifySendError(error), message.attempts, now, policy);
    if (!(await markFailed(pool, message, decision))) {
      logger?.warn(
        describe(message),
        'send failed after its lease ran out; left to its new holder',
      );
      return 'leaseLost';
    }
    if (decision.state === 'dead') {
      logger?.error({ ...describe(message), error: decision.error }, 'gave up on a message');
      return 'dead';
    }
    const retryAt = decision.nextAttemptAt.toISOString();
    logger?.warn({ ...describe(message), error: decision.error, retryAt }, 'send failed');
    return 'retrying';
  }
  if (await markSent(pool, message, now, ts)) return 'sent';
  logger?.warn(describe(message), 'sent after its lease ran out; another replica may send it too');
  return 'leaseLost';
}

/** Sends what is due at `now`; a failure of one message never stops the others. */
export async function deliverDue(
  pool: pg.Pool,
  sender: OutboxSender,
  now: Date,
  options: DeliverOptions = {},
): Promise<DeliveryCounts> {
  const { logger, policy = DEFAULT_RETRY_POLICY, batchSize = 50 } = options;
  const counts: DeliveryCounts = { sent: 0, retrying: 0, dead: 0, leaseLost: 0 };
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const nextSlot = new Date(now.getTime() + CHANNEL_INTERVAL_MS);
  for (const id of await readyMessages(pool, now, batchSize)) {
    const message = await leaseMessage(pool, id, now, leaseUntil, nextSlot);
    if (message) counts[await deliverOne(pool, sender, message, now, policy, logger)]++;
  }
  return counts;
}
