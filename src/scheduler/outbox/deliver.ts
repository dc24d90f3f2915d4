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
    if (!message) continue;
    let ts: string;
    try {
      ts = await send(sender, message.channel, message.payload);
    } catch (error) {
      const decision = decideAfterFailure(classifySendError(error), message.attempts, now, policy);
      if (!(await markFailed(pool, message, decision))) counts.leaseLost++;
      else if (decision.state === 'dead') {
        counts.dead++;
        logger?.error({ ...describe(message), error: decision.error }, 'gave up on a message');
      } else {
        counts.retrying++;
        const retryAt = decision.nextAttemptAt.toISOString();
        logger?.warn({ ...describe(message), error: decision.error, retryAt }, 'send failed');
      }
      continue;
    }
    if (await markSent(pool, message, now, ts)) counts.sent++;
    else {
      counts.leaseLost++;
      logger?.warn(
        describe(message),
        'sent after its lease ran out; another replica may send it too',
      );
    }
  }
  return counts;
}
