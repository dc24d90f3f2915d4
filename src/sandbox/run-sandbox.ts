// The sandbox: all of Watchkeeper on this machine with nothing outside it — embedded Postgres, the
// simulated clusters of app.yaml seeded with a demo, the fake Slack Web API with app.yaml's people and
// channels, the real app (startWatchkeeper) between them, and the console page to drive it all.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import { readEnv, type RuntimeEnv } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { UserFacingError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';
import { startWatchkeeper, type RunningWatchkeeper } from '../main.js';
import { ConsoleServer } from './console/console-server.js';
import { Controls } from './console/controls.js';
import { SlackBridge } from './console/slack-bridge.js';
import { DemoClusters } from './demo/demo-clusters.js';
import { demoWorkspace } from './demo/workspace.js';
import { emptySandboxDatabase } from './demo/empty-database.js';
import { SandboxClock } from './sandbox-clock.js';
import { FakeSlackApi, SlackRequester } from './slack/index.js';

export interface Sandbox {
  /** The console page, e.g. http://localhost:3000 */
  url: string;
  appPort: number;
  /** Where the app's JSON logs go. */
  logFile: string;
  clock: SandboxClock;
  fake: FakeSlackApi;
  clusters: DemoClusters;
  app: RunningWatchkeeper;
  stop(): Promise<void>;
}

const COMMANDS = ['/oncall', '/k8s', '/log'];

/** Starts the sandbox from the operator's environment: its app.yaml, PORT (the console), data directory and log level. */
export async function runSandbox(env: RuntimeEnv, logger?: Logger): Promise<Sandbox> {
  const config = loadConfig(env.appConfigPath);
  await requireFreePort(env.port);
  const dataDir = join(env.dataDir, 'sandbox');
  await mkdir(dataDir, { recursive: true });
  await emptySandboxDatabase(join(dataDir, 'pglite'));
  const logFile = join(dataDir, 'watchkeeper.log');
  const appLogger =
    logger ?? createLogger(env.logLevel, pino.destination({ dest: logFile, sync: true }));

  const closers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const clock = new SandboxClock();
    const workspace = demoWorkspace(config);
    const fake = await FakeSlackApi.start({ ...workspace, now: () => clock.now().getTime() });
    closers.push(() => fake.close());
    const clusters = await DemoClusters.start(config, clock);
    closers.push(() => clusters.close());
    const kubeconfig = join(dataDir, 'kubeconfig');
    clusters.writeKubeconfig(kubeconfig);

    const signingSecret = randomBytes(24).toString('hex');
    const app = await startWatchkeeper({
      env: readEnv({
        SLACK_BOT_TOKEN: `xoxb-sandbox-${randomBytes(12).toString('hex')}`,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: fake.url,
        KUBECONFIG: kubeconfig,
        APP_CONFIG: env.appConfigPath,
        PORT: '0',
        LOG_LEVEL: env.logLevel,
        WATCHKEEPER_DATA_DIR: dataDir,
        PUBLIC_URL: `http://localhost:${env.port}`,
      }),
      config,
      clock,
      logger: appLogger,
    });
    closers.push(() => app.stop());

    const appOrigin = `http://127.0.0.1:${app.port}`;
    const requester = new SlackRequester({
      appUrl: `${appOrigin}/slack/events`,
      signingSecret,
      fakeSlack: fake,
    });
    const consoleServer = await ConsoleServer.start({
      fake,
      bridge: new SlackBridge(fake, requester),
      controls: new Controls({ config, clock, clusters, tick: () => app.tick() }),
      members: workspace.users.map((user) => user.id),
      commands: COMMANDS,
      appOrigin,
      logger: appLogger,
      port: env.port,
    });
    closers.push(() => consoleServer.close());
    return {
      url: `http://localhost:${consoleServer.port}`,
      appPort: app.port,
      logFile,
      clock,
      fake,
      clusters,
      app,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Fails early, in a sentence, when the console's port is taken. */
async function requireFreePort(port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new UserFacingError(`Port ${port} is in use: stop what runs there, or set PORT.`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
