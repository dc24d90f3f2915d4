// How the fake answers a call: Slack's `{ ok, ... }` body, HTTP status and error name, on the wire.
import type { ServerResponse } from 'node:http';
import type { Fault, RecordedCall } from './types.js';

export type Answer = Pick<RecordedCall, 'ok' | 'error' | 'fault' | 'httpStatus' | 'response'>;

export function succeed(fields: Record<string, unknown>): Answer {
  return { ok: true, httpStatus: 200, response: { ok: true, ...fields } };
}

/**
 * A refusal as Slack words it; detail lines go where Slack puts them (`errors` for invalid_blocks,
 * `response_metadata.messages` prefixed with `[ERROR]` for every error that has them).
 */
export function failure(code: string, details: string[] = [], httpStatus = 200): Answer {
  const response: RecordedCall['response'] = { ok: false, error: code };
  if (code === 'invalid_blocks') response.errors = details;
  if (details.length > 0) {
    response.response_metadata = { messages: details.map((line) => `[ERROR] ${line}`) };
  }
  return { ok: false, error: code, httpStatus, response };
}

/** An injected fault: HTTP 429 `ratelimited` (with Retry-After), HTTP 500, or a Slack error. */
export function faultAnswer(fault: Fault): Answer {
  if ('error' in fault) return { ...failure(fault.error), fault };
  if (fault.status === 429) return { ...failure('ratelimited', [], 429), fault };
  return { ...failure('internal_error', [], 500), fault };
}

export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
