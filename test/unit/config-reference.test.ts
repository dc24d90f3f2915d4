// docs/configuration.md cannot drift from the schema: it documents every setting and no setting that does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configReferenceFields } from '../../src/config/reference.js';

const doc = readFileSync(join(import.meta.dirname, '../../docs/configuration.md'), 'utf8');

/** The backticked names in the first column of the doc's tables. */
function documentedSettings(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => {
    const firstCell = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    return firstCell?.[1] ? [firstCell[1]] : [];
  });
}

const fields = configReferenceFields();

describe('docs/configuration.md', () => {
  it('lists settings found by walking the schema, down to nested ones', () => {
    expect(fields).toContain('teams[].rotations[].coverage.from');
    expect(fields).toContain('rollback.breakGlass.onCallOutsideCoverage');
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('documents every setting of the schema', () => {
    const documented = new Set(documentedSettings(doc));
    expect(fields.filter((field) => !documented.has(field))).toEqual([]);
  });

  it('documents no setting the schema lacks', () => {
    const known = new Set(fields);
    expect(documentedSettings(doc).filter((setting) => !known.has(setting))).toEqual([]);
  });
});
