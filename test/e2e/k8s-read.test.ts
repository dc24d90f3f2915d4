// /k8s through signed Slack requests against two simulated clusters: every subcommand on a healthy
// cluster, then the same cluster gone wrong (a crash loop, a bad image, a node down) — each answer
// acknowledged within Slack's 3 seconds and accepted by Slack's limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import {
  PLATFORM_CHANNEL,
  SHOP_USER,
  eventually,
  k8s,
  startK8sWorld,
  type K8sWorld,
} from './k8s-harness.js';

let world: K8sWorld;

function seed(prod: SimulatedCluster, staging: SimulatedCluster): void {
  for (const node of ['node-1', 'node-2', 'node-3'])
    prod.addNode(node, { kubeletVersion: 'v1.30.4' });
  const web = { replicas: 3, env: { DB_PASSWORD: 'hunter2-secret' } };
  prod.applyDeployment('shop', 'web', {
    ...web,
    image: 'registry.example.com/shop/web:1.4.2',
    changeCause: 'release 1.4.2',
  });
  prod.applyDeployment('shop', 'web', {
    ...web,
    image: 'registry.example.com/shop/web:1.4.3',
    changeCause: 'release 1.4.3',
  });
  prod.applyDeployment('shop', 'cart', { image: 'registry.example.com/shop/cart:2.0.0' });
  prod.setLogs('shop', 'cart', [
    'starting cart',
    'connected to <!channel> & redis',
    'listening on :8080',
  ]);
  prod.applyStatefulSet('payments', 'ledger', { image: 'postgres:16' });
  prod.applyDaemonSet('kube-system', 'node-agent', { image: 'agent:3' });
  staging.addNode('staging-1');
  staging.applyDeployment('shop', 'web', { image: 'registry.example.com/shop/web:1.5.0-rc1' });
}

beforeAll(async () => {
  world = await startK8sWorld(seed);
});
afterAll(async () => {
  await world?.stop();
});

