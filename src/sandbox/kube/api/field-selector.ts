// Field selectors as list and watch accept them: only the fields the real API server indexes, per resource.
import { badRequest } from './status.js';
import type { KubeObject } from '../types.js';

export type FieldSelector = (object: KubeObject) => boolean;

type Getter = (object: KubeObject) => string;

function path(...keys: string[]): Getter {
  return (object) => {
    let value: unknown = object;
    for (const key of keys) {
      value =
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value === undefined || value === null ? '' : String(value);
  };
}

function withDefault(getter: Getter, fallback: string): Getter {
  return (object) => getter(object) || fallback;
}

const COMMON: Record<string, Getter> = {
  'metadata.name': path('metadata', 'name'),
  'metadata.namespace': path('metadata', 'namespace'),
};

const INVOLVED = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

const BY_RESOURCE: Record<string, Record<string, Getter>> = {
  pods: {
    'spec.nodeName': path('spec', 'nodeName'),
    'spec.restartPolicy': path('spec', 'restartPolicy'),
    'spec.schedulerName': path('spec', 'schedulerName'),
    'spec.serviceAccountName': path('spec', 'serviceAccountName'),
    'spec.hostNetwork': withDefault(path('spec', 'hostNetwork'), 'false'),
    'status.phase': path('status', 'phase'),
    'status.podIP': path('status', 'podIP'),
    'status.nominatedNodeName': path('status', 'nominatedNodeName'),
  },
  events: {
    ...Object.fromEntries(
      INVOLVED.map((key) => [`involvedObject.${key}`, path('involvedObject', key)]),
    ),
    reason: path('reason'),
    reportingComponent: path('reportingComponent'),
    source: path('source', 'component'),
    type: path('type'),
  },
  nodes: { 'spec.unschedulable': withDefault(path('spec', 'unschedulable'), 'false') },
  namespaces: { 'status.phase': path('status', 'phase') },
  replicasets: { 'status.replicas': path('status', 'replicas') },
};

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '\\') {
      current += char + (text[i + 1] ?? '');
      i += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function parseTerm(term: string, getters: Record<string, Getter>): FieldSelector {
  const match = /^([^!=]+?)\s*(==|!=|=)\s*(.*)$/.exec(term.trim());
  if (!match?.[1] || !match[2]) {
    throw badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
  }
  const field = match[1];
  const getter = getters[field];
  if (!getter) throw badRequest(`field label not supported: ${field}`);
  const value = unescape(match[3] ?? '');
  return match[2] === '!=' ? (o) => getter(o) !== value : (o) => getter(o) === value;
}

/** Parses a `fieldSelector` query value for a resource; unknown fields answer 400 like the real server. */
export function parseFieldSelector(selector: string | undefined, resource: string): FieldSelector {
  const getters = { ...COMMON, ...BY_RESOURCE[resource] };
  const terms = splitUnescaped(selector ?? '', ',').filter((term) => term.trim() !== '');
  const tests = terms.map((term) => parseTerm(term, getters));
  if (tests.length === 0) return () => true;
  return (object) => tests.every((test) => test(object));
}
