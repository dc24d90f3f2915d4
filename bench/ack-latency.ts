// Ack latency under load: the real app (bootApp) takes 100 signed `/oncall` requests a second for 30 s
// from autocannon in a child process (each request signed with a fresh timestamp as it is sent), and
// autocannon measures the time to the HTTP 200 ack.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { fileURLToPath } from 'node:url';
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
    booted.slack.clearCalls();
    const total = RATE * SECONDS;
    const origin = booted.slack.workspace.bot;
    const bodies = Array.from({ length: total }, (_, i) =>
      slashCommandBody(origin, {
        command: '/oncall',
        text: '',
        user: { id: 'U0ALICE01', name: 'alice' },
        channel: { id: 'C0PLATFORM1', name: 'platform' },
        responseUrl: booted.slack.responseUrl({ channelId: 'C0PLATFORM1', userId: 'U0ALICE01' }),
        triggerId: `bench.${i}`,
      }),
    );
    const plan = {
      url: `${booted.baseUrl}/slack/events`,
      signingSecret: testSigningSecret,
      rate: RATE,
      bodies,
    };
    const load = await runGenerator(plan);
    const answered = await waitForAnswers(booted.slack, total);
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
        result: `${answered} of ${total}`,
        target: `${total} of ${total}`,
      },
    ];
  } finally {
    await booted.stop();
  }
}

/** Runs the load generator in a child process, plan in on stdin, result out as one JSON line. */
async function runGenerator(plan: LoadPlan): Promise<LoadResult> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, self, LOAD_FLAG], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify(plan));
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for await (const line of lines) {
    if (line.startsWith('{')) return JSON.parse(line) as LoadResult;
  }
  throw new Error(`the load generator exited (${await exited}) without a result`);
}

async function waitForAnswers(
  slack: { callsTo(method: string): unknown[] },
  total: number,
): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (slack.callsTo('response_url').length < total && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return slack.callsTo('response_url').length;
}

/** The child's side: autocannon at the plan's rate until every body is sent, each signed as it goes out. */
async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
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
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    notOk: result.non2xx + result.errors + result.timeouts,
    rate: result.requests.average,
  };
}

if (process.argv.includes(LOAD_FLAG)) {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const result = await generateLoad(JSON.parse(input) as LoadPlan);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await runIfMain(import.meta.url, run);
}
