// Rollout notices through the real app and a simulated cluster: a new revision gets one message that follows the
// rollout in place; a crash loop turns it into a failure with its details in the thread (the change, the crash, the
// log tail); a rollout inside its deadline stays quiet; a silenced workload posts nothing until the silence ends
// (or Unsilence), and a Silence click from another channel is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import type { StoredMessage } from '../../src/sandbox/slack/message-store.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';
import {
  PLATFORM_CHANNEL,
  SHOP_CHANNEL,
  SHOP_USER,
  k8s,
  k8sConfig,
  writeKubeconfig,
  type K8sWorld,
} from './k8s-harness.js';

const NOTICES = SHOP_CHANNEL;
const MINUTE = 60_000;
const image = (name: string, version: string) => `registry.example.com/shop/${name}:${version}`;

let clock: ManualClock;
let prod: SimulatedCluster;
let staging: SimulatedCluster;
let booted: BootedApp;
let dir: string;

beforeAll(async () => {
  clock = new ManualClock('2026-03-02T09:00:00Z');
  prod = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  staging = await SimulatedCluster.start({ clock, name: 'staging' });
  for (const node of ['node-1', 'node-2']) prod.addNode(node);
  for (const name of ['web', 'cart', 'search', 'orders'])
    prod.applyDeployment('shop', name, { replicas: 2, image: image(name, '1.0.0') });
  prod.applyDeployment('payments', 'ledger', { image: image('ledger', '1.0.0') });
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-notices-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await writeKubeconfig(kubeconfigPath, { 'prod-eu': prod, staging });
  const config = `${k8sConfig()}
notices:
  - { cluster: prod-eu, namespaces: [shop], channel: ${NOTICES} }
`;
  booted = await bootApp({ config, clock, kubeconfigPath });
});

