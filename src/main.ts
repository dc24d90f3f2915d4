// The composition root: config → database → Slack → commands. Nothing else wires the app together.
import { join } from 'node:path';
import { oncallCommand } from '../commands/oncall.js';
import { changeSubcommands } from '../commands/oncall/change-subcommands.js';
import { readSubcommands } from '../commands/oncall/read-subcommands.js';
import { swapActionModules } from '../commands/oncall/swap-actions.js';
import { systemClock, type Clock } from './clock.js';
import type { RuntimeEnv } from './config/env.js';
import { loadConfig } from './config/load.js';
import type { AppConfig } from './config/schema.js';
import { openDatabase } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { UserFacingError } from './errors.js';
import { OncallReader } from './oncall/oncall-reader.js';
import { OncallChanges } from './oncall/oncall-changes.js';
import { recordRosters } from './oncall/roster-recorder.js';
import { OncallStore } from './oncall/store/index.js';
import { registerActions } from './slack/actions.js';
import { webPoster } from './slack/web-poster.js';
import { createLogger, type Logger } from './log.js';
import { registerCommands } from './slack/commands.js';
import { createSlackApp } from './slack/slack-app.js';

export interface StartOptions {
  env: RuntimeEnv;
  clock?: Clock;
  logger?: Logger;
  /** Already-loaded configuration; read from env.appConfigPath when absent. */
  config?: AppConfig;
  /** Web API client retries (tests use 0). */
  webApiRetries?: number;
}

export interface RunningWatchkeeper {
  port: number;
  stop(): Promise<void>;
}

export const missingSlackCredentials =
  'No Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode), or SLACK_BOT_TOKEN and ' +
  'SLACK_APP_TOKEN (Socket Mode) — see README.md, section "Environment".';

export async function startWatchkeeper(options: StartOptions): Promise<RunningWatchkeeper> {
  const { env } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(env.logLevel);
  const config = options.config ?? loadConfig(env.appConfigPath);
  if (env.slack.kind === 'none') throw new UserFacingError(missingSlackCredentials);
  logger.info(
    {
      clusters: config.clusters.map((c) => c.name),
      teams: config.teams.map((t) => t.name),
      rotations: config.teams.flatMap((t) => t.rotations.map((r) => r.name)),
    },
    'configuration loaded',
  );

  const db = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: join(env.dataDir, 'pglite'),
    logger,
  });
  try {
    await runMigrations(db, { logger });
    const slack = createSlackApp({
      mode: env.slack,
      slackApiUrl: env.slackApiUrl,
      port: env.port,
      logger,
      readiness: [{ name: 'database', check: () => db.ping() }],
      webApiRetries: options.webApiRetries,
    });
    const store = new OncallStore(db.pool);
    const rosters = await recordRosters(store, config, clock.now());
    for (const roster of rosters) logger.info(roster, 'roster version recorded');
    const reader = new OncallReader({ config, changes: store, clock });
    const changes = new OncallChanges({ reader, store, clock });
    const poster = webPoster(slack.client);
    registerCommands(slack.app, [
      oncallCommand({
        ...readSubcommands(reader),
        ...changeSubcommands({ reader, changes, poster, clock }),
      }),
    ]);
    registerActions(slack.app, swapActionModules(changes));
    const { port } = await slack.start();
    logger.info({ port, database: db.description }, 'watchkeeper started');
    return {
      port,
      async stop() {
        await slack.stop();
        await db.close();
        logger.info('watchkeeper stopped');
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
