// `watchkeeper start`: runs the app until SIGTERM/SIGINT, then shuts down gracefully.
import { readEnv } from '../config/env.js';
import { createLogger } from '../log.js';
import { missingSlackCredentials, startWatchkeeper } from '../main.js';

export async function startCommand(): Promise<number> {
  const env = readEnv();
  if (env.slack.kind === 'none') {
    console.error(`watchkeeper: ${missingSlackCredentials}`);
    return 1;
  }
  const logger = createLogger(env.logLevel);
  const running = await startWatchkeeper({ env, logger });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return 0;
}
