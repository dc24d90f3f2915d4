// create, patch (JSON, merge, strategic merge), update and delete, with the API server's checks:
// namespace and name must match the URL, resourceVersion guards, status kept apart from spec writes.
import { errorResponse, jsonResponse, type ApiResponse } from './http.js';
import { objectJson } from './serialize.js';
import { badRequest, invalid, preconditionFailed, unsupportedMediaType } from './status.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { isJsonObject } from '../patch/json.js';
import { applyMergePatch } from '../patch/merge-patch.js';
import { applyStrategicMergePatch } from '../patch/strategic-merge.js';
import { apiVersionOf } from '../resources.js';
import type { ResourcePath } from './router.js';
import type { Registry } from '../store/registry.js';
import type { JsonValue, KubeObject } from '../types.js';

const STATUS_CLEARED_ON_CREATE = new Set([
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
]);

function parseJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw badRequest(`json parse error: ${(error as Error).message}`);
  }
}

function asObject(value: JsonValue, path: ResourcePath): KubeObject {
  if (!isJsonObject(value) || !isJsonObject(value.metadata ?? {})) {
    throw badRequest("Object 'Kind' is missing in the request body");
  }
  return {
    ...(value as unknown as KubeObject),
    apiVersion: apiVersionOf(path.type),
    kind: path.type.kind,
    metadata: { ...(value.metadata as unknown as KubeObject['metadata']) },
  };
}

function checkIdentity(object: KubeObject, path: ResourcePath, name: string | undefined): void {
  if (
    path.namespace !== undefined &&
    object.metadata.namespace &&
    object.metadata.namespace !== path.namespace
  ) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  if (name !== undefined && object.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
}

export function createObject(registry: Registry, path: ResourcePath, body: string): ApiResponse {
  const object = asObject(parseJson(body), path);
  checkIdentity(object, path, undefined);
  if (!object.metadata.name && !object.metadata.generateName) {
    throw invalid(
      path.type,
      '',
      'metadata.name',
      'Required value: name or generateName is required',
    );
  }
  if (path.namespace !== undefined) object.metadata.namespace = path.namespace;
  if (STATUS_CLEARED_ON_CREATE.has(path.type.kind)) delete object.status;
  return jsonResponse(201, objectJson(registry.create(path.type, object)));
}

function patched(current: KubeObject, contentType: string, patch: JsonValue): JsonValue {
  const document = current as unknown as JsonValue;
  switch (contentType) {
    case 'application/json-patch+json':
      return applyJsonPatch(document, patch);
    case 'application/merge-patch+json':
      return applyMergePatch(document, patch);
    case 'application/strategic-merge-patch+json':
      return applyStrategicMergePatch(document, patch);
    default:
      throw unsupportedMediaType();
  }
}

export function patchObject(
  registry: Registry,
  path: ResourcePath,
  name: string,
  contentType: string,
  body: string,
): ApiResponse {
  if (
    ![
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
    ].includes(contentType)
  ) {
    throw unsupportedMediaType();
  }
  const current = registry.require(path.type, path.namespace ?? '', name);
  const next = asObject(patched(current, contentType, parseJson(body)), path);
  checkIdentity(next, path, name);
  return jsonResponse(200, objectJson(write(registry, path, current, next)));
}

export function updateObject(
  registry: Registry,
  path: ResourcePath,
  name: string,
  body: string,
): ApiResponse {
  const current = registry.require(path.type, path.namespace ?? '', name);
  const next = asObject(parseJson(body), path);
  checkIdentity(next, path, name);
  if (!next.metadata.resourceVersion) {
    throw invalid(
      path.type,
      name,
      'metadata.resourceVersion',
      'Invalid value: 0x0: must be specified for an update',
    );
  }
  return jsonResponse(200, objectJson(write(registry, path, current, next)));
}

function write(
  registry: Registry,
  path: ResourcePath,
  current: KubeObject,
  next: KubeObject,
): KubeObject {
  const located: KubeObject = {
    ...next,
    metadata: {
      ...next.metadata,
      name: current.metadata.name,
      ...(path.namespace ? { namespace: path.namespace } : {}),
    },
  };
  if (path.subresource === 'status') {
    return registry.update(path.type, {
      ...current,
      metadata: { ...current.metadata, resourceVersion: located.metadata.resourceVersion },
      status: located.status,
    });
  }
  return registry.update(path.type, located, { keepStatus: true });
}

interface DeleteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
}

export function deleteObject(
  registry: Registry,
  path: ResourcePath,
  name: string,
  body: string,
): ApiResponse {
  const current = registry.require(path.type, path.namespace ?? '', name);
  const options = (body.trim() ? parseJson(body) : {}) as DeleteOptions;
  const { uid, resourceVersion } = options.preconditions ?? {};
  if (uid && uid !== current.metadata.uid) {
    return errorResponse(
      preconditionFailed(
        path.type,
        name,
        `UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`,
      ),
    );
  }
  if (resourceVersion && resourceVersion !== current.metadata.resourceVersion) {
    return errorResponse(
      preconditionFailed(
        path.type,
        name,
        `ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
      ),
    );
  }
  const removed = registry.delete(path.type, path.namespace ?? '', name);
  if (path.type.kind === 'Pod') return jsonResponse(200, objectJson(removed));
  return jsonResponse(200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name,
      ...(path.type.group ? { group: path.type.group } : {}),
      kind: path.type.name,
      uid: removed.metadata.uid,
    },
  });
}
