// The one global error handler: a user-facing error becomes an ephemeral sentence; anything else is
// logged with an error id and the user gets a short apology naming that id.
import { randomBytes } from 'node:crypto';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import { isUserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import { plainMessage, type SlackMessage } from './message.js';
import { postToResponseUrl } from './response-url.js';

type EphemeralSender = (channel: string, user: string, message: SlackMessage) => Promise<void>;

export function unwrapBoltError(error: Error): Error {
  const coded = error as Error & { original?: Error; originals?: Error[] };
  return coded.original ?? coded.originals?.[0] ?? error;
}

/** What the user is told for an error, and whether it needs a log line with an id. */
export function userMessageFor(error: unknown): { message: SlackMessage; errorId?: string } {
  if (isUserFacingError(error)) return { message: plainMessage(`:warning: ${error.message}`) };
  const errorId = randomBytes(4).toString('hex');
  return {
    errorId,
    message: plainMessage(
      `:x: Sorry, something went wrong on our side (error id \`${errorId}\`). ` +
        'Try again in a minute; if it keeps happening, give the error id to your platform team.',
    ),
  };
}

export function globalErrorHandler(logger: Logger, sendEphemeral: EphemeralSender) {
  return async ({ error, body }: ExtendedErrorHandlerArgs): Promise<void> => {
    const original = unwrapBoltError(error);
    const { message, errorId } = userMessageFor(original);
    const where = describeRequest(body);
    if (errorId) {
      logger.error({ err: original, errorId, ...where }, 'request failed');
    } else {
      logger.info(
        { ...where, reason: original.message },
        'request refused with a user-facing error',
      );
    }
    try {
      if (where.responseUrl) await postToResponseUrl(where.responseUrl, message);
      else if (where.channel && where.user) await sendEphemeral(where.channel, where.user, message);
    } catch (deliveryError) {
      logger.warn(
        { err: deliveryError, errorId, ...where },
        'could not tell the user about an error',
      );
    }
  };
}

interface RequestFacts {
  kind?: string;
  command?: string;
  user?: string;
  channel?: string;
  responseUrl?: string;
}

function describeRequest(body: unknown): RequestFacts {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const nested = (key: string, field: string): string | undefined => {
    const value = b[key];
    if (typeof value === 'object' && value !== null) {
      const inner = (value as Record<string, unknown>)[field];
      return typeof inner === 'string' ? inner : undefined;
    }
    return typeof value === 'string' && field === 'id' ? value : undefined;
  };
  const str = (key: string) => (typeof b[key] === 'string' ? (b[key] as string) : undefined);
  return {
    kind: str('type') ?? (str('command') ? 'slash_command' : undefined),
    command: str('command'),
    user: str('user_id') ?? nested('user', 'id'),
    channel: str('channel_id') ?? nested('channel', 'id'),
    responseUrl: str('response_url'),
  };
}
