// The rollback stories' world: a simulated prod-eu cluster with shop/web at two revisions, the shop team
// with an on-call rotation and a rollback policy, the real app (one or more instances), and the user's gestures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import type { RecordedRequest } from '../../src/sandbox/kube/index.js';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { writeKubeconfig } from './k8s-harness.js';

export const SHOP = 'C0SHOP0001';
export const ELSEWHERE = 'C0RANDOM01';
/** Asks for rollbacks (a shop team manager, not an approver). */
export const REQUESTER = 'U0SHOPDEV1';
/** Listed in rollback.approvers.users. */
export const APPROVER = 'U0APPROVE1';
/** On call in the shop rotation this week (Monday 2 March 2026). */
export const ONCALL = 'U0ALICE001';
export const OFFCALL = 'U0BOB00001';
/** Nobody in the policy. */
export const OUTSIDER = 'U0OUTSIDE1';
/** A Monday, 10:00 in Zurich: inside coverage hours. */
export const MONDAY_MORNING = '2026-03-02T09:00:00Z';

export const WEB_OLD = 'registry.example.com/shop/web:1.4.1';
export const WEB_NEW = 'registry.example.com/shop/web:1.4.2';

export function rollbackConfig(
  rollback = 'gitops: warn',
  approvers = `{ users: [${APPROVER}], onCall: true }`,
  teamSettings = '',
): string {
  return `
timezone: Europe/Zurich
clusters:
  - { name: prod-eu, context: prod-eu }
teams:
  - name: shop
    channel: ${SHOP}${teamSettings ? `\n    ${teamSettings}` : ''}
    managers: [${REQUESTER}]
    clusters:
      - { cluster: prod-eu, namespaces: [shop] }
    rotations:
      - name: shop-oncall
        shiftLength: 1w
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [${ONCALL}, ${OFFCALL}]
        coverage: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00" }
rollback:
  approvers: ${approvers}
  breakGlass: { onCallOutsideCoverage: true }
  ${rollback}
`;
}

/** shop/web at revision 1 (1.4.1) and revision 2 (1.4.2, running now). */
export function seedWeb(prod: SimulatedCluster, extra: { labels?: Record<string, string> } = {}) {
  prod.addNode('node-1');
  const common = { replicas: 2, env: { DB_PASSWORD: 'hunter2' }, ...extra };
  prod.applyDeployment('shop', 'web', { ...common, image: WEB_OLD, changeCause: 'release 1.4.1' });
  prod.applyDeployment('shop', 'web', { ...common, image: WEB_NEW, changeCause: 'release 1.4.2' });
}

export interface RollbackWorld {
  clock: ManualClock;
  prod: SimulatedCluster;
  slack: FakeSlackApi;
  apps: BootedApp[];
  /** The first app instance. */
  app: BootedApp;
  stop(): Promise<void>;
}

