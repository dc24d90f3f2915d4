// Per-request options for the generated API clients: a timeout, so no call to a silent cluster hangs forever.
import { Observable, type ConfigurationOptions } from '@kubernetes/client-node';

/** Aborts the request (and the reading of its body) after `timeoutMs`. */
export function withTimeout(timeoutMs: number): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: (context) => {
          context.setSignal(AbortSignal.timeout(timeoutMs));
          return new Observable(Promise.resolve(context));
        },
        post: (response) => new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}
