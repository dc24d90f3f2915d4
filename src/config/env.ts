// The runtime environment: the only module that reads process.env, validated into a typed RuntimeEnv.
import { z } from 'zod';
import { UserFacingError } from '../errors.js';

export type SlackMode =
  | { kind: 'http'; botToken: string; signingSecret: string }
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret?: string }
  | { kind: 'none' };

export interface RuntimeEnv {
  slack: SlackMode;
  slackApiUrl?: string;
  databaseUrl?: string;
  kubeconfig?: string;
  appConfigPath: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  /** Where people reach the app from outside (calendar links); default http://localhost:PORT. */
  publicUrl: string;
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.string().trim().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().trim().min(1).optional(),
  SLACK_APP_TOKEN: z.string().trim().min(1).optional(),
  SLACK_API_URL: z
    .url({ message: 'SLACK_API_URL must be a URL like https://slack.com/api/' })
    .optional(),
  DATABASE_URL: z.string().trim().min(1).optional(),
  KUBECONFIG: z.string().trim().min(1).optional(),
  APP_CONFIG: z.string().trim().min(1).default('./app.yaml'),
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WATCHKEEPER_DATA_DIR: z.string().trim().min(1).default('.data'),
  PUBLIC_URL: z
    .url({ message: 'PUBLIC_URL must be a URL like https://watchkeeper.example.com' })
    .optional(),
});

/** Reads and checks the environment; a bad value is a UserFacingError naming the variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): RuntimeEnv {
  const blankToUndefined = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new UserFacingError(`The environment is not usable: ${lines.join('; ')}.`);
  }
  const env = parsed.data;
  return {
    slack: slackMode(env),
    slackApiUrl: env.SLACK_API_URL,
    databaseUrl: env.DATABASE_URL,
    kubeconfig: env.KUBECONFIG,
    appConfigPath: env.APP_CONFIG,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir: env.WATCHKEEPER_DATA_DIR,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  };
}

function slackMode(env: z.infer<typeof envSchema>): SlackMode {
  if (env.SLACK_APP_TOKEN) {
    if (!env.SLACK_BOT_TOKEN) {
      throw new UserFacingError(
        'SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Socket Mode needs both (see README, "Environment").',
      );
    }
    return {
      kind: 'socket',
      botToken: env.SLACK_BOT_TOKEN,
      appToken: env.SLACK_APP_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
    };
  }
  if (env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET) {
    return { kind: 'http', botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET };
  }
  if (env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET) {
    const missing = env.SLACK_BOT_TOKEN ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN';
    throw new UserFacingError(
      `${missing} is not set: HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README, "Environment").`,
    );
  }
  return { kind: 'none' };
}

/** Just the configuration path, for commands that need nothing else from the environment. */
export function configPathFromEnv(
  source: Record<string, string | undefined> = process.env,
): string {
  return source.APP_CONFIG?.trim() || './app.yaml';
}
