// What to do after a failed send (pure): give up at once, or try again after a backoff that
// honours Slack's Retry-After; and how long a send may hold its lease and a channel its slot.
import { ErrorCode } from '@slack/web-api';
import { slackFailure } from '../../slack/people/slack-error.js';

export interface RetryPolicy {
  /** Sends tried before the message is given up as dead. */
  maxAttempts: number;
  /** The wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
};

/** How long a replica holds a message it is sending; keep the Slack client's timeout well below. */
export const LEASE_MS = 30_000;

/** Slack accepts about one message per second per channel. */
export const CHANNEL_INTERVAL_MS = 1_000;

/** Slack errors that another try cannot fix: the message is dead at once. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'cannot_dm_bot',
  'user_not_found',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
]);

export interface SendFailure {
  /** Slack's error name, `ratelimited`, `http_500`, `unreachable` or `unknown`. */
  code: string;
  permanent: boolean;
  /** Slack's Retry-After, when it rate-limited the call. */
  retryAfterMs?: number;
  /** A short phrase for logs and last_error, with no token in it. */
  detail: string;
}

function retryAfterSeconds(error: unknown): number | undefined {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    retryAfter?: unknown;
    original?: { message?: unknown };
  };
  if (shape.code === ErrorCode.RateLimitedError && typeof shape.retryAfter === 'number') {
    return shape.retryAfter;
  }
  const text = String(shape.original?.message ?? '');
  const match = /retry-after: (\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function classifySendError(error: unknown): SendFailure {
  const { code, detail } = slackFailure(error);
  const failure: SendFailure = { code, permanent: PERMANENT_ERRORS.has(code), detail };
  const seconds = retryAfterSeconds(error);
  if (seconds !== undefined) failure.retryAfterMs = seconds * 1000;
  return failure;
}

export type FailureDecision =
  | { state: 'dead'; error: string }
  | { state: 'pending'; error: string; nextAttemptAt: Date; channelPausedUntil?: Date };

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped. */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

/** After the `attempts`-th send failed with `failure` at `now`. */
export function decideAfterFailure(
  failure: SendFailure,
  attempts: number,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): FailureDecision {
  if (failure.permanent) return { state: 'dead', error: failure.detail };
  if (attempts >= policy.maxAttempts) {
    return { state: 'dead', error: `${failure.detail} (gave up after ${attempts} attempts)` };
  }
  const retryAfter = failure.retryAfterMs ?? 0;
  const wait = Math.max(backoffMs(attempts, policy), retryAfter);
  const decision: FailureDecision = {
    state: 'pending',
    error: failure.detail,
    nextAttemptAt: new Date(now.getTime() + wait),
  };
  if (retryAfter > 0) decision.channelPausedUntil = new Date(now.getTime() + retryAfter);
  return decision;
}
