// /oncall through the real app: signed request in, Block Kit answer out at the fake Slack, p50/p99.
import { bootApp } from '../test/support/boot-app.js';
import { zurichOnly } from '../test/support/oncall-config.js';
import { runIfMain, type BenchRow } from './support/bench-row.js';

const RUNS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function run(): Promise<BenchRow[]> {
  const booted = await bootApp({ config: zurichOnly });
  try {
    const ackMs: number[] = [];
    const answerMs: number[] = [];
    for (let i = 0; i < RUNS + 20; i++) {
      booted.slack.clearCalls();
      const started = performance.now();
      const response = await booted.requester.slashCommand({
        command: '/oncall',
        text: '',
        userId: 'U0ALICE01',
        channelId: 'C0PLATFORM1',
      });
      await booted.slack.waitForCall('response_url');
      if (i < 20) continue;
      ackMs.push(response.elapsedMs);
      answerMs.push(performance.now() - started);
    }
    ackMs.sort((a, b) => a - b);
    answerMs.sort((a, b) => a - b);
    const fmt = (sorted: number[]) =>
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;
    return [
      { name: '/oncall ack (HTTP 200 to Slack)', result: fmt(ackMs), target: '< 3000 ms (Slack)' },
      { name: '/oncall answer at Slack (2 rotations)', result: fmt(answerMs), target: '—' },
    ];
  } finally {
    await booted.stop();
  }
}

await runIfMain(import.meta.url, run);