describe('a healthy cluster', () => {
  it('status shows every bound cluster healthy, one line each, within 3 seconds', async () => {
    const reply = await k8s(world, 'status');
    expect(reply.ackMs).toBeLessThan(3000);
    expect(reply.text).toContain(
      ':large_green_circle: *prod-eu* healthy — 3/3 nodes ready · 3 rollouts in the last 24 h',
    );
    expect(reply.text).toContain(':large_green_circle: *staging* healthy — 1/1 nodes ready');
  });

  it('status of one cluster is a screen with its rollouts of the last day', async () => {
    const { text } = await k8s(world, 'status prod-eu');
    expect(text).toContain('Cluster prod-eu');
    expect(text).toContain('No degraded workloads, no failing pods.');
    expect(text).toMatch(
      /`shop\/web` revision 2 <!date\^\d+\^[^>]+> — `registry\.example\.com\/shop\/web:1\.4\.3`/,
    );
    expect(text).toContain('prod-eu · as of <!date^');
  });

  it('pods lists the pods of the namespaces in view, or those matching a name or a selector', async () => {
    const all = await k8s(world, 'pods');
    expect(all.text).toContain('5 pods in shop, payments, 0 with problems.');
    expect(all.text).toMatch(
      /:large_green_circle: `shop\/web-[a-z0-9]+-[a-z0-9]+` Running · 1\/1 ready · 0 restarts · node-\d · 0s/,
    );
    const byName = await k8s(world, 'pods shop web');
    expect(byName.text).toContain('3 pods in `shop` matching `web`, 0 with problems.');
    expect(byName.text).not.toContain('cart');
    const bySelector = await k8s(world, 'pods shop app=cart');
    expect(bySelector.text).toContain('1 pod in `shop` matching `app=cart`');
    expect((await k8s(world, 'pods --problems')).text).toContain(
      'No pods with problems in shop, payments.',
    );
  });

  it('deploys shows deployments and statefulsets with readiness and images', async () => {
    const { text } = await k8s(world, 'deploys');
    expect(text).toContain('3 workloads in shop, payments, 0 degraded.');
    expect(text).toContain(
      ':large_green_circle: Deployment `shop/web` 3/3 ready · 3 up to date · `registry.example.com/shop/web:1.4.3`',
    );
    expect(text).toContain('StatefulSet `payments/ledger` 1/1 ready');
    expect(text).not.toContain('node-agent');
  });

  it('nodes, events and clusters', async () => {
    expect((await k8s(world, 'nodes')).text).toContain('3/3 nodes ready.');
    const events = await k8s(world, 'events shop');
    expect(events.text).toMatch(/\*ScalingReplicaSet\* Deployment\/web in `shop`/);
    const clusters = await k8s(world, 'clusters');
    expect(clusters.text).toContain('*prod-eu* — shop, payments · 3/3 nodes ready');
    expect(clusters.text).toContain('*staging* — all namespaces · 1/1 nodes ready');
  });

  it('describe finds objects forgivingly and never shows environment values', async () => {
    const deployment = await k8s(world, 'describe deploy shop/web');
    expect(deployment.text).toContain('Deployment: web');
    expect(deployment.text).toContain('registry.example.com/shop/web:1.4.3');
    expect(deployment.text).toContain('DB_PASSWORD');
    expect(deployment.text).not.toContain('hunter2');
    const pod = await k8s(world, 'describe pod shop/cart');
    expect(pod.text).toMatch(/Pod: cart-[a-z0-9]+-[a-z0-9]+/);
    const ambiguous = await k8s(world, 'describe pod shop/web');
    expect(ambiguous.text).toMatch(
      /`web` matches 3 pods in `shop`: `web-[^`]+`, `web-[^`]+`, `web-[^`]+`\. Name one of them\./,
    );
    expect((await k8s(world, 'describe statefulset payments/ledger')).text).toContain(
      'StatefulSet: ledger',
    );
    expect((await k8s(world, 'describe node node-2')).text).toContain('Node: node-2');
    const daemonSet = await k8s(world, 'describe ds kube-system/node-agent', {
      channelId: PLATFORM_CHANNEL,
    });
    expect(daemonSet.text).toContain('DaemonSet: node-agent');
  });

  it('logs shows the tail of a container in a code block, escaped', async () => {
    const { text } = await k8s(world, 'logs shop/cart');
    expect(text).toMatch(
      /Last 3 lines of container `cart` in `shop\/cart-[^`]+` \(asked for 50\)\./,
    );
    expect(text).toContain(
      '```\nstarting cart\nconnected to &lt;!channel&gt; &amp; redis\nlistening on :8080\n```',
    );
    const tail = await k8s(world, 'logs shop/cart --tail 1');
    expect(tail.text).toContain('```\nlistening on :8080\n```');
  });

  it('history lists the revisions newest first with images and change-cause', async () => {
    const { text } = await k8s(world, 'history shop/web');
    expect(text).toContain('2 revisions, newest first.');
    expect(text).toMatch(
      /\*2\* \*\(current\)\* `registry\.example\.com\/shop\/web:1\.4\.3` · <!date\^\d+\^[^>]+> — “release 1\.4\.3”/,
    );
    expect(text.indexOf('*2*')).toBeLessThan(
      text.indexOf('*1* `registry.example.com/shop/web:1.4.2`'),
    );
  });

  it('--cluster asks another bound cluster; a DM sees the user’s teams; help lists everything', async () => {
    const staging = await k8s(world, 'pods shop --cluster staging');
    expect(staging.text).toContain('1 pod in `shop`, 0 with problems.');
    expect(staging.text).toContain('staging · as of');
    const dm = await k8s(world, 'deploys shop', { channelId: 'D0SHOPDEV1', userId: SHOP_USER });
    expect(dm.text).toContain('Deployment `shop/web`');
    expect((await k8s(world, 'help')).text).toContain('`/k8s logs <namespace>/<pod> [container]');
  });
});

