// Every bad /k8s argument gets a clear sentence naming the bad part (with the usage line where the
// shape was wrong), typed text is never echoed raw, and unknown or ambiguous names get suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import { PLATFORM_CHANNEL, k8s, startK8sWorld, type K8sWorld } from './k8s-harness.js';

let world: K8sWorld;

function seed(prod: SimulatedCluster, staging: SimulatedCluster): void {
  prod.addNode('node-1');
  prod.applyDeployment('shop', 'web', { replicas: 2 });
  prod.applyDeployment('shop', 'cart');
  staging.addNode('staging-1');
}

beforeAll(async () => {
  world = await startK8sWorld(seed);
});
afterAll(async () => {
  await world?.stop();
});

const long = 'a'.repeat(300);

describe('arguments of the wrong shape', () => {
  it.each([
    ['frobnicate', '`frobnicate` is not a /k8s subcommand.', 'Try one of: status, pods'],
    ['pod shop', 'Did you mean `pods`?', '`/k8s help`'],
    [
      'describe secret shop/db',
      '`secret` is not a kind I can describe.',
      'Kinds: pod, deployment, statefulset, daemonset, node.',
    ],
    ['describe', 'Which kind?', 'Usage: `/k8s describe <pod|deployment'],
    ['describe pod', 'Which pod? Give it as `<namespace>/<pod>`.', 'Usage:'],
    ['describe node', 'Which node?', 'Usage:'],
    ['describe pod ../etc', '`..` is not a namespace', 'Usage: `/k8s describe'],
    ['logs shop/', "`shop/` is missing the pod name after the '/'.", 'Usage: `/k8s logs'],
    ['logs /web', "`/web` is missing the namespace before the '/'.", 'Usage: `/k8s logs'],
    ['logs shop/web/x', "`shop/web/x` has more than one '/'", 'Usage: `/k8s logs'],
    [
      'logs web',
      '`web` needs its namespace: write `<namespace>/<pod>`, e.g. `shop/web`.',
      'Usage:',
    ],
    [
      `pods ${long}`,
      `\`${'a'.repeat(40)}…\` is 300 characters long; namespaces have at most 63.`,
      'Usage: `/k8s pods',
    ],
    [
      `logs shop/${long}`,
      'is 300 characters long; Kubernetes names have at most 253.',
      'Usage: `/k8s logs',
    ],
    [
      'logs shop/cart --tail 100000',
      '`--tail 100000` is more than I show: at most 200 lines fit in a Slack message.',
      'Usage: `/k8s logs',
    ],
    ['logs shop/cart --tail lots', '`--tail lots` is not a number of lines (1 to 200).', 'Usage:'],
    ['logs shop/cart --tail 0', '`--tail 0` is not a number of lines (1 to 200).', 'Usage:'],
    ['logs shop/cart --tail', '`--tail` needs a value.', 'Usage:'],
    ['pods --bogus', '`--bogus` is not an option of `/k8s pods`.', 'Usage: `/k8s pods'],
    ['pods $(rm -rf /)', '`-rf` is not an option of `/k8s pods`.', 'Usage: `/k8s pods'],
    ['pods shop $(whoami)', '`$(whoami)` is not a name', 'Usage: `/k8s pods'],
    ['pods shop app=web,=x', '`=x` is not a label selector I can read', 'Usage: `/k8s pods'],
    ['nodes extra', '`extra` is more than `/k8s nodes` takes.', 'Usage: `/k8s nodes'],
    ['status staging --cluster prod-eu', 'Name the cluster once', 'Usage: `/k8s status'],
    ['history', 'Which deployment?', 'Usage: `/k8s history'],
  ])('answers "/k8s %s" in a sentence', async (input, sentence, usage) => {
    const { text, ackMs } = await k8s(world, input);
    expect(ackMs).toBeLessThan(3000);
    expect(text).toContain(sentence);
    expect(text).toContain(usage);
    expect(text).not.toContain(long);
  });

  it.each([
    'pods <!channel>',
    'status <!here>',
    'describe pod <@U0ALICE01>',
    'logs shop/<!everyone>',
  ])('never echoes a mention raw: "/k8s %s"', async (input) => {
    const { text } = await k8s(world, input);
    expect(text).not.toMatch(/<!(channel|here|everyone)>|<@U0ALICE01>/);
    expect(text).toMatch(/`&lt;(!channel|!here|@U0ALICE01|!everyone)&gt;` is not a/);
  });
});

describe('names that do not exist, or name several things', () => {
  it.each([
    ['describe pod shop/wbe', 'There is no pod `wbe` in `shop`. Did you mean `web-'],
    ['describe pod shop/web', '`web` matches 2 pods in `shop`:'],
    ['history shop/nope', 'There is no deployment `nope` in `shop`.'],
    ['pods shop nope', 'No pod in `shop` has a name like `nope`.'],
    ['logs shop/cart nope', 'has no container `nope`; its containers: cart.'],
    [
      'pods --cluster nowhere',
      '`nowhere` is not one of the clusters this channel can see: prod-eu, staging.',
    ],
  ])('answers "/k8s %s" in a sentence', async (input, sentence) => {
    expect((await k8s(world, input)).text).toContain(sentence);
  });

  it('suggests a namespace when the channel may see them all', async () => {
    const { text } = await k8s(world, 'deploys shopp', { channelId: PLATFORM_CHANNEL });
    expect(text).toContain('There is no namespace `shopp` on prod-eu. Did you mean `shop`?');
  });

  it('reads names forgivingly: upper case, and a pod by the start of its name', async () => {
    const { text } = await k8s(world, 'logs SHOP/cart');
    expect(text).toMatch(/of container `cart` in `shop\/cart-[^`]+`/);
  });
});
