// `/k8s status` speed: clusterHealth from a synced watch cache of a 10,000-pod cluster versus the same
// answer from fresh LIST calls (what a kubectl-per-command bot does), and the bot's RSS with the cache
// full. The simulated cluster runs in a child process so the RSS measured is the bot's alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { AppsV1Api, CoreV1Api, KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { ManualClock } from '../src/clock.js';
import { clusterHealth, type ClusterHealth } from '../src/cluster/health.js';
import { ClusterRegistry } from '../src/cluster/registry.js';
import { listAll, RESOURCES, type Apis, type ResourceName } from '../src/cluster/resources.js';
import { trimObject } from '../src/cluster/trim.js';
import { createLogger } from '../src/log.js';
import { generateLargeCluster, SimulatedCluster } from '../src/sandbox/kube/index.js';
import type { ClusterSnapshot } from '../src/cluster/snapshot.js';
import { runIfMain, type BenchRow } from './support/bench-row.js';

const START = '2026-03-02T09:00:00Z';
const SHAPE = {
  nodes: 200,
  deployments: 1_000,
  podsTotal: 10_000,
  namespaces: 50,
  failingDeployments: 20,
};
const CACHE_RUNS = 300;
const LIST_RUNS = 10;
const SERVE_FLAG = '--serve-simulated-cluster';

/** Child process: a large simulated cluster, its kubeconfig on stdout, alive until stdin closes. */
async function serveCluster(): Promise<void> {
  const clock = new ManualClock(START);
  const sim = await SimulatedCluster.start({ clock, name: 'bench' });
  const summary = generateLargeCluster(sim, SHAPE);
  clock.advance(10 * 60_000);
  sim.tick();
  process.stdout.write(`${JSON.stringify({ kubeconfig: sim.kubeconfig('bench'), summary })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void sim.close().then(() => process.exit(0)));
}

async function startChild(): Promise<{
  child: ChildProcess;
  kubeconfig: string;
  generatedMs: number;
}> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, self, SERVE_FLAG], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulated cluster exited with ${code}`)));
  });
  const parsed = JSON.parse(first) as { kubeconfig: string; summary: { elapsedMs: number } };
  return { child, kubeconfig: parsed.kubeconfig, generatedMs: parsed.summary.elapsedMs };
}

