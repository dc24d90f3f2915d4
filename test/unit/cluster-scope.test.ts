// Which clusters and namespaces a request may see, and how a refusal reads (never revealing existence).
import { describe, expect, it } from 'vitest';
import {
  chooseCluster,
  mergeBindings,
  requireNamespace,
  scopeForRequest,
  visibleNamespaces,
  type RequestScope,
} from '../../src/access/cluster-scope.js';
import { parseConfig } from '../../src/config/load.js';

const config = parseConfig(`
clusters:
  - { name: prod-eu, context: prod-eu }
  - { name: staging, context: staging }
  - { name: prod-us, context: prod-us }
teams:
  - name: shop
    channel: C0SHOP0001
    managers: [U0SHOPMGR1]
    clusters:
      - { cluster: prod-eu, namespaces: [shop, payments] }
      - { cluster: staging }
  - name: platform
    channel: C0PLATFORM1
    managers: [U0PLATMGR1]
    clusters:
      - { cluster: prod-us }
      - { cluster: prod-eu, namespaces: [platform] }
  - name: payments
    channel: C0PAYMENTS1
    managers: [U0SHOPMGR1]
    clusters:
      - { cluster: prod-eu, namespaces: [payments, ledger] }
  - name: empty
    channel: C0EMPTY0001
`);

const scopeOf = (channelId: string, userId = 'U0SOMEONE1') =>
  scopeForRequest(config, { channelId, userId });

describe('scopeForRequest', () => {
  it("gives a channel exactly its team's bindings, in app.yaml order", () => {
    expect(scopeOf('C0SHOP0001')).toEqual({
      viewer: 'this channel',
      clusters: [
        { cluster: 'prod-eu', namespaces: ['shop', 'payments'] },
        { cluster: 'staging', namespaces: 'all' },
      ],
    });
  });

  it('merges bindings: namespaces add up, and one unrestricted binding sees all', () => {
    const platform = config.teams.find((team) => team.name === 'platform')!;
    const payments = config.teams.find((team) => team.name === 'payments')!;
    expect(mergeBindings([platform, payments])).toEqual([
      { cluster: 'prod-us', namespaces: 'all' },
      { cluster: 'prod-eu', namespaces: ['platform', 'payments', 'ledger'] },
    ]);
    const unrestricted = { clusters: [{ cluster: 'prod-eu' }] };
    expect(mergeBindings([payments, unrestricted])).toEqual([
      { cluster: 'prod-eu', namespaces: 'all' },
    ]);
  });

  it("gives a DM the union of the user's teams and calls the viewer 'you'", () => {
    const scope = scopeOf('D0DIRECT01', 'U0SHOPMGR1');
    expect(scope.viewer).toBe('you');
    expect(scope.clusters).toEqual([
      { cluster: 'prod-eu', namespaces: ['shop', 'payments', 'ledger'] },
      { cluster: 'staging', namespaces: 'all' },
    ]);
  });

  it('refuses a channel that no team answers in', () => {
    expect(() => scopeOf('C0UNKNOWN1')).toThrow('This channel is not set up for Watchkeeper');
  });
});

describe('chooseCluster', () => {
  const scope = scopeOf('C0SHOP0001');

  it('defaults to the first bound cluster and finds a named one', () => {
    expect(chooseCluster(scope).cluster).toBe('prod-eu');
    expect(chooseCluster(scope, 'staging').cluster).toBe('staging');
  });

  it.each(['prod-us', 'no-such-cluster'])(
    'refuses %s with the same sentence whether or not it exists',
    (name) => {
      expect(() => chooseCluster(scope, name)).toThrow(
        `\`${name}\` is not one of the clusters this channel can see: prod-eu, staging.`,
      );
    },
  );

  it('escapes Slack control characters and shortens what it echoes', () => {
    expect(() => chooseCluster(scope, '<!channel>')).toThrow('`&lt;!channel&gt;` is not one');
    expect(() => chooseCluster(scope, 'x'.repeat(300))).toThrow(`\`${'x'.repeat(40)}…\``);
  });

  it('says when no clusters are bound at all', () => {
    expect(() => chooseCluster(scopeOf('C0EMPTY0001'))).toThrow(
      "No clusters are bound to this channel's team",
    );
    const none: RequestScope = { viewer: 'you', clusters: [] };
    expect(() => chooseCluster(none)).toThrow('No clusters are bound to your teams');
  });
});

describe('requireNamespace', () => {
  const scope = scopeOf('C0SHOP0001');
  const prod = chooseCluster(scope, 'prod-eu');

  it('allows bound namespaces and every namespace of an unrestricted binding', () => {
    expect(() => requireNamespace(scope, prod, 'shop')).not.toThrow();
    expect(() =>
      requireNamespace(scope, chooseCluster(scope, 'staging'), 'anything'),
    ).not.toThrow();
  });

  it.each(['shop-internal', 'does-not-exist'])(
    'refuses %s naming only what the channel can see',
    (namespace) => {
      expect(() => requireNamespace(scope, prod, namespace)).toThrow(
        `\`${namespace}\` is not one of the namespaces this channel can see on prod-eu: shop, payments.`,
      );
    },
  );

  it('leaves the cluster out of the sentence when only one is bound', () => {
    const single: RequestScope = { viewer: 'you', clusters: [{ cluster: 'c', namespaces: ['a'] }] };
    const [view] = single.clusters;
    expect(() => requireNamespace(single, view!, 'b')).toThrow(
      '`b` is not one of the namespaces you can see: a.',
    );
  });

  it('filters a namespace list down to the visible ones', () => {
    expect(visibleNamespaces(prod, ['default', 'payments', 'shop', 'shop-internal'])).toEqual([
      'payments',
      'shop',
    ]);
  });
});
