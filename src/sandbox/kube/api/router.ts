// Maps a request path onto a resource: /api/v1/namespaces/{ns}/pods/{name}/log,
// /apis/apps/v1/deployments (all namespaces), /api/v1/nodes/{name}, legacy /watch/ prefixes.
import { findResourceType, RESOURCE_TYPES, type ResourceType } from '../resources.js';

export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The path used the legacy `/watch/` prefix. */
  legacyWatch: boolean;
}

export type RoutedPath =
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'discovery'; group: string; version?: string }
  | { kind: 'root'; name: 'api' | 'apis' | 'version' | 'health' }
  | { kind: 'unknown' };

function resourceRoute(group: string, version: string, segments: string[]): RoutedPath {
  const legacyWatch = segments[0] === 'watch';
  const rest = legacyWatch ? segments.slice(1) : segments;
  const [first, second, third, fourth, fifth] = rest;
  if (!first) return { kind: 'discovery', group, version };
  const namespacesType = findResourceType(group, version, 'namespaces');
  if (
    first === 'namespaces' &&
    second !== undefined &&
    third !== undefined &&
    !(namespacesType && (third === 'status' || third === 'finalize'))
  ) {
    const type = findResourceType(group, version, third);
    if (!type?.namespaced || rest.length > 5) return { kind: 'unknown' };
    return {
      kind: 'resource',
      path: { type, namespace: second, name: fourth, subresource: fifth, legacyWatch },
    };
  }
  const type = findResourceType(group, version, first);
  if (!type || rest.length > 3) return { kind: 'unknown' };
  if (type.namespaced && second !== undefined) return { kind: 'unknown' };
  return { kind: 'resource', path: { type, name: second, subresource: third, legacyWatch } };
}

export function route(pathname: string): RoutedPath {
  const segments = pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  const [root, second, third] = segments;
  if (root === 'version' && segments.length === 1) return { kind: 'root', name: 'version' };
  if (['healthz', 'livez', 'readyz'].includes(root ?? '') && segments.length === 1)
    return { kind: 'root', name: 'health' };
  if (root === 'api') {
    if (!second) return { kind: 'root', name: 'api' };
    if (second !== 'v1') return { kind: 'unknown' };
    return resourceRoute('', 'v1', segments.slice(2));
  }
  if (root === 'apis') {
    if (!second) return { kind: 'root', name: 'apis' };
    if (!RESOURCE_TYPES.some((t) => t.group === second)) return { kind: 'unknown' };
    if (!third) return { kind: 'discovery', group: second };
    if (!RESOURCE_TYPES.some((t) => t.group === second && t.version === third))
      return { kind: 'unknown' };
    return resourceRoute(second, third, segments.slice(3));
  }
  return { kind: 'unknown' };
}

/** The RBAC verb of a request, as the authorizer sees it. */
export function verbOf(method: string, path: ResourcePath, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (path.name !== undefined && !path.legacyWatch) return 'get';
      return watch || path.legacyWatch ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return path.name === undefined ? 'deletecollection' : 'delete';
    default:
      return method.toLowerCase();
  }
}
