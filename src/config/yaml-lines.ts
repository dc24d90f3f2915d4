// Maps positions in the parsed YAML document back to line numbers: for a settings path, and for syntax errors.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, YAMLError } from 'yaml';

function lineOf(counter: LineCounter, node: unknown): number | undefined {
  const range = (node as Partial<Pick<Node, 'range'>> | null)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

/**
 * The line of the deepest part of `path` present in the document: the key's line for a setting,
 * the item's line for a list entry, the parent's line for a setting that is missing.
 */
export function lineOfPath(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOf(counter, node);
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === step);
      if (!pair) break;
      line = lineOf(counter, pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item: unknown = node.items[step];
      if (item === undefined) break;
      line = lineOf(counter, item) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

const FRIENDLIER: Record<string, string> = {
  DUPLICATE_KEY: 'a setting appears twice in the same mapping; keep only one',
  TAB_AS_INDENT: 'tabs cannot indent YAML; use spaces',
};

const INDENTATION_CODES = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'UNEXPECTED_TOKEN',
]);

/** A YAML parse error as a plain sentence, without the source excerpt the parser appends. */
export function describeYamlError(error: YAMLError): string {
  const firstLine = error.message.split('\n')[0] ?? error.message;
  const withoutPosition = firstLine.replace(/ at line \d+, column \d+:?$/, '');
  const hint = INDENTATION_CODES.has(error.code) ? ' (check the indentation here and below)' : '';
  return `YAML syntax error: ${FRIENDLIER[error.code] ?? withoutPosition}${hint}`;
}

export function lineOfYamlError(error: YAMLError): number | undefined {
  return error.linePos?.[0].line;
}
