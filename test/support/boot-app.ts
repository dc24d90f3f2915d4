// Boots the real app in-process on a free port against the fake Slack Web API and an isolated database.
import { Writable } from 'node:stream';
import { ManualClock, type Clock } from '../../src/clock.js';
import { readEnv } from '../../src/config/env.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { AppConfig } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { startWatchkeeper, type RunningWatchkeeper } from '../../src/main.js';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { SlackRequester } from './slack-requests.js';
import { createTestDatabase } from './test-database.js';

export const testBotToken = 'xoxb-test-token';
export const testSigningSecret = 'test-signing-secret-0123456789';

export interface BootOptions {
  /** app.yaml text, an AppConfig, or nothing for the repository's app.yaml. */
  config?: string | AppConfig;
  clock?: Clock;
  /** An existing fake Slack (several app instances can share one). */
  slack?: FakeSlackApi;
  /** An existing database URL (several app instances can share one). */
  databaseUrl?: string;
  /** Extra environment, e.g. SLACK_APP_TOKEN and SLACK_API_URL for Socket Mode. */
  env?: Record<string, string>;
  /** A kubeconfig file whose contexts the configuration's clusters name (env KUBECONFIG). */
  kubeconfigPath?: string;
}

export interface BootedApp {
  baseUrl: string;
  slack: FakeSlackApi;
  requester: SlackRequester;
  clock: Clock;
  config: AppConfig;
  databaseUrl: string;
  /** Every JSON log line the app wrote. */
  logs: string[];
  app: RunningWatchkeeper;
  stop(): Promise<void>;
}

export async function bootApp(options: BootOptions = {}): Promise<BootedApp> {
  const slack = options.slack ?? (await FakeSlackApi.start());
  const database = options.databaseUrl ? undefined : await createTestDatabase();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const config = resolveConfig(options.config);
  const clock = options.clock ?? new ManualClock('2026-11-23T10:00:00Z');
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const env = readEnv({
    SLACK_BOT_TOKEN: testBotToken,
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: slack.url,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    ...(options.kubeconfigPath ? { KUBECONFIG: options.kubeconfigPath } : {}),
    ...options.env,
  });
  const app = await startWatchkeeper({
    env,
    config,
    clock,
    logger: createLogger('info', sink),
    webApiRetries: 0,
  });
  const baseUrl = `http://127.0.0.1:${app.port}`;
  const requester = new SlackRequester({
    appUrl: `${baseUrl}/slack/events`,
    signingSecret: testSigningSecret,
    fakeSlack: slack,
  });
  return {
    baseUrl,
    slack,
    requester,
    clock,
    config,
    databaseUrl,
    logs,
    app,
    async stop() {
      await app.stop();
      if (!options.slack) await slack.close();
      await database?.close();
    },
  };
}

function resolveConfig(config: BootOptions['config']): AppConfig {
  if (config === undefined) return loadConfig('app.yaml');
  return typeof config === 'string' ? parseConfig(config) : config;
}
