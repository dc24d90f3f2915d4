// Approve-to-patch latency: the real app (bootApp) against a simulated cluster; each run types `/k8s rollback
// shop/web`, asks, and then times a signed Approve click until the simulated API server receives the PATCH.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/clock.js';
import { SimulatedCluster } from '../src/sandbox/kube/index.js';
import type { RecordedRequest } from '../src/sandbox/kube/index.js';
import { rollbackActions } from '../src/slack/views/rollback-actions.js';
import { rollbackRequestAction } from '../src/slack/views/rollback-button.js';
import { bootApp, type BootedApp } from '../test/support/boot-app.js';
import { hasPostgresServer } from '../test/support/test-database.js';
import { runIfMain, type BenchRow } from './support/bench-row.js';

const RUNS = 60;
const WARM_UP = 5;
const CHANNEL = 'C0SHOP0001';
const REQUESTER = 'U0SHOPDEV1';
const APPROVER = 'U0APPROVE1';

const config = `
clusters:
  - { name: prod-eu, context: prod-eu }
teams:
  - name: shop
    channel: ${CHANNEL}
    managers: [${REQUESTER}]
    clusters:
      - { cluster: prod-eu, namespaces: [shop] }
rollback:
  approvers: { users: [${APPROVER}] }
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Resolves with performance.now() when the simulated API server records a PATCH of shop/web. */
function nextPatch(sim: SimulatedCluster): Promise<number> {
  return new Promise((resolve) => {
    const requests = sim.requests;
    const push = requests.push.bind(requests);
    requests.push = (...items: RecordedRequest[]) => {
      if (items.some((r) => r.method === 'PATCH' && r.path.endsWith('/deployments/web'))) {
        requests.push = push;
        resolve(performance.now());
      }
      return push(...items);
    };
  });
}

async function waitFor<T>(get: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting in the rollback bench');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** One rollback from a fresh card; returns the ms from the Approve click to the PATCH. */
async function oneRollback(booted: BootedApp, sim: SimulatedCluster, run: number) {
  sim.applyDeployment('shop', 'web', {
    replicas: 2,
    image: `registry.example.com/shop/web:2.${run}`,
  });
  booted.slack.clearCalls();
  await booted.requester.slashCommand({
    command: '/k8s',
    text: 'rollback shop/web',
    userId: REQUESTER,
    channelId: CHANNEL,
  });
  const posted = await booted.slack.waitForCall('chat.postMessage');
  const card = { channelId: CHANNEL, messageTs: String(posted.response.ts) };
  await booted.requester.blockAction({
    userId: REQUESTER,
    actionId: rollbackRequestAction,
    ...card,
  });
  await waitFor(() =>
    booted.slack.messages.find(CHANNEL, card.messageTs)?.text.includes('asks to roll back')
      ? true
      : undefined,
  );
  const patched = nextPatch(sim);
  const clicked = performance.now();
  await booted.requester.blockAction({
    userId: APPROVER,
    actionId: rollbackActions.approve,
    ...card,
  });
  const at = await patched;
  await waitFor(() =>
    booted.slack.messages.find(CHANNEL, card.messageTs)?.text.includes('Rolled back')
      ? true
      : undefined,
  );
  return at - clicked;
}

export async function run(): Promise<BenchRow[]> {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const sim = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  sim.addNode('node-1');
  sim.applyDeployment('shop', 'web', { replicas: 2, image: 'registry.example.com/shop/web:1.0' });
  const dir = await mkdtemp(join(tmpdir(), 'watchkeeper-bench-rollback-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await writeFile(kubeconfigPath, sim.kubeconfig('prod-eu'), 'utf8');
  const database = (await hasPostgresServer()) ? 'PostgreSQL' : 'PGlite';
  const booted = await bootApp({ config, clock, kubeconfigPath });
  try {
    const latencies: number[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const ms = await oneRollback(booted, sim, i);
      if (i >= WARM_UP) latencies.push(ms);
    }
    const sorted = latencies.sort((a, b) => a - b);
    const p50 = percentile(sorted, 50).toFixed(1);
    const p99 = percentile(sorted, 99).toFixed(1);
    return [
      {
        name: `rollback: Approve click → PATCH at the API server (${RUNS} runs, ${database})`,
        result: `p50 ${p50} ms, p99 ${p99} ms`,
        target: 'p99 ≤ 300 ms',
      },
    ];
  } finally {
    await booted.stop();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, run);
