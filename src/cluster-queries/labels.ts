// Equality-based label selectors as kubectl takes them (`app=web`, `tier!=db`, `canary`, `!canary`),
// matched against the cache; `undefined` when the text is a name rather than a selector.
import { UserFacingError } from '../errors.js';
import { quoted } from './echo.js';

export type Requirement =
  { key: string; op: '=' | '!='; value: string } | { key: string; op: 'exists' | '!exists' };

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

/** True when the text uses selector syntax (`=`, `!`, or a comma). */
export function looksLikeSelector(text: string): boolean {
  return /[=!,]/.test(text);
}

/**
 * The requirements of a selector, or undefined when the text is a plain name; a selector with a bad
 * part is refused with a sentence naming it.
 */
export function parseSelector(text: string): Requirement[] | undefined {
  if (!looksLikeSelector(text)) return undefined;
  return text.split(',').map((part) => {
    const requirement = parseRequirement(part.trim());
    if (requirement) return requirement;
    throw new UserFacingError(
      `${quoted(part.trim())} is not a label selector I can read: use \`key=value\`, \`key!=value\`, \`key\` or \`!key\`, joined by commas.`,
    );
  });
}

function parseRequirement(part: string): Requirement | undefined {
  const match = /^(!?)([^=!]+)(?:(==|=|!=)(.*))?$/.exec(part);
  if (!match) return undefined;
  const [, not, key = '', op, value = ''] = match;
  if (!KEY.test(key) || key.length > 316) return undefined;
  if (op === undefined) return { key, op: not ? '!exists' : 'exists' };
  if (not || !VALUE.test(value) || value.length > 63) return undefined;
  return { key, op: op === '!=' ? '!=' : '=', value };
}

export function matchesSelector(
  requirements: readonly Requirement[],
  labels: Record<string, string>,
): boolean {
  return requirements.every((r) => {
    const value = labels[r.key];
    switch (r.op) {
      case 'exists':
        return value !== undefined;
      case '!exists':
        return value === undefined;
      case '=':
        return value === r.value;
      case '!=':
        return value !== r.value;
    }
  });
}
