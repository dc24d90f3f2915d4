// The adapter's refusals as whole sentences: a capital first letter and a full stop, whatever the source.
import { translateError, type RequestTarget } from '../cluster/errors.js';
import { UserFacingError } from '../errors.js';

export function asSentence(error: UserFacingError): UserFacingError {
  const text = error.message.trim();
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
  return sentence === error.message ? error : new UserFacingError(sentence, { cause: error.cause });
}

/** A failed live API call (pod logs, the full event list) as the sentence a user sees. */
export function liveFailure(error: unknown, target: RequestTarget): UserFacingError {
  return asSentence(translateError(error, target));
}
