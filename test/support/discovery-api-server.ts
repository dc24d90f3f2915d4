// A stand-in Kubernetes API server that answers discovery for the kinds in manifest/kubernetes and
// "not found" for every object, which is all `kubectl apply --dry-run=client` asks of a server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ServedResource {
  group: string;
  name: string;
  kind: string;
  namespaced: boolean;
}

const RESOURCES: ServedResource[] = [
  { group: '', name: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: '', name: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
  { group: '', name: 'services', kind: 'Service', namespaced: true },
  { group: '', name: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { group: '', name: 'secrets', kind: 'Secret', namespaced: true },
  { group: 'apps', name: 'deployments', kind: 'Deployment', namespaced: true },
  { group: 'batch', name: 'jobs', kind: 'Job', namespaced: true },
  { group: 'policy', name: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true },
  { group: 'networking.k8s.io', name: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  {
    group: 'rbac.authorization.k8s.io',
    name: 'clusterroles',
    kind: 'ClusterRole',
    namespaced: false,
  },
  {
    group: 'rbac.authorization.k8s.io',
    name: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    namespaced: false,
  },
  { group: 'rbac.authorization.k8s.io', name: 'roles', kind: 'Role', namespaced: true },
  {
    group: 'rbac.authorization.k8s.io',
    name: 'rolebindings',
    kind: 'RoleBinding',
    namespaced: true,
  },
];

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const groups = [...new Set(RESOURCES.map((r) => r.group).filter((g) => g !== ''))];

function resourceList(group: string): object {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? 'v1' : `${group}/v1`,
    resources: RESOURCES.filter((r) => r.group === group).map((r) => ({
      name: r.name,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
    })),
  };
}

function discovery(path: string): object | undefined {
  if (path === '/version') return { major: '1', minor: '32', gitVersion: 'v1.32.0' };
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'] };
  if (path === '/api/v1') return resourceList('');
  if (path === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((name) => ({
        name,
        versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
        preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
      })),
    };
  }
  const group = /^\/apis\/([^/]+)\/v1$/.exec(path)?.[1];
  return group && groups.includes(group) ? resourceList(group) : undefined;
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
  const found = discovery(path);
  const [status, body] = found
    ? [200, found]
    : [404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }];
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export interface DiscoveryApiServer {
  url: string;
  close(): Promise<void>;
}

export async function startDiscoveryApiServer(): Promise<DiscoveryApiServer> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