export async function startRollbackWorld(
  options: {
    /** The last line of `rollback:` in app.yaml (default `gitops: warn`). */
    rollback?: string;
    /** rollback.approvers in app.yaml (default: APPROVER and the on-call). */
    approvers?: string;
    /** One more line of the shop team's settings in app.yaml, e.g. its statusLog. */
    teamSettings?: string;
    /** More top-level settings appended to app.yaml, e.g. `notices:`. */
    extraConfig?: string;
    instances?: number;
    start?: string;
    seed?: (prod: SimulatedCluster) => void;
  } = {},
): Promise<RollbackWorld> {
  const clock = new ManualClock(options.start ?? MONDAY_MORNING);
  const prod = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  (options.seed ?? seedWeb)(prod);
  const dir = await mkdtemp(join(tmpdir(), 'watchkeeper-rollback-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await writeKubeconfig(kubeconfigPath, { 'prod-eu': prod });
  const slack = await FakeSlackApi.start({ now: () => clock.now().getTime() });
  const database: TestDatabase = await createTestDatabase();
  const config =
    rollbackConfig(options.rollback, options.approvers, options.teamSettings) +
    (options.extraConfig ?? '');
  const apps: BootedApp[] = [];
  for (let i = 0; i < (options.instances ?? 1); i++)
    apps.push(await bootApp({ config, clock, slack, databaseUrl: database.url, kubeconfigPath }));
  return {
    clock,
    prod,
    slack,
    apps,
    app: apps[0] as BootedApp,
    async stop() {
      for (const app of apps) await app.stop();
      await slack.close();
      await database.close();
      await prod.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Message {
  channel: string;
  ts: string;
}

/** `/k8s rollback …` typed in the shop channel; returns the card the bot posted. */
export async function typeRollback(world: RollbackWorld, text: string, userId = REQUESTER) {
  world.slack.clearCalls();
  const response = await world.app.requester.slashCommand({
    command: '/k8s',
    text: `rollback ${text}`,
    userId,
    channelId: SHOP,
  });
  expect(response.status).toBe(200);
  expect(response.elapsedMs).toBeLessThan(3000);
  const posted = await world.slack.waitForCall('chat.postMessage');
  expect(posted.ok, posted.error).toBe(true);
  return { channel: SHOP, ts: String(posted.response.ts) } satisfies Message;
}

/** `/k8s <text>` answered with a reply only the typist sees; returns its text. */
export async function typeK8s(world: RollbackWorld, text: string, userId = REQUESTER) {
  world.slack.clearCalls();
  await world.app.requester.slashCommand({ command: '/k8s', text, userId, channelId: SHOP });
  const reply = await world.slack.waitForCall('response_url');
  expect(reply.ok, reply.error).toBe(true);
  return blockText(reply.args.blocks ?? reply.args.text);
}

export function messageText(world: RollbackWorld, message: Message): string {
  const stored = world.slack.messages.find(message.channel, message.ts);
  return stored ? `${blockText(stored.blocks ?? [])}\n${stored.text}` : '';
}

/**
 * Clicks the button `actionId` on a message as `userId`, through app instance `via` (default the first);
 * `value` clicks a button no longer shown (a stale client), carrying that id.
 */
export async function click(
  world: RollbackWorld,
  message: Message,
  actionId: string,
  userId: string,
  options: { via?: BootedApp; value?: string } = {},
) {
  const via = options.via ?? world.app;
  const response = await via.requester.blockAction({
    userId,
    actionId,
    channelId: message.channel,
    messageTs: message.ts,
    ...(options.value !== undefined ? { value: options.value } : {}),
  });
  expect(response.status).toBe(200);
  return response;
}

/** Waits until the message's text satisfies `check` (cards are rewritten after the click's ack). */
export async function waitForText(
  world: RollbackWorld,
  message: Message,
  check: (text: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = messageText(world, message);
  while (!check(text) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    text = messageText(world, message);
  }
  const problems = world.apps.flatMap((app) =>
    app.logs.filter((line) => /"level":(40|50)|refused/.test(line)),
  );
  const calls = world.slack.calls.map((c) => `${c.method} ${c.ok ? 'ok' : (c.error ?? '')}`);
  expect(
    check(text),
    `card text was:\n${text}\nlogs:\n${problems.join('\n')}\nSlack calls: ${calls.join(', ')}`,
  ).toBe(true);
  return text;
}

/** The ephemeral notes `userId` got in the channel, newest last. */
export async function notesFor(world: RollbackWorld, userId: string, count = 1): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  let notes = world.slack.messages.ephemeralsFor(SHOP, userId);
  while (notes.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    notes = world.slack.messages.ephemeralsFor(SHOP, userId);
  }
  return notes.map((note) => `${blockText(note.blocks ?? [])}\n${note.text}`);
}

/** PATCH requests the simulated API server received for shop/web. */
export function webPatches(world: RollbackWorld): RecordedRequest[] {
  return world.prod.requests.filter(
    (r) => r.method === 'PATCH' && r.path.endsWith('/namespaces/shop/deployments/web'),
  );
}

export function webImage(world: RollbackWorld): string | undefined {
  const web = world.prod.object<
    {
      spec: { template: { spec: { containers: { image: string }[] } } };
    } & import('../../src/sandbox/kube/index.js').KubeObject
  >('Deployment', 'shop', 'web');
  return web?.spec.template.spec.containers[0]?.image;
}

/** Ticks the cluster and the apps (without moving the clock) until the message satisfies `check`. */
export async function tickUntil(
  world: RollbackWorld,
  message: Message,
  check: (text: string) => boolean,
): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (!check(messageText(world, message)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await advance(world, 0);
  }
  return waitForText(world, message, check, 0);
}

/** Lets the cluster and the app's periodic jobs move on by `ms`. */
export async function advance(world: RollbackWorld, ms: number): Promise<void> {
  world.clock.advance(ms);
  world.prod.tick();
  for (const app of world.apps) await app.app.tick();
}
