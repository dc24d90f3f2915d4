// /k8s when clusters misbehave: a cluster that never answers, RBAC refusals (403) on the watch cache and
// on live reads, a dropped watch that recovers with a change made while it was down, and a cluster lost
// after it was synced (stale answers say when they were last synced, then a sentence).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedCluster } from '../../src/sandbox/kube/index.js';
import { PLATFORM_CHANNEL, eventually, k8s, startK8sWorld, type K8sWorld } from './k8s-harness.js';

let world: K8sWorld;
const platform = { channelId: PLATFORM_CHANNEL };

function seed(prod: SimulatedCluster, staging: SimulatedCluster): void {
  prod.addNode('node-1');
  prod.applyDeployment('shop', 'cart');
  prod.setLogs('shop', 'cart', ['listening on :8080']);
  staging.addNode('staging-1');
  staging.applyDeployment('shop', 'web');
}

beforeAll(async () => {
  // `gone` points at a port nobody listens on: it never answers.
  world = await startK8sWorld(seed, { unreachable: { gone: 'http://127.0.0.1:9' } });
});
afterAll(async () => {
  await world?.stop();
});

describe('a cluster that never answered', () => {
  it('is a sentence in status, and the other clusters still answer', async () => {
    const { text, ackMs } = await k8s(world, 'status', platform);
    expect(ackMs).toBeLessThan(3000);
    expect(text).toMatch(
      /:x: \*gone\* — Cluster gone did not answer for \d+ s; not reached since the bot started\./,
    );
    expect(text).toContain(':large_green_circle: *prod-eu* healthy');
    expect(text).toContain(':large_green_circle: *staging* healthy');
  });

  it('is a sentence for any question about it', async () => {
    const { text } = await k8s(world, 'pods --cluster gone', platform);
    expect(text).toMatch(
      /^:warning: Cluster gone did not answer for \d+ s; not reached since the bot started\./,
    );
    const clusters = await k8s(world, 'clusters', platform);
    expect(clusters.text).toMatch(
      /:warning: \*gone\* — all namespaces\n:warning: gone · never synced/,
    );
  });
});

describe('a slow API server', () => {
  it('still gets the command acknowledged at once; the answer follows', async () => {
    world.prod.faults.slow(3500, 'get', 'pods/log');
    try {
      const { text, ackMs } = await k8s(world, 'logs shop/cart');
      expect(ackMs).toBeLessThan(1000);
      expect(text).toContain('listening on :8080');
    } finally {
      world.prod.faults.clear();
    }
  });
});

describe('RBAC refusals', () => {
  it('names RBAC when the service account may not read pod logs', async () => {
    world.prod.faults.forbid('get', 'pods/log');
    try {
      const { text } = await k8s(world, 'logs shop/cart');
      expect(text).toContain(
        ":warning: The bot's service account may not get pods/log in shop on prod-eu — see manifest/kubernetes RBAC.",
      );
      expect(text).not.toContain('listening on');
    } finally {
      world.prod.faults.clear();
    }
    expect((await k8s(world, 'logs shop/cart')).text).toContain('listening on :8080');
  });

  it('names RBAC when the service account may not list events', async () => {
    world.prod.faults.forbid('list', 'events', 'shop');
    try {
      const { text } = await k8s(world, 'events shop');
      expect(text).toContain("The bot's service account may not list events in shop on prod-eu");
      expect(text).toContain('RBAC');
    } finally {
      world.prod.faults.clear();
    }
  });
});

describe('RBAC refusals on the watch cache', () => {
  let refused: K8sWorld;
  beforeAll(async () => {
    refused = await startK8sWorld((prod, staging) => {
      prod.addNode('node-1');
      prod.faults.forbid('list', 'pods');
      staging.addNode('staging-1');
      staging.applyDeployment('shop', 'web');
      staging.faults.forbid('list', 'events');
    });
  });
  afterAll(async () => {
    await refused?.stop();
  });

  it('answers every question about a cluster whose pods it may not list with a sentence naming RBAC', async () => {
    for (const input of ['pods', 'deploys', 'status prod-eu']) {
      const { text } = await k8s(refused, input);
      expect(text).toContain(
        "The bot's service account may not list pods on prod-eu — see manifest/kubernetes RBAC.",
      );
    }
  });

  it('does not pass off missing warning events as none', async () => {
    const warnings = await k8s(refused, 'events --warnings --cluster staging');
    expect(warnings.text).toContain(
      ":warning: The bot's service account may not list events on staging — see manifest/kubernetes RBAC.",
    );
    const status = await k8s(refused, 'status staging');
    expect(status.text).toContain('may not list events on staging');
    expect(status.text).toContain(':warning: staging · as of <!date^');
    expect(status.text).toContain('part of the cache is not current');
  });
});

describe('a dropped watch', () => {
  it('recovers, and the answer shows a change made while the watch was down', async () => {
    world.prod.faults.dropWatches();
    world.prod.applyDeployment('shop', 'made-during-the-drop', { image: 'shop/late:1' });
    const { text } = await eventually(
      () => k8s(world, 'deploys shop'),
      (reply) => reply.text.includes('made-during-the-drop') && reply.text.includes('as of'),
    );
    expect(text).toContain('Deployment `shop/made-during-the-drop` 1/1 ready');
    expect(text).toContain('prod-eu · as of');
  });
});

describe('a cluster lost after it was synced', () => {
  it('answers from the cache saying when it last synced, then says it is unreachable', async () => {
    await world.staging.close();
    const stale = await eventually(
      () => k8s(world, 'pods shop --cluster staging'),
      (reply) => reply.text.includes('last synced'),
    );
    expect(stale.text).toMatch(/1 pod in `shop`/);
    expect(stale.text).toMatch(
      /:warning: staging · last synced <!date\^\d+\^[^>]+>.* — this may be out of date/,
    );
    world.clock.advance(5 * 60_000);
    const gone = await k8s(world, 'pods shop --cluster staging');
    expect(gone.text).toMatch(
      /:warning: Cluster staging did not answer for \d+ min; last seen 5 min ago\./,
    );
  });
});
