// Forgiving name matching for commands: case-insensitive, `web` finds deployment `web` and pods `web-7d9f…`,
// and the closest names by edit distance when nothing matches. Pure.

export interface NameRef {
  namespace: string;
  name: string;
}

export interface NameMatch<T extends NameRef> {
  /** The one candidate named exactly (case-insensitively), if there is exactly one. */
  exact?: T;
  /** Every candidate the query names: exact names, generated names under it (`web-…`), else names containing it. */
  matches: T[];
  /** When nothing matches: the closest names, nearest first. */
  suggestions: T[];
}

export const MAX_SUGGESTIONS = 5;

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function parseQuery(query: string): { namespace?: string; name: string } {
  const text = query.trim().toLowerCase();
  const slash = text.indexOf('/');
  if (slash < 0) return { name: text };
  return { namespace: text.slice(0, slash), name: text.slice(slash + 1) };
}

/** Distance to the name or to any of its dash-separated prefixes (`web` for pod `web-7d9f-x2k4q`). */
function closeness(query: string, name: string, limit: number): number {
  let best = editDistance(query, name, limit);
  for (let dash = name.indexOf('-'); dash > 0; dash = name.indexOf('-', dash + 1)) {
    best = Math.min(best, editDistance(query, name.slice(0, dash), limit));
  }
  return best;
}

function byName<T extends NameRef>(a: T, b: T): number {
  return a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace);
}

/** Matches a query (`name` or `namespace/name`) against candidates; results are the candidates themselves. */
export function matchNames<T extends NameRef>(
  query: string,
  candidates: readonly T[],
): NameMatch<T> {
  const wanted = parseQuery(query);
  const pool =
    wanted.namespace === undefined
      ? candidates
      : candidates.filter((c) => c.namespace.toLowerCase() === wanted.namespace);
  const q = wanted.name;
  if (q === '') return { matches: [], suggestions: [] };
  const exact = pool.filter((c) => c.name.toLowerCase() === q).sort(byName);
  const generated = pool.filter((c) => c.name.toLowerCase().startsWith(`${q}-`)).sort(byName);
  let matches = [...exact, ...generated];
  if (matches.length === 0)
    matches = pool.filter((c) => c.name.toLowerCase().includes(q)).sort(byName);
  const result: NameMatch<T> = { matches, suggestions: [] };
  if (exact.length === 1) result.exact = exact[0];
  if (matches.length > 0) return result;
  const limit = Math.max(2, Math.floor(q.length / 3));
  result.suggestions = pool
    .map((candidate) => ({
      candidate,
      distance: closeness(q, candidate.name.toLowerCase(), limit),
    }))
    .filter((scored) => scored.distance <= limit)
    .sort((a, b) => a.distance - b.distance || byName(a.candidate, b.candidate))
    .slice(0, MAX_SUGGESTIONS)
    .map((scored) => scored.candidate);
  return result;
}