describe('the same cluster gone wrong', () => {
  beforeAll(() => {
    const { prod, clock } = world;
    prod.applyDeployment('shop', 'checkout', {
      replicas: 2,
      image: 'registry.example.com/shop/checkout:7.1.0',
      behaviour: { kind: 'CrashLoopBackOff', exitCode: 3 },
      progressDeadlineSeconds: 60,
    });
    prod.setPreviousLogs('shop', 'checkout', ['panic: nil map in checkout.go:42', 'exit status 3']);
    prod.applyDeployment('shop', 'search', {
      image: 'registry.example.com/shop/search:typo',
      behaviour: 'ImagePullBackOff',
    });
    prod.setNodeReady('node-3', false);
    clock.advance(10 * 60_000);
    prod.tick();
  });

  it('status names the node down, the degraded workloads and the failing pods with restarts', async () => {
    const { text } = await eventually(
      () => k8s(world, 'status prod-eu'),
      (reply) => reply.text.includes('ImagePullBackOff') && reply.text.includes('node-3'),
    );
    expect(text).toContain(
      ':red_circle: *prod-eu* — 2/3 nodes ready; not ready: `node-3` (not ready: KubeletNotReady)',
    );
    expect(text).toMatch(
      /Deployment `shop\/checkout` 0\/2 ready — rollout stuck: ProgressDeadlineExceeded/,
    );
    expect(text).toMatch(
      /`shop\/checkout` 2 pods CrashLoopBackOff · \d{2,} restarts — container checkout keeps exiting with code 3/,
    );
    expect(text).toMatch(/`shop\/search` 1 pod ImagePullBackOff · 0 restarts/);
    expect(text).toMatch(/\*Top warnings \(\d+\)\*\n\*BackOff\* ×\d+/);
  });

  it('status of all clusters gives prod-eu a screen and keeps staging to one line', async () => {
    const { text } = await k8s(world, 'status');
    expect(text).toContain(':large_green_circle: *staging* healthy');
    expect(text).toContain(':red_circle: *prod-eu*');
  });

  it('pods --problems, nodes, deploys and warning events show what is wrong', async () => {
    const problems = await k8s(world, 'pods --problems');
    expect(problems.text).toContain('5 pods with problems in shop, payments.');
    expect(problems.text).toMatch(
      /:red_circle: `shop\/checkout-[^`]+` CrashLoopBackOff · 0\/1 ready/,
    );
    expect(problems.text).toMatch(
      /:red_circle: `shop\/search-[^`]+` ImagePullBackOff · 0\/1 ready/,
    );
    expect(problems.text).toMatch(
      /:red_circle: `payments\/ledger-0` NotReady · 1\/1 ready · 0 restarts · node-3/,
    );
    expect(problems.text).not.toContain('cart');
    const nodes = await k8s(world, 'nodes');
    expect(nodes.text).toContain('2/3 nodes ready.');
    expect(nodes.text).toContain(':red_circle: `node-3` NotReady (KubeletNotReady)');
    const deploys = await k8s(world, 'deploys shop');
    expect(deploys.text).toMatch(/:red_circle: Deployment `shop\/checkout` 0\/2 ready/);
    const warnings = await k8s(world, 'events shop --warnings');
    expect(warnings.text).toMatch(/:warning: \*BackOff\* Pod\/checkout-[^ ]+ in `shop` ×\d+/);
    expect(warnings.text).not.toContain('ScalingReplicaSet');
  });

  it('logs --previous shows why a crash-looping container died; describe shows its state', async () => {
    const logs = await k8s(world, 'logs shop/checkout-nothing');
    expect(logs.text).toContain('There is no pod `checkout-nothing` in `shop`.');
    const pods = await k8s(world, 'pods shop checkout');
    const pod = /`shop\/(checkout-[^`]+)`/.exec(pods.text)?.[1] ?? '';
    const previous = await k8s(world, `logs shop/${pod} --previous`);
    expect(previous.text).toContain('previous (terminated) container `checkout`');
    expect(previous.text).toContain('panic: nil map in checkout.go:42');
    const described = await k8s(world, `describe pod shop/${pod}`);
    expect(described.text).toContain('CrashLoopBackOff');
  });
});
