// Bolt global middleware: a request id and a child logger per Slack request, one JSON line when the
// request is done, and its latency and outcome counted for /metrics.
import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import { isUserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import { unwrapBoltError } from '../slack/error-handler.js';
import type { AppMetrics, RequestOutcome } from './app-metrics.js';

/** Names Slack sends for our own commands and buttons; anything else is counted as `other`. */
const LABEL = /^[A-Za-z0-9_./:-]{1,64}$/;

interface RequestFacts {
  kind: string;
  command?: string;
  actionId?: string;
  callbackId?: string;
  event?: string;
  user?: string;
  channel?: string;
}

/** The logger of the request whose Bolt context this is (with its requestId), else `fallback`. */
export function requestLogger(context: Context | undefined, fallback: Logger): Logger {
  const requestId: unknown = context?.requestId;
  return typeof requestId === 'string' ? fallback.child({ requestId }) : fallback;
}

export function requestContext(logger: Logger, metrics: AppMetrics): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const started = performance.now();
    const requestId = randomUUID();
    context.requestId = requestId;
    let outcome: RequestOutcome = 'ok';
    try {
      await next();
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const facts = describe(body);
      if (facts.command) metrics.command(label(facts.command), outcome, seconds);
      if (facts.actionId) metrics.action(label(facts.actionId), outcome, seconds);
      const durationMs = Math.round(seconds * 10_000) / 10;
      logger.child({ requestId }).info({ ...facts, outcome, durationMs }, 'slack request handled');
    }
  };
}

function outcomeOf(error: unknown): RequestOutcome {
  const original = error instanceof Error ? unwrapBoltError(error) : error;
  return isUserFacingError(original) ? 'user_error' : 'error';
}

function label(value: string): string {
  return LABEL.test(value) ? value : 'other';
}

function describe(body: AnyMiddlewareArgs['body']): RequestFacts {
  const b = body as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const field = (value: unknown, key: string) =>
    typeof value === 'object' && value !== null
      ? text((value as Record<string, unknown>)[key])
      : undefined;
  const command = text(b.command);
  const actions = Array.isArray(b.actions) ? (b.actions as unknown[]) : [];
  const event = b.event;
  return {
    kind: command ? 'slash_command' : (text(b.type) ?? 'unknown'),
    command,
    actionId: field(actions[0], 'action_id'),
    callbackId: field(b.view, 'callback_id'),
    event: field(event, 'type'),
    user: text(b.user_id) ?? field(b.user, 'id') ?? field(event, 'user'),
    channel: text(b.channel_id) ?? field(b.channel, 'id') ?? field(event, 'channel'),
  };
}
