// The JSON logger: pino, with every token, secret and authorization header redacted wherever it appears.
import { pino, type Logger } from 'pino';

export type { Logger };

const secretKeys = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'password',
  'databaseUrl',
  'DATABASE_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
];

const redactPaths = secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const tokenPattern = /\b(xox[abpre]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)/g;

/** Replaces anything shaped like a Slack token inside free text (error messages can carry them). */
export function scrubSecrets(text: string): string {
  return text.replace(tokenPattern, '[redacted]');
}

export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  name = 'watchkeeper',
): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (err: Error) => ({
          type: err.name,
          message: scrubSecrets(err.message),
          stack: err.stack ? scrubSecrets(err.stack) : undefined,
        }),
      },
    },
    destination,
  );
}
