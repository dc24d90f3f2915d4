// clusterConnections: one KubeConfig per cluster set to its own context from one kubeconfig (or several
// joined like $KUBECONFIG); a missing file, an unknown context or in-cluster outside a pod is one sentence.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { clusterConnections } from '../../src/cluster/kubeconfig.js';

let dir: string;

function kubeconfig(contexts: Array<{ name: string; server: string }>): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: contexts.map((c) => ({ name: `${c.name}-cluster`, cluster: { server: c.server } })),
    users: contexts.map((c) => ({ name: `${c.name}-user`, user: { token: `token-${c.name}` } })),
    contexts: contexts.map((c) => ({
      name: c.name,
      context: { cluster: `${c.name}-cluster`, user: `${c.name}-user` },
    })),
    'current-context': contexts[0]?.name,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-kubeconfig-'));
  await writeFile(
    join(dir, 'main.yaml'),
    kubeconfig([
      { name: 'prod-eu', server: 'https://prod.example.com' },
      { name: 'staging', server: 'https://staging.example.com' },
    ]),
  );
  await writeFile(
    join(dir, 'extra.yaml'),
    kubeconfig([{ name: 'qa', server: 'https://qa.example.com' }]),
  );
  await writeFile(join(dir, 'broken.yaml'), 'clusters: [unterminated');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function server(
  connection: ReturnType<typeof clusterConnections> extends Map<string, infer C> ? C : never,
) {
  return connection.usable ? connection.kubeConfig.getCurrentCluster()?.server : connection.problem;
}

describe('clusterConnections', () => {
  it('gives each cluster its own copy set to its context', () => {
    const connections = clusterConnections(
      [
        { name: 'eu', context: 'prod-eu' },
        { name: 'stg', context: 'staging' },
      ],
      join(dir, 'main.yaml'),
    );
    expect(server(connections.get('eu')!)).toBe('https://prod.example.com');
    expect(server(connections.get('stg')!)).toBe('https://staging.example.com');
  });

  it('reads several files joined like $KUBECONFIG', () => {
    const path = [join(dir, 'main.yaml'), join(dir, 'extra.yaml')].join(delimiter);
    const connections = clusterConnections([{ name: 'qa', context: 'qa' }], path);
    expect(server(connections.get('qa')!)).toBe('https://qa.example.com');
  });

  it('names an unknown context and the file, and keeps the other clusters', () => {
    const path = join(dir, 'main.yaml');
    const connections = clusterConnections(
      [
        { name: 'eu', context: 'prod-eu' },
        { name: 'us', context: 'prod-us' },
      ],
      path,
    );
    expect(connections.get('eu')?.usable).toBe(true);
    expect(server(connections.get('us')!)).toBe(
      `context "prod-us" of cluster us is not in the kubeconfig ${path} (known contexts: prod-eu, staging); us is not watched`,
    );
  });

  it.each([
    ['missing.yaml', 'no such file'],
    ['broken.yaml', 'it is not a valid kubeconfig'],
  ])('says why %s cannot be used', (file, why) => {
    const path = join(dir, file);
    const connections = clusterConnections([{ name: 'eu', context: 'prod-eu' }], path);
    expect(server(connections.get('eu')!)).toBe(
      `could not read the kubeconfig ${path}: ${why}; eu is not watched`,
    );
  });

  it('refuses inCluster outside a pod', () => {
    vi.stubEnv('KUBERNETES_SERVICE_HOST', undefined);
    vi.stubEnv('KUBERNETES_SERVICE_PORT', undefined);
    const connections = clusterConnections([{ name: 'home', inCluster: true }], undefined);
    expect(server(connections.get('home')!)).toBe(
      'cluster home is set to inCluster, but the bot is not running in a Kubernetes pod; home is not watched',
    );
    vi.unstubAllEnvs();
  });
});
