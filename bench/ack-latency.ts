// Ack latency under load: the real app (bootApp, PostgreSQL when it answers) takes 100 signed `/oncall`
// requests a second for 30 s from autocannon, and autocannon measures the time to the HTTP 200 ack.
// Slack's side — autocannon and the response_url endpoint the answers are posted to — runs in a child
// process, as Slack is elsewhere in production; the app's process holds only the app.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { slashCommandBody } from '../src/sandbox/slack/interaction-payloads.js';
import { signSlackRequest } from '../src/sandbox/slack/signing.js';
import { bootApp, testSigningSecret } from '../test/support/boot-app.js';
import { zurichOnly } from '../test/support/oncall-config.js';
import { runIfMain, type BenchRow } from './support/bench-row.js';

const RATE = 100;
const SECONDS = 30;
const WARM_UP = 50;
/** autocannon limits each connection to its share of the rate per second, so the load comes in
 * bursts of up to this many concurrent requests — harsher than evenly spaced arrivals. */
const CONNECTIONS = 10;
const LOAD_FLAG = '--ack-load-generator';

interface LoadPlan {
  url: string;
  signingSecret: string;
  rate: number;
  bodies: string[];
}

interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  ok: number;
  notOk: number;
  /** Requests per second, averaged over the run. */
  rate: number;
  /** Answers the app posted to the response_url endpoint. */
  answered: number;
}

export async function run(): Promise<BenchRow[]> {
  const booted = await bootApp({ config: zurichOnly });
  try {
    for (let i = 0; i < WARM_UP; i++) {
      booted.slack.clearCalls();
      await booted.requester.slashCommand({
        command: '/oncall',
        text: '',
        userId: 'U0ALICE01',
        channelId: 'C0PLATFORM1',
      });
      await booted.slack.waitForCall('response_url');
    }
    const total = RATE * SECONDS;
    const origin = booted.slack.workspace.bot;
    const load = await runGenerator((responseUrl) => ({
      url: `${booted.baseUrl}/slack/events`,
      signingSecret: testSigningSecret,
      rate: RATE,
      bodies: Array.from({ length: total }, (_, i) =>
        slashCommandBody(origin, {
          command: '/oncall',
          text: '',
          user: { id: 'U0ALICE01', name: 'alice' },
          channel: { id: 'C0PLATFORM1', name: 'platform' },
          responseUrl: `${responseUrl}/${i}`,
          triggerId: `bench.${i}`,
        }),
      ),
    }));
    return [
      {
        name: `/oncall ack at ${RATE} signed requests/s for ${SECONDS} s (autocannon, ${CONNECTIONS} connections)`,
        result:
          `p50 ${load.p50} ms, p99 ${load.p99} ms, max ${load.max} ms at ${load.rate.toFixed(1)} req/s ` +
          `(${load.ok} × 2xx, ${load.notOk} other)`,
        target: 'p99 ≤ 50 ms',
      },
      {
        name: '/oncall answers delivered under that load',
        result: `${load.answered} of ${total}`,
        target: `${total} of ${total}`,
      },
    ];
  } finally {
    await booted.stop();
  }
}

/**
 * Runs Slack's side in a child process: it first prints its response_url endpoint, then takes the
 * plan on stdin and answers with one JSON line of results.
 */
async function runGenerator(planFor: (responseUrl: string) => LoadPlan): Promise<LoadResult> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, self, LOAD_FLAG], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('http')) child.stdin.end(JSON.stringify(planFor(line)));
    if (line.startsWith('{')) return JSON.parse(line) as LoadResult;
  }
  throw new Error(`the load generator exited (${await exited}) without a result`);
}

/** The child's side: a response_url endpoint, then autocannon at the plan's rate. */
async function generateLoad(): Promise<void> {
  let answered = 0;
  const sink = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      answered++;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`http://127.0.0.1:${(sink.address() as AddressInfo).port}/response\n`);
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const plan = JSON.parse(input) as LoadPlan;
  let next = 0;
  const result = await autocannon({
    url: plan.url,
    connections: CONNECTIONS,
    overallRate: plan.rate,
    amount: plan.bodies.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const body = plan.bodies[next++ % plan.bodies.length] ?? '';
          const signed = signSlackRequest(plan.signingSecret, body, Math.floor(Date.now() / 1000));
          return {
            ...req,
            body,
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed },
          };
        },
      },
    ],
  });
  const deadline = Date.now() + 10_000;
  while (answered < plan.bodies.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  sink.close();
  const summary: LoadResult = {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    notOk: result.non2xx + result.errors + result.timeouts,
    rate: result.requests.average,
    answered,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

if (process.argv.includes(LOAD_FLAG)) {
  await generateLoad();
} else {
  await runIfMain(import.meta.url, run);
}
