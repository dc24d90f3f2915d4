// `watchkeeper start`: runs the app until SIGTERM/SIGINT, then shuts down gracefully; with no Slack
// credentials (or `watchkeeper sandbox`) it runs the local sandbox instead.
import { relative } from 'node:path';
import { readEnv, type RuntimeEnv } from '../config/env.js';
import { createLogger } from '../log.js';
import { startWatchkeeper } from '../main.js';
import { runSandbox, type Sandbox } from '../sandbox/run-sandbox.js';

export async function startCommand(): Promise<number> {
  const env = readEnv();
  if (env.slack.kind === 'none') return startSandbox(env);
  const logger = createLogger(env.logLevel);
  const running = await startWatchkeeper({ env, logger });
  stopOnSignals(
    () => running.stop(),
    (error) => logger.error({ err: error }, 'shutdown failed'),
  );
  return 0;
}

export async function sandboxCommand(): Promise<number> {
  return startSandbox(readEnv());
}

async function startSandbox(env: RuntimeEnv): Promise<number> {
  const sandbox = await runSandbox(env);
  console.log(banner(sandbox, env, process.uptime()));
  stopOnSignals(
    () => sandbox.stop(),
    (error) => console.error('watchkeeper: the sandbox did not stop cleanly:', error),
  );
  return 0;
}

function banner(sandbox: Sandbox, env: RuntimeEnv, seconds: number): string {
  const path = (to: string) => relative(process.cwd(), to) || '.';
  const clusters = [...sandbox.clusters.byName.keys()].join(', ') || 'none';
  return [
    `Watchkeeper sandbox is up in ${seconds.toFixed(1)} s — open ${sandbox.url}`,
    '',
    '  Slack       a local console in your browser (nothing leaves this machine; no token needed)',
    `  Clusters    ${clusters}: simulated, with a demo (kubeconfig ${path(`${env.dataDir}/sandbox/kubeconfig`)})`,
    `  Database    embedded PostgreSQL in ${path(`${env.dataDir}/sandbox/pglite`)}, fresh each start`,
    `  Config      ${env.appConfigPath}`,
    `  Logs        ${path(sandbox.logFile)}`,
    '',
    'Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README) to run against a real Slack workspace.',
    'Ctrl-C stops the sandbox.',
  ].join('\n');
}

function stopOnSignals(stop: () => Promise<void>, report: (error: unknown) => void): void {
  const shutdown = () => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        report(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
