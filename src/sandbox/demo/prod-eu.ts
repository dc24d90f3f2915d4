// The demo's production cluster: shop, payments and platform workloads with real-looking images and
// history, a bad rollout of shop/checkout crash-looping, and one node NotReady.
import { day, demoNodes, type DemoClusterData } from './demo-types.js';

const checkoutCrash = [
  '{"level":"info","msg":"starting checkout","version":"3.8.0"}',
  '{"level":"info","msg":"connecting to payments-api","url":"http://payments-api.payments:8080"}',
  '{"level":"error","msg":"config: PAYMENT_PROVIDER_TIMEOUT is not a duration: \\"30\\""}',
  'panic: invalid configuration',
  '',
  'goroutine 1 [running]:',
  'main.mustLoadConfig(...)',
  '\t/src/cmd/checkout/main.go:48 +0x1c5',
];

export const prodEu: DemoClusterData = {
  nodes: demoNodes(
    'prod-eu-pool-a',
    4,
    ['europe-west6-a', 'europe-west6-b', 'europe-west6-c'],
    'n2-standard-8',
  ),
  notReadyNode: 'prod-eu-pool-a-04',
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      repository: 'ghcr.io/acme/shop-web',
      replicas: 3,
      revisions: [
        { tag: '2.3.0', changeCause: 'Release 2.3.0: new product pages', hoursAgo: 21 * day },
        { tag: '2.4.0', changeCause: 'Release 2.4.0: wish lists', hoursAgo: 8 * day },
        { tag: '2.4.1', changeCause: 'Fix: wish list sharing links', hoursAgo: 2 * day + 5 },
      ],
      env: { NODE_ENV: 'production', CATALOG_URL: 'http://catalog.shop:8080' },
      logs: ['GET /products/42 200 18ms', 'GET /cart 200 9ms', 'GET /healthz 200 1ms'],
    },
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'checkout',
      repository: 'ghcr.io/acme/checkout',
      replicas: 2,
      revisions: [
        { tag: '3.6.2', changeCause: 'Release 3.6.2', hoursAgo: 30 * day },
        { tag: '3.7.0', changeCause: 'Release 3.7.0: Twint payments', hoursAgo: 12 * day },
        {
          tag: '3.8.0',
          changeCause: 'Release 3.8.0: configurable payment timeouts',
          hoursAgo: 0.7,
          behaviour: { kind: 'CrashLoopBackOff', exitCode: 2, runSeconds: 4 },
        },
      ],
      previousLogs: checkoutCrash,
    },
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'cart',
      repository: 'ghcr.io/acme/cart',
      replicas: 2,
      revisions: [
        { tag: '1.12.0', changeCause: 'Release 1.12.0', hoursAgo: 15 * day },
        { tag: '1.12.1', changeCause: 'Fix: totals rounding', hoursAgo: 4 * day },
      ],
    },
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'catalog',
      repository: 'ghcr.io/acme/catalog',
      replicas: 2,
      revisions: [{ tag: '5.1.0', changeCause: 'Release 5.1.0', hoursAgo: 40 * day }],
    },
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'search',
      repository: 'ghcr.io/acme/search',
      replicas: 2,
      revisions: [
        { tag: '0.9.3', changeCause: 'Release 0.9.3', hoursAgo: 18 * day },
        { tag: '0.10.0', changeCause: 'Release 0.10.0: typo tolerance', hoursAgo: 6 * day },
      ],
    },
    {
      kind: 'StatefulSet',
      namespace: 'shop',
      name: 'redis',
      repository: 'redis',
      replicas: 3,
      revisions: [{ tag: '7.2.5', changeCause: 'redis 7.2.5', hoursAgo: 60 * day }],
    },
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-api',
      repository: 'ghcr.io/acme/payments-api',
      replicas: 3,
      revisions: [
        { tag: '4.2.0', changeCause: 'Release 4.2.0', hoursAgo: 25 * day },
        { tag: '4.3.0', changeCause: 'Release 4.3.0: 3-D Secure 2.2', hoursAgo: 9 * day },
        { tag: '4.3.1', changeCause: 'Fix: refund webhooks retried twice', hoursAgo: 1 * day + 3 },
      ],
      logs: ['POST /v1/charges 201 142ms', 'POST /v1/refunds 201 98ms'],
    },
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'fraud-check',
      repository: 'ghcr.io/acme/fraud-check',
      replicas: 2,
      revisions: [
        { tag: '2.0.0', changeCause: 'Release 2.0.0: new scoring model', hoursAgo: 10 * day },
      ],
    },
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payouts-worker',
      repository: 'ghcr.io/acme/payouts-worker',
      replicas: 1,
      revisions: [
        { tag: '1.4.0', changeCause: 'Release 1.4.0', hoursAgo: 20 * day },
        { tag: '1.5.0', changeCause: 'Release 1.5.0: SEPA instant', hoursAgo: 3 * day },
      ],
    },
    {
      kind: 'StatefulSet',
      namespace: 'payments',
      name: 'ledger-db',
      repository: 'postgres',
      replicas: 2,
      revisions: [
        { tag: '16.3', changeCause: 'postgres 16.3', hoursAgo: 50 * day },
        { tag: '16.4', changeCause: 'postgres 16.4 minor upgrade', hoursAgo: 14 * day },
      ],
    },
    {
      kind: 'Deployment',
      namespace: 'platform',
      name: 'ingress-nginx-controller',
      repository: 'registry.k8s.io/ingress-nginx/controller',
      replicas: 2,
      revisions: [
        { tag: 'v1.10.4', changeCause: 'helm upgrade ingress-nginx 4.10.4', hoursAgo: 45 * day },
        { tag: 'v1.11.2', changeCause: 'helm upgrade ingress-nginx 4.11.2', hoursAgo: 11 * day },
      ],
    },
    {
      kind: 'Deployment',
      namespace: 'platform',
      name: 'cert-manager',
      repository: 'quay.io/jetstack/cert-manager-controller',
      revisions: [{ tag: 'v1.15.3', changeCause: 'helm upgrade cert-manager', hoursAgo: 33 * day }],
    },
    {
      kind: 'Deployment',
      namespace: 'platform',
      name: 'external-dns',
      repository: 'registry.k8s.io/external-dns/external-dns',
      revisions: [{ tag: 'v0.14.2', changeCause: 'helm upgrade external-dns', hoursAgo: 33 * day }],
    },
    {
      kind: 'Deployment',
      namespace: 'platform',
      name: 'grafana',
      repository: 'grafana/grafana',
      revisions: [
        { tag: '11.1.4', changeCause: 'grafana 11.1.4', hoursAgo: 27 * day },
        { tag: '11.2.0', changeCause: 'grafana 11.2.0', hoursAgo: 5 * day },
      ],
    },
    {
      kind: 'StatefulSet',
      namespace: 'platform',
      name: 'prometheus',
      repository: 'quay.io/prometheus/prometheus',
      replicas: 2,
      revisions: [{ tag: 'v2.54.1', changeCause: 'prometheus v2.54.1', hoursAgo: 16 * day }],
    },
    {
      kind: 'DaemonSet',
      namespace: 'platform',
      name: 'fluent-bit',
      repository: 'cr.fluentbit.io/fluent/fluent-bit',
      revisions: [
        { tag: '3.1.6', changeCause: 'fluent-bit 3.1.6', hoursAgo: 19 * day },
        { tag: '3.1.7', changeCause: 'fluent-bit 3.1.7', hoursAgo: 7 * day },
      ],
    },
  ],
};