afterAll(async () => {
  await booted?.stop();
  await prod?.close();
  await staging?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The world as the /k8s helpers want it, to ask what the app's watch cache sees. */
function world(): K8sWorld {
  return { clock, prod, staging, booted, stop: async () => undefined };
}

/** Top-level messages in the notices channel about one Deployment. */
function notices(workload: string): StoredMessage[] {
  return booted.slack
    .messagesIn(NOTICES)
    .filter((m) => m.threadTs === undefined && blockText(m.blocks).includes(`*shop/${workload}*`));
}

function replies(parent: StoredMessage): StoredMessage[] {
  return booted.slack.messagesIn(NOTICES).filter((m) => m.threadTs === parent.ts);
}

/** The value of a message's button, found by its action id. */
function buttonValue(message: StoredMessage | undefined, actionId: string): string {
  for (const block of (message?.blocks ?? []) as Array<{ elements?: unknown[] }>) {
    for (const element of (block.elements ?? []) as Array<{ action_id?: string; value?: string }>) {
      if (element.action_id === actionId) return element.value ?? '';
    }
  }
  return '';
}

const textOf = (message: StoredMessage | undefined) => blockText(message?.blocks ?? []);

/** Ticks the app until `check` holds (the watch cache follows the cluster within moments). */
async function tickUntil(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await booted.app.tick();
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Moves the clock on, lets the cluster react, and gives the watch a moment to deliver. */
async function travel(ms: number): Promise<void> {
  clock.advance(ms);
  prod.tick();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('rollout notices', () => {
  it('start quietly: revisions already rolled out before the app started are not news', async () => {
    for (let i = 0; i < 3; i++) await booted.app.tick();
    expect(booted.slack.messagesIn(NOTICES)).toEqual([]);
  });

  it('post one message with a Roll back button for a new revision, updated in place as it completes', async () => {
    prod.applyDeployment('shop', 'web', {
      replicas: 2,
      image: image('web', '1.4.2'),
      changeCause: 'deploy 1.4.2',
      behaviour: 'NotReady',
    });
    await tickUntil('the web notice', () => notices('web').length > 0);
    const [notice] = notices('web');
    expect(textOf(notice)).toContain(
      '*shop/web* on prod-eu is rolling out revision 2 (`web:1.4.2`, was `web:1.0.0`) — change-cause “deploy 1.4.2”',
    );
    expect(textOf(notice)).toContain('0 of 2 new pods ready');
    expect(textOf(notice)).toContain('Silence 4 h');
    expect(buttonValue(notice, 'rollback_request')).toMatch(/^\d+$/);

    for (let i = 0; i < 5; i++) await booted.app.tick();
    expect(notices('web')).toHaveLength(1);
    expect(notices('web')[0]?.updateCount).toBe(0);

    prod.setPodBehaviour('shop', 'web', 'Running');
    await tickUntil('the web rollout to complete', () =>
      textOf(notices('web')[0]).includes('rolled out'),
    );
    expect(notices('web')).toHaveLength(1);
    const completed = notices('web')[0];
    expect(textOf(completed)).toContain('*shop/web* on prod-eu rolled out revision 2');
    expect(textOf(completed)).toContain('Complete in 0 s: 2 of 2 pods ready');
    expect(completed?.updateCount).toBeGreaterThanOrEqual(1);
    expect(replies(completed!)).toEqual([]);

    const updates = completed?.updateCount;
    for (let i = 0; i < 5; i++) await booted.app.tick();
    expect(notices('web')).toHaveLength(1);
    expect(notices('web')[0]?.updateCount).toBe(updates);

    await booted.requester.blockAction({
      userId: SHOP_USER,
      actionId: 'rollback_request',
      channelId: NOTICES,
      messageTs: completed!.ts,
    });
    await tickUntil('the rollback request in the thread', () => replies(completed!).length > 0);
    expect(textOf(replies(completed!)[0])).toContain(
      `<@${SHOP_USER}> asks to roll back *shop/web* to revision 1`,
    );
    expect(notices('web')[0]?.updateCount).toBe(updates);
  });

  it('turn a crash loop into a failure notice whose thread has the change, the crash and the log tail', async () => {
    prod.setPreviousLogs('shop', 'cart', [
      ...Array.from({ length: 30 }, (_, i) => `loading catalog part ${i}`),
      'FATAL: CART_DB_URL is not set',
    ]);
    prod.applyDeployment('shop', 'cart', {
      replicas: 2,
      image: image('cart', '2.0.1'),
      env: { CART_MODE: 'fast' },
      behaviour: { kind: 'CrashLoopBackOff', exitCode: 3 },
    });
    await tickUntil('the cart notice', () => notices('cart').length > 0);
    expect(textOf(notices('cart')[0])).toContain('is rolling out revision 2');

    for (let i = 0; i < 8 && !textOf(notices('cart')[0]).includes('is failing'); i++) {
      await travel(30_000);
      await booted.app.tick();
    }
    await tickUntil('the cart thread', () => replies(notices('cart')[0]!).length > 0);
    expect(notices('cart')).toHaveLength(1);
    const [notice] = notices('cart');
    expect(textOf(notice)).toContain('*shop/cart* on prod-eu: revision 2 is failing');
    expect(textOf(notice)).toContain(
      '*CrashLoopBackOff*: container cart keeps exiting with code 3',
    );
    expect(JSON.stringify(notice?.blocks)).toContain('notice_silence');

    const thread = replies(notice!);
    expect(thread).toHaveLength(1);
    const details = textOf(thread[0]);
    expect(details).toContain(
      '• image of cart: `registry.example.com/shop/cart:1.0.0` → `registry.example.com/shop/cart:2.0.1`',
    );
    expect(details).toContain('• env added: `CART_MODE`');
    expect(details).not.toContain('fast');
    expect(details).toMatch(
      /\*CrashLoopBackOff\* on 1 new pod — container cart keeps exiting with code 3 · exit code 3 · \d+ restarts/,
    );
    expect(details).toContain('FATAL: CART_DB_URL is not set');
    expect(details).toContain('loading catalog part 29');
    expect(details).not.toContain('loading catalog part 10\n');
    expect(details).toContain('*Warning events*');
    expect(details).toContain('BackOff');

    for (let i = 0; i < 3; i++) {
      await travel(30_000);
      await booted.app.tick();
    }
    expect(notices('cart')).toHaveLength(1);
    expect(replies(notices('cart')[0]!)).toHaveLength(1);
  });

  it('keep a slow rollout without crashes quiet until its progress deadline passes', async () => {
    prod.applyDeployment('shop', 'orders', {
      replicas: 2,
      image: image('orders', '1.1.0'),
      progressDeadlineSeconds: 600,
      behaviour: 'NotReady',
    });
    await tickUntil('the orders notice', () => notices('orders').length > 0);
    await travel(6 * MINUTE);
    for (let i = 0; i < 3; i++) await booted.app.tick();
    expect(textOf(notices('orders')[0])).toContain('is rolling out revision 2');
    expect(replies(notices('orders')[0]!)).toEqual([]);

    await travel(5 * MINUTE);
    await tickUntil('the orders failure', () =>
      textOf(notices('orders')[0]).includes('is failing'),
    );
    await tickUntil('the orders thread', () => replies(notices('orders')[0]!).length > 0);
    expect(notices('orders')).toHaveLength(1);
    expect(textOf(notices('orders')[0])).toContain('*NotReady*');
    expect(textOf(notices('orders')[0])).toContain('the progress deadline has passed');
    expect(textOf(replies(notices('orders')[0]!)[0])).toContain(
      '*ProgressDeadlineExceeded*: no progress for 600 s',
    );
  });

  it('post nothing for a silenced workload until the silence expires', async () => {
    prod.applyDeployment('shop', 'search', { replicas: 2, image: image('search', '1.1.0') });
    await tickUntil('the search notice', () => notices('search').length > 0);
    const [first] = notices('search');
    expect(textOf(first)).toContain('rolled out revision 2');
    const noticeId = buttonValue(first, 'notice_silence');
    await booted.requester.blockAction({
      userId: SHOP_USER,
      actionId: 'notice_silence',
      channelId: PLATFORM_CHANNEL,
      messageTs: first!.ts,
      message: { ts: first!.ts, text: first!.text, blocks: first!.blocks },
      value: noticeId,
    });
    await tickUntil('the refusal', () =>
      booted.slack.messages
        .ephemeralsFor(PLATFORM_CHANNEL, SHOP_USER)
        .some((m) => m.text === 'This button belongs to a notice in another channel.'),
    );
    expect(textOf(notices('search')[0])).not.toContain('Silenced');
    const click = await booted.requester.blockAction({
      userId: SHOP_USER,
      actionId: 'notice_silence',
      channelId: NOTICES,
      messageTs: first!.ts,
    });
    expect(click.status).toBe(200);
    await tickUntil('the silence shown', () =>
      textOf(notices('search')[0]).includes(`Silenced by <@${SHOP_USER}> until <!date^`),
    );
    expect(JSON.stringify(notices('search')[0]?.blocks)).toContain('notice_unsilence');

    prod.applyDeployment('shop', 'search', { replicas: 2, image: image('search', '1.2.0') });
    prod.applyDeployment('shop', 'search', {
      replicas: 2,
      image: image('search', '1.3.0'),
      behaviour: { kind: 'CrashLoopBackOff' },
    });
    for (let i = 0; i < 6; i++) {
      await travel(30_000);
      await booted.app.tick();
    }
    const history = await k8s(world(), 'history shop/search');
    expect(history.text).toContain('*4* *(current)*');
    expect(notices('search')).toHaveLength(1);

    await travel(4 * 60 * MINUTE);
    await tickUntil('the failure after the silence', () => notices('search').length === 2);
    expect(textOf(notices('search')[1])).toContain(
      '*shop/search* on prod-eu: revision 4 is failing',
    );
    expect(textOf(notices('search')[1])).not.toContain('Silenced');
    await tickUntil('its thread', () => replies(notices('search')[1]!).length === 1);
    expect(textOf(notices('search')[0])).not.toContain('Silenced');
    expect(JSON.stringify(notices('search')[0]?.blocks)).not.toContain('notice_unsilence');
  });

  it('lifts a silence with Unsilence', async () => {
    const [notice] = notices('web');
    const click = (actionId: string) =>
      booted.requester.blockAction({
        userId: SHOP_USER,
        actionId,
        channelId: NOTICES,
        messageTs: notice!.ts,
      });
    await click('notice_silence');
    await tickUntil('the silence shown', () => textOf(notices('web')[0]).includes('Silenced by'));
    await click('notice_unsilence');
    await tickUntil('the silence lifted', () => !textOf(notices('web')[0]).includes('Silenced by'));
    expect(textOf(notices('web')[0])).toContain('Silence 4 h');
    prod.applyDeployment('shop', 'web', { replicas: 2, image: image('web', '1.5.0') });
    await tickUntil('the next web notice', () => notices('web').length === 2);
  });
});
