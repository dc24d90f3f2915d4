// The HTTP front of the simulated cluster: bearer-token check, request recording, fault injection,
// routing to discovery, read, write, watch and log handlers, and Status bodies for every error.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.js';
import {
  errorResponse,
  jsonResponse,
  mediaType,
  readBody,
  textResponse,
  type ApiResponse,
} from './http.js';
import { podLogs, type LogSources } from './logs.js';
import { getObject, listObjects } from './read.js';
import { route, verbOf, type ResourcePath } from './router.js';
import {
  ApiError,
  forbidden,
  injectedFailure,
  methodNotAllowed,
  pageNotFound,
  unauthorized,
} from './status.js';
import { createObject, deleteObject, patchObject, updateObject } from './write.js';
import type { WatchHub } from './watch.js';
import type { Faults } from '../faults.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string;
  /** Parsed JSON when the body was JSON, the text otherwise, undefined when empty. */
  body: unknown;
  at: Date;
}

export interface ServerParts extends LogSources {
  watches: WatchHub;
  faults: Faults;
  requests: RecordedRequest[];
  token: string;
  user: string;
  /** Lets the controllers react after a write, before the answer goes out. */
  settle: () => void;
}

function recordedBody(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  if (!contentType.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(response: ServerResponse, answer: ApiResponse): void {
  response.writeHead(answer.status, {
    'Content-Type': answer.contentType,
    'Cache-Control': 'no-cache, private',
    'Audit-Id': randomUUID(),
  });
  response.end(answer.body);
}

async function resourceRequest(
  parts: ServerParts,
  request: IncomingMessage,
  response: ServerResponse,
  path: ResourcePath,
  url: URL,
  body: string,
): Promise<ApiResponse | undefined> {
  const method = request.method ?? 'GET';
  const query = url.searchParams;
  const watch = ['true', '1'].includes(query.get('watch') ?? '');
  const verb = verbOf(method, path, watch);
  const { type, subresource, namespace, name } = path;
  const decision = parts.faults.decide({
    verb,
    resource: subresource ? `${type.name}/${subresource}` : type.name,
    namespace,
  });
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  if (decision.forbidden)
    throw forbidden({ user: parts.user, verb, type, subresource, namespace, name });
  if (decision.failWith !== undefined) throw injectedFailure(decision.failWith);
  if (subresource !== undefined && !type.subresources?.some((s) => s.name === subresource))
    throw pageNotFound();
  if (subresource === 'log' && verb !== 'get') throw methodNotAllowed();
  switch (verb) {
    case 'watch':
      parts.watches.serve(response, path, query);
      return undefined;
    case 'list':
      return listObjects(parts.registry, path, query);
    case 'get':
      return subresource === 'log'
        ? podLogs(parts, path, name ?? '', query)
        : getObject(parts.registry, path, name ?? '');
    case 'create':
      if (name !== undefined) throw methodNotAllowed();
      return settled(parts, createObject(parts.registry, path, body));
    case 'patch':
      return settled(
        parts,
        patchObject(
          parts.registry,
          path,
          name ?? '',
          mediaType(request.headers['content-type']),
          body,
        ),
      );
    case 'update':
      return settled(parts, updateObject(parts.registry, path, name ?? '', body));
    case 'delete':
      return settled(parts, deleteObject(parts.registry, path, name ?? '', body));
    default:
      throw methodNotAllowed();
  }
}

function settled(parts: ServerParts, answer: ApiResponse): ApiResponse {
  parts.settle();
  return answer;
}

async function handle(
  parts: ServerParts,
  request: IncomingMessage,
  response: ServerResponse,
  host: string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://simulated');
  const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method ?? '')
    ? await readBody(request)
    : '';
  const contentType = mediaType(request.headers['content-type']);
  parts.requests.push({
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    contentType,
    body: recordedBody(body, contentType),
    at: parts.clock.now(),
  });
  const routed = route(url.pathname);
  if (routed.kind === 'root' && routed.name === 'health')
    return send(response, textResponse(200, 'ok'));
  if (request.headers.authorization !== `Bearer ${parts.token}`) throw unauthorized();
  let answer: ApiResponse | undefined;
  if (routed.kind === 'root') {
    const documents = { api: () => apiVersions(host), apis: apiGroupList, version: versionInfo };
    answer = jsonResponse(200, documents[routed.name === 'health' ? 'version' : routed.name]());
  } else if (routed.kind === 'discovery') {
    answer = jsonResponse(
      200,
      routed.version ? apiResourceList(routed.group, routed.version) : apiGroup(routed.group),
    );
  } else if (routed.kind === 'resource') {
    answer = await resourceRequest(parts, request, response, routed.path, url, body);
  } else {
    throw pageNotFound();
  }
  if (answer) send(response, answer);
}

export async function startApiServer(
  parts: ServerParts,
  port: number,
): Promise<{ server: Server; url: string }> {
  let host = '';
  const server = createServer((request, response) => {
    handle(parts, request, response, host).catch((error: unknown) => {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(
              500,
              'InternalError',
              `Internal error occurred: ${(error as Error).message}`,
            );
      if (response.headersSent) response.destroy();
      else send(response, errorResponse(apiError));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  host = `127.0.0.1:${actualPort}`;
  return { server, url: `http://${host}` };
}
