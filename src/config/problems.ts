// Turns zod's validation issues into plain sentences a platform engineer understands, one per problem.
import type { z } from 'zod';
import { settingsAt } from './schema-walk.js';
import { closestWord } from './suggest.js';

type Issue = z.core.$ZodIssue;

export interface IssueProblem {
  path: PropertyKey[];
  message: string;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of settings',
};

/** How a YAML value reads back to the person who wrote it: "text", 42, a list, nothing. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

function describeWrongType(issue: Extract<Issue, { code: 'invalid_type' }>): string {
  const expectation = EXPECTED[issue.expected] ?? issue.expected;
  if (issue.input === undefined) return 'is required';
  if (issue.path.length === 0) {
    return `the file must be a mapping of settings (timezone, clusters, teams, …), not ${describeValue(issue.input)}`;
  }
  if (issue.input === null) return `has no value; it must be ${expectation}`;
  if (issue.expected === 'string' && typeof issue.input === 'number') {
    return `must be text (got ${describeValue(issue.input)}: YAML read a number, so put the value in quotes)`;
  }
  return `must be ${expectation} (got ${describeValue(issue.input)})`;
}

function describeOutOfRange(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  if (issue.origin === 'array') {
    if (issue.code === 'too_big') return `must list at most ${limit} entries`;
    return limit === 1 ? 'must list at least one entry' : `must list at least ${limit} entries`;
  }
  if (issue.origin === 'string') {
    return issue.code === 'too_small' ? 'must not be empty' : `must be at most ${limit} characters`;
  }
  return issue.code === 'too_small' ? `must be at least ${limit}` : `must be at most ${limit}`;
}

function unknownSettings(
  issue: Extract<Issue, { code: 'unrecognized_keys' }>,
  schema: z.ZodType,
): IssueProblem[] {
  const known = settingsAt(schema, issue.path) ?? [];
  return issue.keys.map((key) => {
    const guess = closestWord(key, known);
    const hint = guess ? `did you mean ${guess}?` : `known settings here: ${known.join(', ')}`;
    return { path: [...issue.path, key], message: `is not a known setting (${hint})` };
  });
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'invalid_type':
      return describeWrongType(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of ${issue.values.join(', ')} (got ${describeValue(issue.input)})`;
    case 'too_small':
    case 'too_big':
      return describeOutOfRange(issue);
    default:
      return 'is not valid here';
  }
}

/** One problem per zod issue (one per unknown key), in plain words; `schema` supplies the known settings. */
export function problemsFromIssues(issues: readonly Issue[], schema: z.ZodType): IssueProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? unknownSettings(issue, schema)
      : [{ path: [...issue.path], message: describeIssue(issue) }],
  );
}
