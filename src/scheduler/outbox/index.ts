// The durable outbox: enqueue in the caller's transaction, deliver with leases, pacing and retries.
export { deliverDue, type DeliverOptions } from './deliver.js';
export { enqueue, type OutboxPayload } from './enqueue.js';
export {
  CHANNEL_INTERVAL_MS,
  DEFAULT_RETRY_POLICY,
  LEASE_MS,
  backoffMs,
  classifySendError,
  decideAfterFailure,
  type FailureDecision,
  type RetryPolicy,
  type SendFailure,
} from './retry-policy.js';
export type { DeliveryCounts, OutboxLogger, OutboxMessage, OutboxSender } from './types.js';
