// Label selectors as list and watch accept them: =, ==, !=, in, notin, exists and !exists.
import { badRequest } from './status.js';
import type { StringMap } from '../types.js';

type Requirement =
  | { op: 'exists' | 'notexists'; key: string }
  | { op: 'in' | 'notin'; key: string; values: Set<string> };

export type LabelSelector = (labels: StringMap | undefined) => boolean;

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const NOT_EXISTS = new RegExp(`^!\\s*(${KEY})$`);
const EXISTS = new RegExp(`^(${KEY})$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|!=|=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);

function splitTopLevel(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms.map((term) => term.trim()).filter((term) => term !== '');
}

function parseRequirement(term: string): Requirement {
  let match = NOT_EXISTS.exec(term);
  if (match?.[1]) return { op: 'notexists', key: match[1] };
  match = EXISTS.exec(term);
  if (match?.[1]) return { op: 'exists', key: match[1] };
  match = EQUALITY.exec(term);
  if (match?.[1] && match[3] !== undefined) {
    const op = match[3] === '!=' ? 'notin' : 'in';
    return { op, key: match[1], values: new Set([match[4] ?? '']) };
  }
  match = SET.exec(term);
  if (match?.[1] && match[3] && match[4] !== undefined) {
    const values = match[4].split(',').map((value) => value.trim());
    return { op: match[3] === 'in' ? 'in' : 'notin', key: match[1], values: new Set(values) };
  }
  throw badRequest(`unable to parse requirement: invalid label selector term "${term}"`);
}

function matches(requirement: Requirement, labels: StringMap): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  switch (requirement.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && requirement.values.has(labels[requirement.key] ?? '');
    case 'notin':
      return !has || !requirement.values.has(labels[requirement.key] ?? '');
  }
}

/** Parses a `labelSelector` query value; an empty selector matches everything. */
export function parseLabelSelector(selector: string | undefined): LabelSelector {
  const requirements = splitTopLevel(selector ?? '').map(parseRequirement);
  if (requirements.length === 0) return () => true;
  return (labels) => requirements.every((requirement) => matches(requirement, labels ?? {}));
}

/** The selector a `matchLabels` map stands for. */
export function matchLabelsSelector(matchLabels: StringMap | undefined): LabelSelector {
  const entries = Object.entries(matchLabels ?? {});
  return (labels) => entries.every(([key, value]) => labels?.[key] === value);
}
