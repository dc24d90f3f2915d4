// Shapes shared by the fake Slack Web API's modules: arguments, recorded calls, faults and errors.

/** Decoded arguments of one call (form fields or JSON body), with `blocks`/`view` parsed as JSON. */
export type SlackArgs = Record<string, unknown>;

/** What the fake answered, as Slack would: `{ ok: true, ... }` or `{ ok: false, error, ... }`. */
export type SlackResponseBody = Record<string, unknown> & { ok: boolean };

/** A fault injected with `failNext`: an HTTP 429 with Retry-After, an HTTP 500, or a Slack error. */
export type Fault =
  { status: 429; retryAfterSeconds: number } | { status: 500 } | { error: string };

export interface RecordedCall {
  /** Position since the fake started; increases by one per call and survives `clearCalls()`. */
  seq: number;
  /** A Web API method name, `response_url` for a POST to a response URL, `ack` for an ack body. */
  method: string;
  args: SlackArgs;
  token: string | undefined;
  at: Date;
  ok: boolean;
  /** Slack's error name when the call was rejected (including injected faults). */
  error?: string;
  /** Set when the answer came from `failNext` rather than from the fake's own checks. */
  fault?: Fault;
  httpStatus: number;
  response: SlackResponseBody;
}

/** A rejection with Slack's own error name, plus the detail lines Slack adds for invalid blocks. */
export class SlackMethodError extends Error {
  constructor(
    readonly code: string,
    readonly details: string[] = [],
  ) {
    super(details.length > 0 ? `${code}: ${details.join('; ')}` : code);
    this.name = 'SlackMethodError';
  }
}

/** Slack sends booleans as "true"/"1" in form bodies and as real booleans in JSON bodies. */
export function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function optionalString(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
