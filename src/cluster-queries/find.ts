// Finds the object a user named, forgivingly (`web` finds `web-7d9f…`), and says which names were
// meant when the name is ambiguous or unknown.
import { matchNames, type NameRef } from '../cluster/name-match.js';
import { UserFacingError } from '../errors.js';
import { quoted } from './echo.js';

export interface Wanted {
  /** Singular, lower-case: "pod", "deployment". */
  kind: string;
  /** Where it was looked for: "in `shop`", "on prod-eu". */
  where: string;
}

/** The one object the query names: exact, or the only forgiving match; else a sentence with suggestions. */
export function findObject<T extends { metadata?: { namespace?: string; name?: string } }>(
  objects: readonly T[],
  query: string,
  wanted: Wanted,
): T {
  const refs = objects.map(refOf);
  const result = matchNames(query, refs);
  const chosen = result.exact ?? (result.matches.length === 1 ? result.matches[0] : undefined);
  const found = chosen && objects[refs.indexOf(chosen)];
  if (found) return found;
  if (result.matches.length > 1) {
    throw new UserFacingError(
      `${quoted(query)} matches ${result.matches.length} ${wanted.kind}s ${wanted.where}: ` +
        `${nameList(result.matches)}. Name one of them.`,
    );
  }
  const hint =
    result.suggestions.length > 0 ? ` Did you mean ${nameList(result.suggestions)}?` : '';
  throw new UserFacingError(`There is no ${wanted.kind} ${quoted(query)} ${wanted.where}.${hint}`);
}

/** Every object the query names forgivingly (all when it names one exactly, just that one). */
export function filterByName<T extends { metadata?: { namespace?: string; name?: string } }>(
  objects: readonly T[],
  query: string,
  wanted: Wanted,
): T[] {
  const refs = objects.map(refOf);
  const result = matchNames(query, refs);
  const chosen = result.exact ? [result.exact] : result.matches;
  if (chosen.length > 0) return chosen.map((ref) => objects[refs.indexOf(ref)]!);
  const hint =
    result.suggestions.length > 0 ? ` Did you mean ${nameList(result.suggestions)}?` : '';
  throw new UserFacingError(
    `No ${wanted.kind} ${wanted.where} has a name like ${quoted(query)}.${hint}`,
  );
}

function refOf(object: { metadata?: { namespace?: string; name?: string } }): NameRef {
  return { namespace: object.metadata?.namespace ?? '', name: object.metadata?.name ?? '' };
}

function nameList(refs: readonly NameRef[], max = 5): string {
  const shown = refs.slice(0, max).map((ref) => quoted(ref.name, 80));
  return refs.length > max
    ? `${shown.join(', ')} …and ${refs.length - max} more`
    : shown.join(', ');
}
