// RFC 6902 JSON Patch (add, remove, replace, move, copy, test), applied atomically to a copy.
import { badRequest, unprocessablePatch } from '../api/status.js';
import { deepEqual } from './json.js';
import type { JsonValue } from '../types.js';

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
}

type Container = JsonValue[] | { [key: string]: JsonValue | undefined };

class PatchFailure extends Error {}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isContainer(value: JsonValue | undefined): value is Container {
  return typeof value === 'object' && value !== null;
}

function arrayIndex(array: JsonValue[], token: string, forInsert: boolean): number {
  if (forInsert && token === '-') return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new PatchFailure(`invalid array index ${token}`);
  const index = Number(token);
  if (index > array.length || (!forInsert && index === array.length)) {
    throw new PatchFailure(`array index ${token} out of bounds`);
  }
  return index;
}

function resolveParent(doc: JsonValue, tokens: string[]): { parent: Container; key: string } {
  let current: JsonValue | undefined = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, false)];
    else if (isContainer(current)) current = current[token];
    else current = undefined;
    if (!isContainer(current)) throw new PatchFailure(`missing path ${tokens.join('/')}`);
  }
  if (!isContainer(current)) throw new PatchFailure('missing path');
  return { parent: current, key: tokens[tokens.length - 1] ?? '' };
}

function getValue(doc: JsonValue, pointer: string): JsonValue {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return doc;
  const { parent, key } = resolveParent(doc, tokens);
  const value = Array.isArray(parent) ? parent[arrayIndex(parent, key, false)] : parent[key];
  if (value === undefined) throw new PatchFailure(`missing path ${pointer}`);
  return value;
}

function removeValue(doc: JsonValue, pointer: string): JsonValue {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw new PatchFailure('cannot remove the whole document');
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent)) {
    const [removed] = parent.splice(arrayIndex(parent, key, false), 1);
    return removed ?? null;
  }
  const removed = parent[key];
  if (removed === undefined) throw new PatchFailure(`missing path ${pointer}`);
  delete parent[key];
  return removed;
}

function addValue(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else parent[key] = value;
  return doc;
}

function replaceValue(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  getValue(doc, pointer);
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent)) parent[arrayIndex(parent, key, false)] = value;
  else parent[key] = value;
  return doc;
}

function parseOperations(patch: unknown): Operation[] {
  if (!Array.isArray(patch))
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  return patch.map((raw: unknown) => {
    const op = raw as Partial<Operation> | null;
    if (!op || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw badRequest('invalid JSON patch operation: "op" and "path" are required');
    }
    const needsValue = ['add', 'replace', 'test'].includes(op.op);
    if (needsValue && !('value' in op)) throw badRequest(`${op.op} operation is missing "value"`);
    if (['move', 'copy'].includes(op.op) && typeof op.from !== 'string') {
      throw badRequest(`${op.op} operation is missing "from"`);
    }
    return op as Operation;
  });
}

function applyOperation(doc: JsonValue, op: Operation): JsonValue {
  switch (op.op) {
    case 'add':
      return addValue(doc, op.path, structuredClone(op.value ?? null));
    case 'remove':
      removeValue(doc, op.path);
      return doc;
    case 'replace':
      return replaceValue(doc, op.path, structuredClone(op.value ?? null));
    case 'move': {
      const value = removeValue(doc, op.from ?? '');
      return addValue(doc, op.path, value);
    }
    case 'copy':
      return addValue(doc, op.path, structuredClone(getValue(doc, op.from ?? '')));
    case 'test':
      if (!deepEqual(getValue(doc, op.path), op.value ?? null)) {
        throw new PatchFailure(`testing value ${op.path} failed: test failed`);
      }
      return doc;
    default:
      throw badRequest(`Unexpected kind: ${op.op}`);
  }
}

/** Applies a JSON patch; a failed `test` or a missing path answers 422 Invalid like kube-apiserver. */
export function applyJsonPatch(document: JsonValue, patch: unknown): JsonValue {
  const operations = parseOperations(patch);
  let doc = structuredClone(document);
  try {
    for (const op of operations) doc = applyOperation(doc, op);
  } catch (error) {
    if (error instanceof PatchFailure) throw unprocessablePatch();
    throw error;
  }
  return doc;
}
