// get and list: selectors, limit/continue paging, list metadata.resourceVersion, items in key order.
import { parseFieldSelector } from './field-selector.js';
import { jsonResponse, type ApiResponse } from './http.js';
import { parseLabelSelector } from './label-selector.js';
import { itemJson, objectJson } from './serialize.js';
import { badRequest } from './status.js';
import { apiVersionOf } from '../resources.js';
import type { ResourcePath } from './router.js';
import type { Registry } from '../store/registry.js';
import type { KubeObject } from '../types.js';

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

/** The position of an object in key order, kept as [namespace, name] so order matches the store's. */
function keyOf(object: KubeObject): string {
  return JSON.stringify([object.metadata.namespace ?? '', object.metadata.name]);
}

function isAfter(object: KubeObject, [namespace, name]: [string, string]): boolean {
  const ns = object.metadata.namespace ?? '';
  return ns > namespace || (ns === namespace && object.metadata.name > name);
}

function encodeContinue(rv: number, lastKey: string): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv, start: lastKey };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ContinueToken;
    if (token.v !== 'meta.k8s.io/v1' || typeof token.start !== 'string')
      throw new Error('bad version');
    JSON.parse(token.start);
    return token;
  } catch {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
}

export function getObject(registry: Registry, path: ResourcePath, name: string): ApiResponse {
  return jsonResponse(200, objectJson(registry.require(path.type, path.namespace ?? '', name)));
}

export function listObjects(
  registry: Registry,
  path: ResourcePath,
  query: URLSearchParams,
): ApiResponse {
  const { type } = path;
  const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(query.get('fieldSelector') ?? undefined, type.name);
  const limit = Number.parseInt(query.get('limit') ?? '0', 10) || 0;
  const token = query.get('continue') ? decodeContinue(query.get('continue') ?? '') : undefined;
  const start = token ? (JSON.parse(token.start) as [string, string]) : undefined;
  const selective = query.has('labelSelector') || query.has('fieldSelector');
  const items: string[] = [];
  let lastKey = '';
  let remaining = 0;
  for (const object of registry.store.sorted(type, path.namespace)) {
    if (start && !isAfter(object, start)) continue;
    if (!labels(object.metadata.labels) || !fields(object)) continue;
    if (limit > 0 && items.length >= limit) {
      remaining += 1;
      if (selective) break;
      continue;
    }
    items.push(itemJson(object));
    lastKey = keyOf(object);
  }
  const resourceVersion = token?.rv ?? registry.store.resourceVersion;
  const metadata: Record<string, string | number> = { resourceVersion: String(resourceVersion) };
  if (remaining > 0) {
    metadata.continue = encodeContinue(resourceVersion, lastKey);
    if (!selective) metadata.remainingItemCount = remaining;
  }
  const head = `{"kind":"${type.kind}List","apiVersion":"${apiVersionOf(type)}","metadata":${JSON.stringify(metadata)}`;
  return jsonResponse(200, `${head},"items":[${items.join(',')}]}`);
}