/** A snapshot over objects fetched just now, the way a bot without a cache answers. */
async function freshSnapshot(apis: Apis): Promise<ClusterSnapshot> {
  const names = Object.keys(RESOURCES) as ResourceName[];
  const lists = await Promise.all(
    names.map((name) => listAll(RESOURCES[name] as never, apis, 60_000)),
  );
  const byName = new Map(
    names.map((name, i) => [name, (lists[i]?.items ?? []) as KubernetesObject[]]),
  );
  const of = (name: ResourceName) => (namespace?: string) =>
    (byName.get(name) ?? []).filter(
      (o) => !namespace || o.metadata?.namespace === namespace,
    ) as never[];
  return {
    name: 'bench',
    state: () => ({
      name: 'bench',
      synced: true,
      lastSyncedAt: null,
      lastError: null,
      resources: [],
    }),
    nodes: of('nodes'),
    namespaces: of('namespaces'),
    deployments: of('deployments'),
    replicaSets: of('replicasets'),
    statefulSets: of('statefulsets'),
    daemonSets: of('daemonsets'),
    pods: of('pods'),
    warningEvents: of('events'),
  };
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** Times `runs` calls after `warmup` uncounted ones (a running bot's code is already optimized). */
async function timed(runs: number, work: () => unknown, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Bytes of JSON that trimming saves on one pod carrying what kubectl apply and the kubelet leave on it. */
function trimSaving(pod: KubernetesObject): { before: number; after: number } {
  const heavy = structuredClone(pod) as KubernetesObject;
  const fieldsV1 = {
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    'f:spec': { 'f:containers': {} },
  };
  heavy.metadata = {
    ...heavy.metadata,
    annotations: {
      ...heavy.metadata?.annotations,
      'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
        spec: (pod as { spec?: unknown }).spec,
      }),
    },
    managedFields: ['kube-controller-manager', 'kubelet', 'kubectl-client-side-apply'].map(
      (manager) => ({
        manager,
        operation: 'Update',
        apiVersion: 'v1',
        time: new Date(START),
        fieldsType: 'FieldsV1',
        fieldsV1: {
          ...fieldsV1,
          'f:status': { 'f:conditions': {}, 'f:containerStatuses': {}, 'f:podIP': {} },
        },
      }),
    ),
  };
  const before = JSON.stringify(heavy).length;
  return { before, after: JSON.stringify(trimObject(heavy)).length };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

export async function run(): Promise<BenchRow[]> {
  const { child, kubeconfig, generatedMs } = await startChild();
  const dir = await mkdtemp(join(tmpdir(), 'watchkeeper-bench-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await writeFile(kubeconfigPath, kubeconfig, 'utf8');
  const clock = new ManualClock(START);
  clock.advance(10 * 60_000);
  const rssBefore = process.memoryUsage().rss;
  const syncStarted = performance.now();
  const registry = await ClusterRegistry.start({
    clusters: [{ name: 'bench', context: 'bench' }],
    kubeconfigPath,
    clock,
    logger: createLogger('warn'),
    syncTimeoutMs: 120_000,
  });
  try {
    const syncMs = performance.now() - syncStarted;
    const snapshot = registry.requireSynced('bench');
    const pods = snapshot.pods().length;
    const { rss, heapUsed } = process.memoryUsage();
    const options = { now: clock.now() };
    const cached = await timed(CACHE_RUNS, () => clusterHealth(snapshot, options), 20);
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(kubeconfig);
    const apis = {
      core: kubeConfig.makeApiClient(CoreV1Api),
      apps: kubeConfig.makeApiClient(AppsV1Api),
    };
    let fromLists: ClusterHealth | undefined;
    const listed = await timed(
      LIST_RUNS,
      async () => {
        fromLists = clusterHealth(await freshSnapshot(apis), options);
      },
      1,
    );
    const same = JSON.stringify(fromLists) === JSON.stringify(clusterHealth(snapshot, options));
    const speedup = percentile(listed, 50) / percentile(cached, 50);
    const saving = trimSaving(snapshot.pods()[0] as KubernetesObject);
    return [
      {
        name: `k8s status: cache sync of ${pods} pods, ${SHAPE.deployments} deployments, ${SHAPE.nodes} nodes`,
        result: `${(syncMs / 1000).toFixed(1)} s (cluster generated in ${(generatedMs / 1000).toFixed(1)} s)`,
        target: '—',
      },
      {
        name: `k8s status: clusterHealth from the cache, p50 / p99 of ${CACHE_RUNS} (after 20 warm-up)`,
        result: `${ms(percentile(cached, 50))} / ${ms(percentile(cached, 99))}`,
        target: 'p99 ≤ 50 ms',
      },
      {
        name: `k8s status: same answer from fresh LISTs, p50 / p99 of ${LIST_RUNS}`,
        result: `${ms(percentile(listed, 50))} / ${ms(percentile(listed, 99))} (${speedup.toFixed(0)}× slower; answers ${same ? 'equal' : 'DIFFER'})`,
        target: 'cache ≥ 20× faster',
      },
      {
        name: 'k8s status: bot RSS with the cache full (before the registry; JS heap used)',
        result: `${mb(rss)} (${mb(rssBefore)}; heap ${mb(heapUsed)})`,
        target: '≤ 300 MB',
      },
      {
        name: 'k8s status: JSON of one pod with managedFields + last-applied, untrimmed → trimmed',
        result: `${saving.before} → ${saving.after} bytes (−${Math.round(100 * (1 - saving.after / saving.before))}%)`,
        target: '—',
      },
    ];
  } finally {
    await registry.stop();
    child.stdin?.end();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes(SERVE_FLAG)) {
  await serveCluster();
} else {
  await runIfMain(import.meta.url, run);
}
