// Turns what @slack/web-api throws into Slack's error name and whether trying again later may help.
import { ErrorCode } from '@slack/web-api';
import { scrubSecrets } from '../../log.js';

export interface SlackFailure {
  /** Slack's error name (`invalid_users`, `missing_scope`, `ratelimited`), or `unreachable` / `http_503`. */
  code: string;
  /** True for outages and rate limits; false when Slack refused the request itself. */
  transient: boolean;
  /** A short phrase for logs and messages, e.g. "Slack says missing_scope (needs users:read.email)". */
  detail: string;
}

const transientCodes = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  original?: { message?: unknown };
  data?: { error?: unknown; needed?: unknown };
}

export function slackFailure(error: unknown): SlackFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const message = scrubSecrets(String(shape.message ?? error));
  if (shape.code === ErrorCode.PlatformError && typeof shape.data?.error === 'string') {
    const code = shape.data.error;
    const needed = typeof shape.data.needed === 'string' ? ` (needs ${shape.data.needed})` : '';
    return { code, transient: transientCodes.has(code), detail: `Slack says ${code}${needed}` };
  }
  // Rate limits past the client's retries surface as a request error wrapping a plain Error.
  const original = scrubSecrets(String(shape.original?.message ?? message));
  if (
    shape.code === ErrorCode.RateLimitedError ||
    original.startsWith('A rate limit was exceeded')
  ) {
    return { code: 'ratelimited', transient: true, detail: 'Slack rate-limited the bot' };
  }
  if (shape.code === ErrorCode.HTTPError) {
    const status = Number(shape.statusCode);
    return {
      code: `http_${status}`,
      transient: true,
      detail: `Slack answered HTTP ${status}`,
    };
  }
  if (shape.code === ErrorCode.RequestError) {
    return { code: 'unreachable', transient: true, detail: `could not reach Slack (${original})` };
  }
  return { code: 'unknown', transient: true, detail: message };
}
