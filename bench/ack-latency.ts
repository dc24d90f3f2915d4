// Ack latency under load: the real app (bootApp) takes 100 signed `/oncall` requests a second for 30 s
// from a load generator in a child process (each request signed with a fresh timestamp when it is
// sent, on an open-loop schedule), and the time to the HTTP 200 ack is measured there.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { slashCommandBody } from '../src/sandbox/slack/interaction-payloads.js';
import { signSlackRequest } from '../src/sandbox/slack/signing.js';
import { bootApp, testSigningSecret } from '../test/support/boot-app.js';
import { zurichOnly } from '../test/support/oncall-config.js';

const RATE = 100;
const SECONDS = 30;
const WARM_UP = 50;
const LOAD_FLAG = '--ack-load-generator';

interface LoadPlan {
  url: string;
  signingSecret: string;
  rate: number;
  bodies: string[];
}

interface LoadResult {
  latenciesMs: number[];
  statuses: Record<string, number>;
  /** From the first send to the last, in ms. */
  sendSpanMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function run(): Promise<Array<{ name: string; result: string; target: string }>> {
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
    const sorted = [...load.latenciesMs].sort((a, b) => a - b);
    const achieved = (load.latenciesMs.length - 1) / (load.sendSpanMs / 1000);
    const statuses = Object.entries(load.statuses)
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ');
    return [
      {
        name: `/oncall ack under load (${RATE}/s for ${SECONDS} s, child process)`,
        result:
          `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
          `max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms at ${achieved.toFixed(1)} req/s (${statuses})`,
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

/** The child's side: sends each body at its slot (open loop: a slow answer never delays the next send). */
async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true });
  const interval = 1000 / plan.rate;
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  let lastSend = start;
  for (const [i, body] of plan.bodies.entries()) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastSend = performance.now();
    pending.push(
      send(agent, plan, body).then(
        ({ status, ms }) => {
          latenciesMs.push(ms);
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
        () => {
          statuses.failed = (statuses.failed ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { latenciesMs, statuses, sendSpanMs: lastSend - start };
}

function send(agent: Agent, plan: LoadPlan, body: string): Promise<{ status: number; ms: number }> {
  const signed = signSlackRequest(plan.signingSecret, body, Math.floor(Date.now() / 1000));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      plan.url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...signed,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

if (process.argv.includes(LOAD_FLAG)) {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const result = await generateLoad(JSON.parse(input) as LoadPlan);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await run()) console.log(`${row.name}: ${row.result} (target ${row.target})`);
}
