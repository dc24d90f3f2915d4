// `kubectl apply -k <dir> --dry-run=client` for each kustomization, with the kubectl on PATH against a
// stand-in API server (a client-side dry run still needs discovery): kustomize builds every directory
// and kubectl recognises every object. Schema validation needs the server's OpenAPI document, which a
// stand-in cannot honestly provide, hence --validate=false; test/unit/manifests.test.ts checks shape.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startDiscoveryApiServer,
  type DiscoveryApiServer,
} from '../support/discovery-api-server.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
let server: DiscoveryApiServer;
let home: string;

beforeAll(async () => {
  server = await startDiscoveryApiServer();
  home = mkdtempSync(join(tmpdir(), 'watchkeeper-kubectl-'));
  writeFileSync(join(home, 'kubeconfig'), '');
});

afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

/** What `kubectl apply -k dir --dry-run=client -o name` would create, in kubectl's order. */
async function dryRun(dir: string): Promise<string[]> {
  const { stdout } = await run(
    'kubectl',
    [
      'apply',
      '-k',
      join(root, dir),
      '--dry-run=client',
      '--validate=false',
      '-o',
      'name',
      '--server',
      server.url,
      '--cache-dir',
      join(home, 'cache'),
    ],
    { env: { ...process.env, KUBECONFIG: join(home, 'kubeconfig'), HOME: home }, timeout: 20_000 },
  );
  return stdout.trim().split('\n');
}

describe('kubectl apply -k --dry-run=client', () => {
  it('applies the bot: namespace, RBAC, generated config, Deployment, Service, PDB, NetworkPolicy', async () => {
    const objects = await dryRun('manifest/kubernetes');
    expect(objects.filter((o) => !o.startsWith('configmap/'))).toEqual([
      'namespace/watchkeeper',
      'serviceaccount/watchkeeper',
      'clusterrole.rbac.authorization.k8s.io/watchkeeper-read',
      'clusterrole.rbac.authorization.k8s.io/watchkeeper-rollback',
      'clusterrolebinding.rbac.authorization.k8s.io/watchkeeper-read',
      'clusterrolebinding.rbac.authorization.k8s.io/watchkeeper-rollback',
      'service/watchkeeper',
      'deployment.apps/watchkeeper',
      'poddisruptionbudget.policy/watchkeeper',
      'networkpolicy.networking.k8s.io/watchkeeper',
    ]);
    expect(objects.filter((o) => o.startsWith('configmap/'))).toEqual([
      expect.stringMatching(/^configmap\/watchkeeper-config-[a-z0-9]{10}$/),
    ]);
  });

  it('applies the migration Job on its own', async () => {
    expect(await dryRun('manifest/kubernetes/migrate')).toEqual(['job.batch/watchkeeper-migrate']);
  });

  it('applies a rollback Role and RoleBinding per listed namespace', async () => {
    expect(await dryRun('manifest/kubernetes/namespaced')).toEqual([
      'role.rbac.authorization.k8s.io/watchkeeper-rollback',
      'role.rbac.authorization.k8s.io/watchkeeper-rollback',
      'rolebinding.rbac.authorization.k8s.io/watchkeeper-rollback',
      'rolebinding.rbac.authorization.k8s.io/watchkeeper-rollback',
    ]);
  });
});
