// matchNames: exact names, generated names under a prefix, substrings, namespace/name queries, and
// suggestions by edit distance when nothing matches.
import { describe, expect, it } from 'vitest';
import { editDistance, matchNames } from '../../src/cluster/name-match.js';

const refs = [
  { namespace: 'shop', name: 'web' },
  { namespace: 'shop', name: 'web-7d9f8b6c5d-x2k4q' },
  { namespace: 'shop', name: 'web-7d9f8b6c5d-p9z8m' },
  { namespace: 'shop', name: 'webhook' },
  { namespace: 'shop', name: 'cart' },
  { namespace: 'payments', name: 'api' },
  { namespace: 'staging', name: 'api' },
];
const names = (list: Array<{ namespace: string; name: string }>) =>
  list.map((r) => `${r.namespace}/${r.name}`);

describe('matchNames', () => {
  it('finds the deployment and its generated pods, not look-alikes', () => {
    const result = matchNames('web', refs);
    expect(result.exact).toBe(refs[0]);
    expect(names(result.matches)).toEqual([
      'shop/web',
      'shop/web-7d9f8b6c5d-p9z8m',
      'shop/web-7d9f8b6c5d-x2k4q',
    ]);
    expect(result.suggestions).toEqual([]);
  });

  it.each([
    ['WEB', ['shop/web', 'shop/web-7d9f8b6c5d-p9z8m', 'shop/web-7d9f8b6c5d-x2k4q'], 'shop/web'],
    ['web-7d9f8b6c5d', ['shop/web-7d9f8b6c5d-p9z8m', 'shop/web-7d9f8b6c5d-x2k4q'], undefined],
    ['hook', ['shop/webhook'], undefined],
    ['api', ['payments/api', 'staging/api'], undefined],
    ['payments/api', ['payments/api'], 'payments/api'],
    ['Shop/Cart', ['shop/cart'], 'shop/cart'],
    ['shop/api', [], undefined],
  ])('%s', (query, expected, exact) => {
    const result = matchNames(query, refs);
    expect(names(result.matches)).toEqual(expected);
    expect(result.exact ? names([result.exact])[0] : undefined).toBe(exact);
  });

  it('suggests the closest names when nothing matches', () => {
    expect(names(matchNames('cratt', refs).suggestions)).toEqual(['shop/cart']);
    expect(names(matchNames('wbe', refs).suggestions).slice(0, 1)).toEqual(['shop/web']);
    expect(matchNames('zzzzzz', refs)).toEqual({ matches: [], suggestions: [] });
    expect(matchNames('  ', refs)).toEqual({ matches: [], suggestions: [] });
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
