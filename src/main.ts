// The composition root: config → database → Slack → on-call services → commands → periodic jobs.
// Nothing else wires the app together.
import { join } from 'node:path';
import { k8sCommand } from '../commands/k8s.js';
import { logCommand } from '../commands/log.js';
import { k8sSubcommands } from '../commands/k8s/read-subcommands.js';
import { auditSubcommand } from '../commands/k8s/audit.js';
import { breakGlassModalModule, rollbackActionModules } from '../commands/k8s/rollback-actions.js';
import { rollbackSubcommand } from '../commands/k8s/rollback.js';
import { createRollbackFlow } from './rollback/service/flow.js';
import { slackGroupLister } from './rollback/service/user-groups.js';
import { oncallCommand } from '../commands/oncall.js';
import { changeSubcommands } from '../commands/oncall/change-subcommands.js';
import { calendarSubcommand } from '../commands/oncall/calendar.js';
import { coverActionModules, coverSubcommand } from '../commands/oncall/cover.js';
import { overrideModalModule } from '../commands/oncall/override-modal.js';
import { readSubcommands } from '../commands/oncall/read-subcommands.js';
import { swapActionModules } from '../commands/oncall/swap-actions.js';
import { handoffActionModules, handoffNoteModalModule } from '../commands/handoff-actions.js';
import { durationMs } from './config/durations.js';
import { loadRotationContexts } from './oncall/rotation-context.js';
import { RollbackStore } from './rollback/store/index.js';
import { firstSentAt, skippedSince } from './scheduler/claims.js';
import { handoffNudgeJob } from './scheduler/handoff-nudges.js';
import { PostScheduler } from './scheduler/post-scheduler.js';
import { scheduledPostRenderer } from './slack/scheduled-posts.js';
import { DigestGatherer } from './statuslog/digest.js';
import { HandoffStore } from './statuslog/handoff-store.js';
import { Handoffs } from './statuslog/handoffs.js';
import { systemClock, type Clock } from './clock.js';
import { ClusterRegistry } from './cluster/registry.js';
import { ClusterQueries } from './cluster-queries/index.js';
import type { RuntimeEnv } from './config/env.js';
import { loadConfig } from './config/load.js';
import type { AppConfig } from './config/schema.js';
import { openDatabase } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { UserFacingError } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { CalendarFeeds } from './oncall/calendar-feed.js';
import { CoverRequests } from './oncall/cover-requests.js';
import { OncallChanges } from './oncall/oncall-changes.js';
import { OncallReader } from './oncall/oncall-reader.js';
import { recordRosters } from './oncall/roster-recorder.js';
import { OncallStore } from './oncall/store/index.js';
import { userGroupSyncJob } from './oncall/user-groups/sync-job.js';
import { UserGroupSync } from './oncall/user-groups/sync.js';
import { coverRequestJobs } from './scheduler/cover-jobs.js';
import { Ticker } from './scheduler/ticker.js';
import { registerActions } from './slack/actions.js';
import { registerAppHome } from './slack/app-home.js';
import { calendarRoute } from './slack/calendar-route.js';
import { registerCommands } from './slack/commands.js';
import { slackDisplayNames } from './slack/people/display-names.js';
import { resolvePeople } from './slack/people/resolve-people.js';
import { slackDirectory } from './slack/people/slack-directory.js';
import { slackUserGroups } from './slack/people/slack-user-groups.js';
import { createSlackApp } from './slack/slack-app.js';
import { createWebClient } from './slack/web-client.js';
import { modalOpener, webPoster } from './slack/web-poster.js';
import { registerModals } from './slack/modals.js';
import { registerThreadReplies } from './slack/thread-replies.js';
import { LogStore } from './statuslog/log-store.js';
import { AppMetrics } from './metrics/app-metrics.js';
import { countedPostJob } from './metrics/delivery-job.js';
import { metricsRoute } from './metrics/metrics-route.js';
import { requestContext } from './metrics/request-context.js';
import { meteredFetch } from './metrics/slack-fetch.js';
import { registerStateGauges } from './metrics/state-gauges.js';
import { DEFAULT_SILENCE_MS } from './notices/render.js';
import { RolloutNotices } from './notices/rollout-notices.js';
import { noticeActionModules } from './notices/silence-actions.js';
import { NoticeStore } from './notices/store.js';
import { StatusLog } from './statuslog/status-log.js';

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
  /** Runs the periodic jobs now, at the clock's time (tests and the sandbox travel in time). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export const missingSlackCredentials =
  'No Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode), or SLACK_BOT_TOKEN and ' +
  'SLACK_APP_TOKEN (Socket Mode) — see README.md, section "Environment".';

export async function startWatchkeeper(options: StartOptions): Promise<RunningWatchkeeper> {
  const { env } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(env.logLevel);
  const loadedConfig = options.config ?? loadConfig(env.appConfigPath);
  if (env.slack.kind === 'none') throw new UserFacingError(missingSlackCredentials);
  logger.info(configSummary(loadedConfig), 'configuration loaded');

  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  const db = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: join(env.dataDir, 'pglite'),
    logger,
  });
  closers.push(() => db.close());
  try {
    await runMigrations(db, { logger });
    const metrics = new AppMetrics();
    const slackFetch = meteredFetch(metrics);
    const clusters = await ClusterRegistry.start({
      onWatchRestart: (cluster, resource) => metrics.watchRestart(cluster, resource),
      clusters: loadedConfig.clusters,
      kubeconfigPath: env.kubeconfig,
      clock,
      logger,
    });
    closers.push(() => clusters.stop());
    registerStateGauges(metrics, { pool: db.pool, clusters, logger });
    const web = createWebClient(env.slack.botToken, env.slackApiUrl, options.webApiRetries, {
      fetch: slackFetch,
    });
    const people = await resolvePeople(loadedConfig, slackDirectory(web), logger);
    const config = people.config;
    const store = new OncallStore(db.pool);
    const complete = withoutRotations(config, people.incompleteRotations);
    for (const roster of await recordRosters(store, complete, clock.now())) {
      logger.info(roster, 'roster version recorded');
    }
    const calendars = new CalendarFeeds({
      config,
      store,
      changes: store,
      clock,
      displayName: slackDisplayNames(web),
      publicUrl: env.publicUrl,
    });

    const slack = createSlackApp({
      mode: env.slack,
      slackApiUrl: env.slackApiUrl,
      port: env.port,
      logger,
      readiness: [{ name: 'database', check: () => db.ping() }],
      routes: [
        calendarRoute((token) => calendars.render(token), logger),
        metricsRoute(metrics.registry, logger),
      ],
      webApiRetries: options.webApiRetries,
      middleware: [requestContext(logger, metrics)],
      fetch: slackFetch,
    });
    await slack.init();
    closers.push(() => slack.stop());

    const poster = webPoster(slack.client);
    const logStore = new LogStore(db.pool);
    const statusLog = new StatusLog({ config, store: logStore, clock });
    const openModal = modalOpener(slack.client);
    const reader = new OncallReader({ config, changes: store, clock });
    const changes = new OncallChanges({ reader, store, clock });
    const covers = new CoverRequests({ config, reader, store, clock });
    const coverDeps = { reader, covers, poster, clock };
    const queries = new ClusterQueries({ config, clusters, clock });
    const rollbacks = createRollbackFlow({
      config,
      pool: db.pool,
      clusters,
      poster,
      changes: store,
      listUserGroups: slackGroupLister(slack.client),
      clock,
      logger,
    });
    registerCommands(slack.app, [
      oncallCommand({
        ...readSubcommands(reader),
        ...changeSubcommands({ reader, changes, covers, poster, openModal, clock }),
        cover: coverSubcommand(coverDeps),
        calendar: calendarSubcommand(calendars),
      }),
      k8sCommand({
        ...k8sSubcommands(queries),
        ...rollbackSubcommand(rollbacks.offers),
        ...auditSubcommand(rollbacks.audit),
      }),
      logCommand(statusLog),
    ]);
    registerThreadReplies(slack.app, statusLog);
    registerActions(slack.app, [...swapActionModules(changes), ...coverActionModules(coverDeps)]);
    registerAppHome(slack.app, reader);
    registerModals(slack.app, [overrideModalModule({ reader, changes, poster, openModal, clock })]);
    registerActions(slack.app, rollbackActionModules(rollbacks.service, openModal));
    registerModals(slack.app, [breakGlassModalModule(rollbacks.service)]);

    const groupSync = new UserGroupSync({
      slack: slackUserGroups(slack.client),
      logger,
      state: {
        get: (id) => store.userGroupState(id),
        record: (id, members, now) => store.recordUserGroupSync(id, members, now),
        recordRefusal: (id, refusal, now) => store.recordUserGroupRefusal(id, refusal, now),
      },
      notify: async (channel, text) => {
        await poster.post(channel, { text, blocks: [] });
      },
    });
    const rollbackStore = new RollbackStore(db.pool);
    const handoffStore = new HandoffStore(db.pool);
    const handoffs = new Handoffs({ config, changes: store, store: handoffStore, clock });
    registerActions(slack.app, handoffActionModules(handoffs, openModal));
    registerModals(slack.app, [handoffNoteModalModule(handoffs)]);
    const digests = new DigestGatherer({
      config,
      clock,
      queries,
      clusters,
      oncallStore: store,
      rollbacks: rollbackStore,
      logs: logStore,
      handoffs: handoffStore,
      skippedSince: async (team, since) => {
        const first = await firstSentAt(db.pool);
        const from = first && first > since ? first : since;
        return (await skippedSince(db.pool, team, from)).length;
      },
    });
    const outboxClient = createWebClient(env.slack.botToken, env.slackApiUrl, 0, {
      rejectRateLimitedCalls: true,
      fetch: slackFetch,
      timeout: 10_000,
    });
    const postScheduler = new PostScheduler({
      pool: db.pool,
      config: complete,
      contexts: (window) => loadRotationContexts(store, complete.teams, window),
      render: scheduledPostRenderer(config, digests),
      sender: webPoster(outboxClient),
      logger,
      graceMs: durationMs(config.scheduler.grace),
    });
    const noticeStore = new NoticeStore(db.pool);
    const rolloutNotices = new RolloutNotices({
      notices: config.notices,
      clusters,
      store: noticeStore,
      poster,
      cards: rollbacks.cards,
      rollbacks: rollbackStore,
      logger,
    });
    registerActions(
      slack.app,
      noticeActionModules({ store: noticeStore, clock, silenceMs: DEFAULT_SILENCE_MS }),
    );
    const ticker = new Ticker(
      [
        rolloutNotices.tickJob(),
        countedPostJob(postScheduler, metrics),
        handoffNudgeJob(handoffStore, handoffs, poster),
        userGroupSyncJob({ config, changes: store, sync: groupSync }),
        ...coverRequestJobs(store, poster),
        ...rollbacks.jobs,
      ],
      clock,
      logger,
    );

    const { port } = await slack.listen();
    ticker.start();
    closers.push(() => ticker.stop());
    logger.info({ port, database: db.description }, 'watchkeeper started');
    return {
      port,
      tick: () => ticker.tick(),
      async stop() {
        await closeAll();
        logger.info('watchkeeper stopped');
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function configSummary(config: AppConfig) {
  return {
    clusters: config.clusters.map((c) => c.name),
    teams: config.teams.map((t) => t.name),
    rotations: config.teams.flatMap((t) => t.rotations.map((r) => r.name)),
  };
}

/** The configuration without rotations whose members could not all be found in Slack. */
function withoutRotations(config: AppConfig, names: string[]): AppConfig {
  const skip = new Set(names);
  return {
    ...config,
    teams: config.teams.map((t) => ({
      ...t,
      rotations: t.rotations.filter((r) => !skip.has(r.name)),
    })),
  };
}
