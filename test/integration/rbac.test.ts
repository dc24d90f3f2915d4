// The shipped ClusterRoles against the calls the code really makes: the watch caches, /k8s answers and
// a rollback of each workload kind run against a simulated API server, every recorded request is mapped
// to (verb, group, resource) as the API server's authorizer does, and must be allowed; every rule must be used.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ManualClock } from '../../src/clock.js';
import { ClusterQueries } from '../../src/cluster-queries/index.js';
import { ClusterRegistry } from '../../src/cluster/registry.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { planRollback, type RollbackPlan } from '../../src/rollback/engine/index.js';
import { SimulatedCluster, type RecordedRequest } from '../../src/sandbox/kube/index.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}
interface Access {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
}

const manifests = new URL('../../manifest/kubernetes/', import.meta.url);
const ROLE_FILES = ['rbac-read.yaml', 'rbac-rollback.yaml'];
/** Paths every authenticated identity may GET (the built-in ClusterRole system:discovery). */
const DISCOVERY = [/^\/api(\/[^/]+)?$/, /^\/apis(\/[^/]+){0,2}$/, /^\/version$/, /^\/openapi\//];
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

async function clusterRoleRules(): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const file of ROLE_FILES) {
    const text = await readFile(new URL(file, manifests), 'utf8');
    for (const doc of parseAllDocuments(text).map((d) => d.toJSON() as Record<string, unknown>)) {
      if (doc.kind === 'ClusterRole') rules.push(...(doc.rules as Rule[]));
    }
  }
  return rules;
}

/** What Kubernetes' RequestInfoFactory makes of a request; undefined for a non-resource path. */
function accessOf(request: Pick<RecordedRequest, 'method' | 'path' | 'query'>) {
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/?(.*)$/.exec(request.path);
  if (!match) return undefined;
  const group = match[2] ?? '';
  let parts = (match[4] ?? '').split('/').filter((p) => p !== '');
  const legacyWatch = parts[0] === 'watch';
  if (legacyWatch) parts = parts.slice(1);
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1];
    if (parts.length > 2 && !['status', 'finalize'].includes(parts[2] ?? ''))
      parts = parts.slice(2);
  }
  const [resource = '', name, subresource] = parts;
  const verbs: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch' };
  let verb = verbs[request.method] ?? (request.method === 'DELETE' ? 'delete' : 'get');
  if (legacyWatch) verb = 'watch';
  else if (verb === 'get' && name === undefined)
    verb = TRUE.has(request.query.watch ?? '') ? 'watch' : 'list';
  else if (verb === 'delete' && name === undefined) verb = 'deletecollection';
  const full = subresource ? `${resource}/${subresource}` : resource;
  const access: Access = { verb, group, resource: full };
  if (namespace !== undefined) access.namespace = namespace;
  if (name !== undefined) access.name = name;
  return access;
}

const allows = (rule: Rule, access: Access) =>
  (rule.apiGroups.includes(access.group) || rule.apiGroups.includes('*')) &&
  (rule.resources.includes(access.resource) || rule.resources.includes('*')) &&
  (rule.verbs.includes(access.verb) || rule.verbs.includes('*')) &&
  (!rule.resourceNames?.length || rule.resourceNames.includes(access.name ?? ''));

const key = (a: Pick<Access, 'verb' | 'group' | 'resource'>) =>
  `${a.verb} ${a.group || 'core'}/${a.resource}`;

const appYaml = async () =>
  (await readFile(new URL('app.yaml', manifests), 'utf8')).replace(
    'inCluster: true',
    'context: prod-eu',
  );

let sim: SimulatedCluster;
let registry: ClusterRegistry;
let dir: string;
let rules: Rule[];
const patched: Record<string, RollbackPlan> = {};

