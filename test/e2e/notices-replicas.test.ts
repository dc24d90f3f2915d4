// Two app instances on one Postgres, ticking at the same moments: each new revision gets one notice, each
// change of it one chat.update, and a failure one thread.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import type { StoredMessage } from '../../src/sandbox/slack/message-store.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import { k8sConfig, writeKubeconfig } from './k8s-harness.js';

const NOTICES = 'C0NOTICES1';
const image = (name: string, version: string) => `registry.example.com/shop/${name}:${version}`;

let clock: ManualClock;
let prod: SimulatedCluster;
let staging: SimulatedCluster;
let first: BootedApp;
let second: BootedApp;
let dir: string;

beforeAll(async () => {
  clock = new ManualClock('2026-03-02T09:00:00Z');
  prod = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  staging = await SimulatedCluster.start({ clock, name: 'staging' });
  prod.addNode('node-1');
  for (const name of ['web', 'cart'])
    prod.applyDeployment('shop', name, { replicas: 2, image: image(name, '1.0.0') });
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-notices-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await writeKubeconfig(kubeconfigPath, { 'prod-eu': prod, staging });
  const config = `${k8sConfig()}
notices:
  - { cluster: prod-eu, namespaces: [shop], channel: ${NOTICES} }
`;
  first = await bootApp({ config, clock, kubeconfigPath });
  second = await bootApp({
    config,
    clock,
    kubeconfigPath,
    slack: first.slack,
    databaseUrl: first.databaseUrl,
  });
});

afterAll(async () => {
  await second?.stop();
  await first?.stop();
  await prod?.close();
  await staging?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const messages = () => first.slack.messagesIn(NOTICES);
const notices = (workload: string) =>
  messages().filter(
    (m) => m.threadTs === undefined && blockText(m.blocks).includes(`*shop/${workload}*`),
  );
const replies = (parent: StoredMessage) => messages().filter((m) => m.threadTs === parent.ts);

/** Both instances tick at once, a few times, with the clock moving on between rounds. */
async function rounds(count: number, stepMs: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    clock.advance(stepMs);
    prod.tick();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await Promise.all([first.app.tick(), second.app.tick(), first.app.tick(), second.app.tick()]);
  }
}

it('posts each notice, each update and each failure thread once between two instances', async () => {
  prod.applyDeployment('shop', 'web', {
    replicas: 2,
    image: image('web', '1.1.0'),
    behaviour: { kind: 'CrashLoopBackOff', exitCode: 2 },
  });
  prod.setPreviousLogs('shop', 'web', ['panic: nil map']);
  prod.applyDeployment('shop', 'cart', {
    replicas: 2,
    image: image('cart', '1.1.0'),
    behaviour: 'NotReady',
  });
  await rounds(4, 1_000);
  prod.setPodBehaviour('shop', 'cart', 'Running');
  await rounds(12, 30_000);

  expect(notices('web')).toHaveLength(1);
  expect(blockText(notices('web')[0]?.blocks)).toContain('revision 2 is failing');
  expect(replies(notices('web')[0]!)).toHaveLength(1);
  expect(blockText(replies(notices('web')[0]!)[0]?.blocks)).toContain('panic: nil map');

  expect(notices('cart')).toHaveLength(1);
  expect(blockText(notices('cart')[0]?.blocks)).toContain('rolled out revision 2');
  const cartUpdates = first.slack
    .callsTo('chat.update')
    .filter((call) => call.args.ts === notices('cart')[0]?.ts)
    .map((call) => JSON.stringify(call.args.blocks));
  expect(cartUpdates.length).toBeGreaterThanOrEqual(1);
  for (let i = 1; i < cartUpdates.length; i++) expect(cartUpdates[i]).not.toBe(cartUpdates[i - 1]);
  expect(messages()).toHaveLength(3);
});
