// Strategic merge patch for the kinds served: lists merged by their Kubernetes merge key
// (containers and env by name, ports by containerPort, ...), plus the $patch, $retainKeys,
// $setElementOrder and $deleteFromPrimitiveList directives.
import { badRequest } from '../api/status.js';
import { deepEqual, isJsonObject } from './json.js';
import type { JsonObject, JsonValue } from '../types.js';

/** patchMergeKey of each merged list field in the core and apps types served here. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  addresses: 'type',
};

/** Lists of scalars whose patch strategy is merge (a set union), not replace. */
const PRIMITIVE_MERGE_LISTS = new Set(['finalizers']);

const SET_ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';

function stripDirectives(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value
      .filter((item) => !(isJsonObject(item) && item.$patch === 'delete'))
      .map(stripDirectives);
  }
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (!key.startsWith('$') && item !== undefined) result[key] = stripDirectives(item);
  }
  return result;
}

function mergeKeyedList(original: JsonValue[], patch: JsonValue[], mergeKey: string): JsonValue[] {
  if (patch.some((item) => isJsonObject(item) && item.$patch === 'replace')) {
    return patch
      .filter((item) => !(isJsonObject(item) && item.$patch === 'replace'))
      .map(stripDirectives);
  }
  const result = original.map((item) => structuredClone(item));
  for (const item of patch) {
    if (!isJsonObject(item) || item[mergeKey] === undefined) {
      throw badRequest(
        `map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`,
      );
    }
    const index = result.findIndex(
      (existing) => isJsonObject(existing) && deepEqual(existing[mergeKey], item[mergeKey]),
    );
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = mergeValue(result[index], item, undefined) ?? item;
    } else {
      result.push(stripDirectives(item));
    }
  }
  return result;
}

function mergeList(
  field: string,
  original: JsonValue | undefined,
  patch: JsonValue[],
): JsonValue[] {
  const originalList = Array.isArray(original) ? original : [];
  const mergeKey = MERGE_KEYS[field];
  if (mergeKey) return mergeKeyedList(originalList, patch, mergeKey);
  if (PRIMITIVE_MERGE_LISTS.has(field)) {
    return [
      ...originalList,
      ...patch.filter((item) => !originalList.some((o) => deepEqual(o, item))),
    ];
  }
  return patch.map(stripDirectives);
}

function orderList(list: JsonValue[], order: JsonValue[], field: string): JsonValue[] {
  const mergeKey = MERGE_KEYS[field];
  const keyOf = (item: JsonValue) => (mergeKey && isJsonObject(item) ? item[mergeKey] : item);
  const position = (item: JsonValue) => {
    const index = order.findIndex((entry) =>
      deepEqual(isJsonObject(entry) && mergeKey ? entry[mergeKey] : entry, keyOf(item)),
    );
    return index < 0 ? order.length : index;
  };
  return [...list].sort((a, b) => position(a) - position(b));
}

function mergeObject(original: JsonObject, patch: JsonObject): JsonValue | undefined {
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const result: JsonObject = { ...original };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith(SET_ORDER) || key.startsWith(DELETE_FROM)) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const merged = mergeValue(result[key], value, key);
    if (merged === undefined) delete result[key];
    else result[key] = merged;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM) && Array.isArray(value)) {
      const field = key.slice(DELETE_FROM.length);
      const list = result[field];
      if (Array.isArray(list))
        result[field] = list.filter((item) => !value.some((v) => deepEqual(v, item)));
    }
    if (key.startsWith(SET_ORDER) && Array.isArray(value)) {
      const field = key.slice(SET_ORDER.length);
      const list = result[field];
      if (Array.isArray(list)) result[field] = orderList(list, value, field);
    }
  }
  const retainKeys = patch.$retainKeys;
  if (Array.isArray(retainKeys)) {
    for (const key of Object.keys(result)) if (!retainKeys.includes(key)) delete result[key];
  }
  return result;
}

function mergeValue(
  original: JsonValue | undefined,
  patch: JsonValue,
  field: string | undefined,
): JsonValue | undefined {
  if (Array.isArray(patch))
    return field ? mergeList(field, original, patch) : patch.map(stripDirectives);
  if (isJsonObject(patch)) return mergeObject(isJsonObject(original) ? original : {}, patch);
  return patch;
}

/** Applies a strategic merge patch to a whole object. */
export function applyStrategicMergePatch(document: JsonValue, patch: unknown): JsonValue {
  if (!isJsonObject(patch)) throw badRequest('strategic merge patch must be a JSON object');
  const merged = mergeObject(isJsonObject(document) ? document : {}, patch as JsonObject);
  return structuredClone(merged ?? {});
}
