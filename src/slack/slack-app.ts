// Builds the Bolt app in HTTP mode (events at POST /slack/events) or Socket Mode, with every Web API
// call sent to SLACK_API_URL, health routes, JSON logs and the global error handler.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  App,
  LogLevel,
  type AnyMiddlewareArgs,
  type CustomRoute,
  type Middleware,
} from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import type { FetchFunction, WebClient } from '@slack/web-api';
import type { SlackMode } from '../config/env.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import { requestLogger } from '../metrics/request-context.js';
import { boltLogger } from './bolt-logger.js';
import { globalErrorHandler } from './error-handler.js';
import { healthRoutes, type ReadinessCheck } from './health-routes.js';
import type { SlackMessage } from './message.js';

export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'none' }>;
  slackApiUrl?: string;
  port: number;
  logger: Logger;
  readiness: ReadinessCheck[];
  /** Extra HTTP routes served next to /slack/events (e.g. calendar feeds). */
  routes?: CustomRoute[];
  /** Retries of the Web API client; the outbox retries posts itself, so keep this small. */
  webApiRetries?: number;
  /** Global middleware run for every request before its listener (request ids, metrics). */
  middleware?: Array<Middleware<AnyMiddlewareArgs>>;
  /** The fetch of every Web API client Bolt makes (counted for /metrics). */
  fetch?: FetchFunction;
}

export interface SlackRuntime {
  app: App;
  client: WebClient;
  /** Checks the token with auth.test (the Web API client works from here on). */
  init(): Promise<void>;
  /** Starts taking requests; resolves with the HTTP port. */
  listen(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

export function createSlackApp(options: SlackAppOptions): SlackRuntime {
  const { mode, logger } = options;
  const clientOptions = {
    slackApiUrl: options.slackApiUrl,
    retryConfig: { retries: options.webApiRetries ?? 2 },
    fetch: options.fetch,
  };
  let slackReady = false;
  const readiness: ReadinessCheck[] = [
    ...options.readiness,
    {
      name: 'slack',
      check: async () => {
        if (!slackReady) throw new Error('Slack not ready');
      },
    },
  ];
  const customRoutes: CustomRoute[] = [...healthRoutes(readiness), ...(options.routes ?? [])];
  const common = {
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions,
    customRoutes,
    extendedErrorHandler: true as const,
    deferInitialization: true,
    // Bolt's per-channel conversation store is unused here; without it no request pays for it.
    convoStore: false as const,
  };
  const app =
    mode.kind === 'http'
      ? new App({
          ...common,
          token: mode.botToken,
          signingSecret: mode.signingSecret,
          processBeforeResponse: false,
        })
      : new App({
          ...common,
          token: mode.botToken,
          appToken: mode.appToken,
          socketMode: true,
          installerOptions: { port: options.port, clientOptions },
        });

  for (const middleware of options.middleware ?? []) app.use(middleware);
  const sendEphemeral = async (channel: string, user: string, message: SlackMessage) => {
    await app.client.chat.postEphemeral({
      channel,
      user,
      text: message.text,
      blocks: message.blocks,
    });
  };
  app.error((args: ExtendedErrorHandlerArgs) =>
    globalErrorHandler(requestLogger(args.context, logger), sendEphemeral)(args),
  );

  return {
    app,
    client: app.client,
    async init() {
      try {
        await app.init();
      } catch (error) {
        throw slackStartError(error, options.slackApiUrl);
      }
    },
    async listen() {
      slackReady = true;
      const started = (await app.start(options.port)) as unknown;
      const port =
        mode.kind === 'http' ? ((started as Server).address() as AddressInfo).port : options.port;
      logger.info({ mode: mode.kind, port }, 'listening for Slack');
      return { port };
    },
    async stop() {
      slackReady = false;
      await app.stop();
    },
  };
}

function slackStartError(error: unknown, slackApiUrl: string | undefined): UserFacingError {
  const where = slackApiUrl ?? 'https://slack.com/api/';
  const code = (error as { data?: { error?: string }; code?: string }).data?.error;
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive') {
    return new UserFacingError(
      `Slack refused the bot token (${code}). Check SLACK_BOT_TOKEN; it starts with xoxb-.`,
    );
  }
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new UserFacingError(
    `Could not reach the Slack Web API at ${where} (${reason}). Check SLACK_API_URL and the network.`,
  );
}
