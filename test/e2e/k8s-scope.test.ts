// A channel sees only the clusters and namespaces bound to its team: asking for another is refused in a
// sentence that does not say whether it exists, and nothing of a hidden namespace leaks into any answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import { PLATFORM_CHANNEL, eventually, k8s, startK8sWorld, type K8sWorld } from './k8s-harness.js';

let world: K8sWorld;
const hidden = 'vault-admin';

function seed(prod: SimulatedCluster, staging: SimulatedCluster): void {
  prod.addNode('node-1');
  prod.addNode('node-2');
  prod.applyDeployment('shop', 'web', { replicas: 2 });
  prod.applyDeployment('payments', 'ledger');
  // The hidden namespace is in trouble, so a leak would show in status, problems and warnings.
  prod.applyDeployment('shop-internal', hidden, {
    replicas: 2,
    behaviour: { kind: 'CrashLoopBackOff', exitCode: 1 },
  });
  prod.setLogs('shop-internal', hidden, ['root token: s3cr3t']);
  staging.addNode('staging-1');
}

beforeAll(async () => {
  world = await startK8sWorld(seed);
  world.clock.advance(5 * 60_000);
  world.prod.tick();
});
afterAll(async () => {
  await world?.stop();
});

const refusal = 'is not one of the namespaces this channel can see on prod-eu: shop, payments.';

describe('the shop channel (prod-eu: shop, payments; staging: all)', () => {
  it.each([
    'pods shop-internal',
    'pods shop-internal vault',
    'deploys shop-internal',
    'events shop-internal',
    'events shop-internal --warnings',
    'describe pod shop-internal/vault-admin',
    'describe deployment shop-internal/vault-admin',
    'logs shop-internal/vault-admin',
    'history shop-internal/vault-admin',
  ])('refuses "/k8s %s" without revealing anything', async (input) => {
    const { text } = await k8s(world, input);
    expect(text).toContain(`\`shop-internal\` ${refusal}`);
    expect(text).not.toContain(hidden);
    expect(text).not.toContain('s3cr3t');
  });

  it('answers a namespace that does not exist with the very same sentence', async () => {
    const { text } = await k8s(world, 'pods shop-secret');
    expect(text).toContain(`\`shop-secret\` ${refusal}`);
  });

  it('refuses a cluster that is not bound, whether or not it exists', async () => {
    for (const cluster of ['prod-us', 'nowhere']) {
      const { text } = await k8s(world, `pods --cluster ${cluster}`);
      expect(text).toContain(
        `\`${cluster}\` is not one of the clusters this channel can see: prod-eu, staging.`,
      );
    }
  });

  it.each([
    'status',
    'status prod-eu',
    'pods',
    'pods --problems',
    'pods vault',
    'deploys',
    'events',
    'events --warnings',
    'clusters',
  ])('leaves the hidden namespace out of "/k8s %s"', async (input) => {
    const { text } = await k8s(world, input);
    expect(text).not.toContain(hidden);
    expect(text).not.toContain('shop-internal');
  });

  it('reports prod-eu healthy, since what is failing is outside its view', async () => {
    const { text } = await k8s(world, 'status prod-eu');
    expect(text).toContain(':large_green_circle: *prod-eu* — 2/2 nodes ready');
  });

  it('refuses a DM from someone in no team', async () => {
    const { text } = await k8s(world, 'pods', { channelId: 'D0STRANGER', userId: 'U0STRANGER' });
    expect(text).toContain('You are not a member or manager of any team in Watchkeeper');
  });
});

describe('the platform channel (everything)', () => {
  it('sees the namespace the shop channel may not — so the checks above can fail', async () => {
    const pods = await k8s(world, 'pods shop-internal', { channelId: PLATFORM_CHANNEL });
    expect(pods.text).toMatch(/:red_circle: `shop-internal\/vault-admin-[^`]+` CrashLoopBackOff/);
    const status = await eventually(
      () => k8s(world, 'status prod-eu', { channelId: PLATFORM_CHANNEL }),
      (reply) => reply.text.includes('`shop-internal/vault-admin` 2 pods CrashLoopBackOff'),
    );
    expect(status.text).toContain('`shop-internal/vault-admin` 2 pods CrashLoopBackOff');
    const logs = await k8s(world, 'logs shop-internal/vault-admin', {
      channelId: PLATFORM_CHANNEL,
    });
    expect(logs.text).toContain('`vault-admin` matches 2 pods in `shop-internal`');
  });
});