beforeAll(async () => {
  rules = await clusterRoleRules();
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  sim = await SimulatedCluster.start({ clock, name: 'prod-eu' });
  sim.addNode('node-1');
  for (const version of ['1', '2']) {
    sim.applyDeployment('shop', 'web', { image: `shop/web:${version}`, replicas: 2 });
    sim.applyStatefulSet('data', 'db', { image: `db:${version}` });
    sim.applyDaemonSet('infra', 'agent', { image: `agent:${version}` });
  }
  sim.setLogs('shop', 'web', ['GET / 200', 'GET /cart 500']);
  sim.recordEvent('Deployment', 'shop', 'web', {
    type: 'Warning',
    reason: 'FailedCreate',
    message: 'quota exceeded',
  });
  dir = await mkdtemp(join(tmpdir(), 'watchkeeper-rbac-'));
  sim.writeKubeconfig(join(dir, 'kubeconfig'), 'prod-eu');
  await writeFile(join(dir, 'app.yaml'), await appYaml(), 'utf8');
  const config = loadConfig(join(dir, 'app.yaml'));
  registry = await ClusterRegistry.start({
    clusters: config.clusters,
    kubeconfigPath: join(dir, 'kubeconfig'),
    clock,
    logger: createLogger('silent'),
    syncTimeoutMs: 5_000,
  });
  // Every resource the cache needs is watched once its LIST is done.
  await vi.waitFor(() => expect(sim.requests.filter((r) => r.query.watch)).toHaveLength(8), {
    timeout: 5_000,
  });

  // /k8s answers that call the API server rather than the cache: logs and the live event list.
  const queries = new ClusterQueries({ config, clusters: registry, clock });
  const asked = { channelId: 'C0PLATFORM1', userId: 'U0ALICE01' };
  const pod = registry.requireSynced('prod-eu').pods('shop')[0]?.metadata?.name ?? '';
  const logs = await queries.logs(asked, { namespace: 'shop', pod, tail: 20, previous: false });
  expect(JSON.stringify(logs)).toContain('GET /cart 500');
  const events = await queries.events(asked, { warningsOnly: false });
  expect(events.rows.map((r) => r.reason)).toContain('FailedCreate');

  // A rollback of each kind, as the engine plans it: read fresh, list history, patch.
  const { apps } = registry.api('prod-eu');
  const strategic = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
  const web = { name: 'web', namespace: 'shop' };
  const deployment = await apps.readNamespacedDeployment(web);
  const replicaSets = (await apps.listNamespacedReplicaSet({ namespace: 'shop' })).items;
  patched.Deployment = planRollback({
    kind: 'Deployment',
    object: deployment,
    replicaSets,
    gitopsPolicy: 'warn',
  });
  if (patched.Deployment.kind === 'patch')
    await apps.patchNamespacedDeployment({ ...web, body: patched.Deployment.patch });
  const db = { name: 'db', namespace: 'data' };
  patched.StatefulSet = planRollback({
    kind: 'StatefulSet',
    object: await apps.readNamespacedStatefulSet(db),
    controllerRevisions: (await apps.listNamespacedControllerRevision({ namespace: 'data' })).items,
    gitopsPolicy: 'warn',
  });
  if (patched.StatefulSet.kind === 'patch')
    await apps.patchNamespacedStatefulSet({ ...db, body: patched.StatefulSet.patch }, strategic);
  const agent = { name: 'agent', namespace: 'infra' };
  patched.DaemonSet = planRollback({
    kind: 'DaemonSet',
    object: await apps.readNamespacedDaemonSet(agent),
    controllerRevisions: (await apps.listNamespacedControllerRevision({ namespace: 'infra' }))
      .items,
    gitopsPolicy: 'warn',
  });
  if (patched.DaemonSet.kind === 'patch')
    await apps.patchNamespacedDaemonSet({ ...agent, body: patched.DaemonSet.patch }, strategic);
});

afterAll(async () => {
  await registry?.stop();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the bot RBAC', () => {
  it('maps requests to verbs as the API server does', () => {
    const request = (method: string, path: string, query: Record<string, string> = {}) =>
      accessOf({ method, path, query });
    expect(request('GET', '/api/v1/pods', { watch: 'true' })).toEqual({
      verb: 'watch',
      group: '',
      resource: 'pods',
    });
    expect(request('GET', '/api/v1/namespaces/shop/pods/web-1/log')).toEqual({
      verb: 'get',
      group: '',
      resource: 'pods/log',
      namespace: 'shop',
      name: 'web-1',
    });
    expect(request('GET', '/api/v1/namespaces/shop')).toMatchObject({
      verb: 'get',
      resource: 'namespaces',
      name: 'shop',
    });
    expect(request('GET', '/api/v1/watch/namespaces/shop/events')).toMatchObject({
      verb: 'watch',
      resource: 'events',
    });
    expect(request('PATCH', '/apis/apps/v1/namespaces/shop/deployments/web')).toMatchObject({
      verb: 'patch',
      group: 'apps',
    });
    expect(request('DELETE', '/api/v1/namespaces/shop/secrets')?.verb).toBe('deletecollection');
    expect(request('GET', '/version')).toBeUndefined();
  });

  it('the rollbacks really ran: each kind was patched back to revision 1', async () => {
    for (const plan of Object.values(patched)) expect(plan).toMatchObject({ kind: 'patch' });
    const { apps } = registry.api('prod-eu');
    const web = await apps.readNamespacedDeployment({ name: 'web', namespace: 'shop' });
    expect(web.spec?.template.spec?.containers[0]?.image).toBe('shop/web:1');
    const db = await apps.readNamespacedStatefulSet({ name: 'db', namespace: 'data' });
    expect(db.spec?.template.spec?.containers[0]?.image).toBe('db:1');
    const agent = await apps.readNamespacedDaemonSet({ name: 'agent', namespace: 'infra' });
    expect(agent.spec?.template.spec?.containers[0]?.image).toBe('agent:1');
  });

  it('allows every request the code made', () => {
    const denied = sim.requests
      .map((r) => ({ request: `${r.method} ${r.path}`, access: accessOf(r) }))
      .filter(({ access }) => access && !rules.some((rule) => allows(rule, access)));
    expect(denied).toEqual([]);
    const nonResource = sim.requests.filter((r) => !accessOf(r)).map((r) => r.path);
    expect(nonResource.filter((path) => !DISCOVERY.some((p) => p.test(path)))).toEqual([]);
  });

  it('grants nothing the code did not use', () => {
    const used = new Set(sim.requests.flatMap((r) => accessOf(r) ?? []).map(key));
    const granted = rules.flatMap((rule) =>
      rule.apiGroups.flatMap((group) =>
        rule.resources.flatMap((resource) =>
          rule.verbs.map((verb) => key({ verb, group, resource })),
        ),
      ),
    );
    expect(granted.filter((grant) => !used.has(grant))).toEqual([]);
  });

  it('never names Secrets or ConfigMaps, and uses no wildcard', () => {
    for (const rule of rules) {
      expect(rule.resources).not.toContain('secrets');
      expect(rule.resources).not.toContain('configmaps');
      expect([...rule.apiGroups, ...rule.resources, ...rule.verbs]).not.toContain('*');
    }
  });
});
