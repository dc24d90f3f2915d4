// The one error type whose message is safe and meant to be shown to a user, as a plain sentence.

/**
 * An error "suitable to be printed to the end user": the message says what failed and what to do,
 * and never contains a stack trace, a token or a raw API error.
 */
export class UserFacingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
