// Two simulated clusters (prod-eu, staging) behind one kubeconfig with two contexts, the real app booted
// against them, and /k8s typed through signed Slack requests — for the k8s-*.test.ts scenarios.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { ManualClock } from '../../src/clock.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';

/** The shop team's channel sees shop and payments on prod-eu, and all of staging; platform sees everything. */
export const SHOP_CHANNEL = 'C0SHOP0001';
export const PLATFORM_CHANNEL = 'C0PLATFORM1';
export const SHOP_USER = 'U0SHOPDEV1';

export function k8sConfig(extraClusters: string[] = []): string {
  const extra = extraClusters.map((name) => `  - { name: ${name}, context: ${name} }`).join('\n');
  const bound = extraClusters.map((name) => `      - { cluster: ${name} }`).join('\n');
  return `
clusters:
  - { name: prod-eu, context: prod-eu }
  - { name: staging, context: staging }
${extra}
teams:
  - name: shop
    channel: ${SHOP_CHANNEL}
    managers: [${SHOP_USER}]
    clusters:
      - { cluster: prod-eu, namespaces: [shop, payments] }
      - { cluster: staging }
  - name: platform
    channel: ${PLATFORM_CHANNEL}
    managers: [U0PLATFORM1]
    clusters:
      - { cluster: prod-eu }
      - { cluster: staging }
${bound}
`;
}

interface KubeconfigDoc {
  clusters: unknown[];
  users: unknown[];
  contexts: unknown[];
}

/** One kubeconfig file holding a context per cluster (and any unreachable `server` URLs given). */
export async function writeKubeconfig(
  path: string,
  sims: Record<string, SimulatedCluster>,
  unreachable: Record<string, string> = {},
): Promise<void> {
  const docs = Object.entries(sims).map(
    ([context, sim]) => parse(sim.kubeconfig(context)) as KubeconfigDoc,
  );
  for (const [context, server] of Object.entries(unreachable)) {
    docs.push({
      clusters: [{ name: context, cluster: { server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: `${context}-user`, user: { token: 'nobody' } }],
      contexts: [{ name: context, context: { cluster: context, user: `${context}-user` } }],
    });
  }
  const merged = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: docs.flatMap((doc) => doc.clusters),
    users: docs.flatMap((doc) => doc.users),
    contexts: docs.flatMap((doc) => doc.contexts),
    'current-context': Object.keys(sims)[0],
  };
  await writeFile(path, stringify(merged), 'utf8');
}

export interface K8sWorld {
  clock: ManualClock;
  prod: SimulatedCluster;
  staging: SimulatedCluster;
  booted: BootedApp;
  stop(): Promise<void>;
}

export async function startK8sWorld(
  seed: (prod: SimulatedCluster, staging: SimulatedCluster) => void,
  options: { unreachable?: Record<string, string> } = {},
): Promise<K8sWorld> {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const prod = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  const staging = await SimulatedCluster.start({ clock, name: 'staging' });
  seed(prod, staging);
  const dir = await mkdtemp(join(tmpdir(), 'watchkeeper-k8s-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  const unreachable = options.unreachable ?? {};
  await writeKubeconfig(kubeconfigPath, { 'prod-eu': prod, staging }, unreachable);
  const booted = await bootApp({
    config: k8sConfig(Object.keys(unreachable)),
    clock,
    kubeconfigPath,
  });
  return {
    clock,
    prod,
    staging,
    booted,
    async stop() {
      await booted.stop();
      await prod.close();
      await staging.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface K8sReply {
  /** Every text of the blocks, and the notification fallback, joined. */
  text: string;
  ackMs: number;
  blocks: unknown[];
}

/** Types `/k8s <text>` in a channel and returns the reply Slack accepted, and how fast the ack came. */
export async function k8s(
  world: K8sWorld,
  text: string,
  origin: { channelId?: string; userId?: string } = {},
): Promise<K8sReply> {
  const { booted } = world;
  booted.slack.clearCalls();
  const response = await booted.requester.slashCommand({
    command: '/k8s',
    text,
    userId: origin.userId ?? SHOP_USER,
    channelId: origin.channelId ?? SHOP_CHANNEL,
  });
  expect(response.status).toBe(200);
  expect(response.elapsedMs).toBeLessThan(3000);
  const reply = await booted.slack.waitForCall('response_url');
  expect(reply.ok, `Slack refused the reply: ${reply.error ?? ''}`).toBe(true);
  const blocks = (reply.args.blocks ?? []) as unknown[];
  const fallback = typeof reply.args.text === 'string' ? reply.args.text : '';
  return { text: `${blockText(blocks)}\n${fallback}`, ackMs: response.elapsedMs, blocks };
}

/** Asks again until the answer satisfies `check` (the watch cache follows the cluster within moments). */
export async function eventually(
  ask: () => Promise<K8sReply>,
  check: (reply: K8sReply) => boolean,
  timeoutMs = 15_000,
): Promise<K8sReply> {
  const deadline = Date.now() + timeoutMs;
  let reply = await ask();
  while (!check(reply) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    reply = await ask();
  }
  return reply;
}
