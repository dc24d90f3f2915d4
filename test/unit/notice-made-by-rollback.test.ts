// Recognising a revision Watchkeeper rolled back to: only the same Deployment, rolled back from the revision
// just replaced, still executing or done, and recently; a refused or failed request never claims a revision.
import { describe, expect, it } from 'vitest';
import { rollbackBehind } from '../../src/notices/made-by-rollback.js';
import type { RollbackRequest } from '../../src/rollback/store/index.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const key = { cluster: 'prod-eu', namespace: 'shop', workload: 'web', revision: 3 };

function request(changes: Partial<RollbackRequest> = {}): RollbackRequest {
  return {
    id: '12',
    workload: { cluster: 'prod-eu', namespace: 'shop', kind: 'Deployment', name: 'web' },
    fromRevision: 2,
    toRevision: 1,
    snapshot: {},
    requestedBy: 'U0ASKER01',
    requestedAt: minutesAgo(5),
    breakGlass: false,
    state: 'executing',
    decidedBy: 'U0APPROVE1',
    decidedAt: minutesAgo(2),
    expiresAt: minutesAgo(-55),
    startedAt: minutesAgo(1),
    ...changes,
  };
}

describe('rollbackBehind', () => {
  const made = {
    requestId: '12',
    requestedBy: 'U0ASKER01',
    approvedBy: 'U0APPROVE1',
    breakGlass: false,
  };

  it.each([
    ['an executing rollback from the replaced revision', [request()], 2, made],
    ['a succeeded one', [request({ state: 'succeeded', finishedAt: NOW })], 2, made],
    [
      'a break-glass rollback, approved by nobody else',
      [request({ breakGlass: true, decidedBy: 'U0ASKER01' })],
      2,
      { ...made, approvedBy: null, breakGlass: true },
    ],
    [
      'a failed request (maybe refused: someone else deployed)',
      [request({ state: 'failed' })],
      2,
      null,
    ],
    [
      'one still waiting for approval',
      [request({ state: 'pending', startedAt: undefined })],
      2,
      null,
    ],
    ['one from another revision than the replaced one', [request({ fromRevision: 1 })], 2, null],
    [
      'one of another Deployment',
      [request({ workload: { ...request().workload, name: 'cart' } })],
      2,
      null,
    ],
    [
      'one of a StatefulSet of the same name',
      [request({ workload: { ...request().workload, kind: 'StatefulSet' } })],
      2,
      null,
    ],
    [
      'one in another cluster',
      [request({ workload: { ...request().workload, cluster: 'staging' } })],
      2,
      null,
    ],
    ['one started more than an hour ago', [request({ startedAt: minutesAgo(61) })], 2, null],
    ['one that starts after now (clock skew)', [request({ startedAt: minutesAgo(-1) })], 2, null],
    ['a first revision, with nothing before it', [request()], null, null],
  ] as const)('%s', (_, requests, previous, expected) => {
    expect(rollbackBehind([...requests], key, previous, NOW)).toEqual(expected);
  });

  it('takes the newest of two matching requests', () => {
    const older = request({ id: '11', startedAt: minutesAgo(30), state: 'succeeded' });
    expect(rollbackBehind([request(), older], key, 2, NOW)?.requestId).toBe('12');
    expect(rollbackBehind([older, request()], key, 2, NOW)?.requestId).toBe('12');
  });
});
