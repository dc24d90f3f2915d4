// The demo's staging cluster: release candidates of a few services, all healthy.
import { day, demoNodes, type DemoClusterData } from './demo-types.js';

export const staging: DemoClusterData = {
  nodes: demoNodes('staging-pool-a', 2, ['europe-west6-a', 'europe-west6-b'], 'e2-standard-4'),
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      repository: 'ghcr.io/acme/shop-web',
      revisions: [
        { tag: '2.4.1', changeCause: 'Fix: wish list sharing links', hoursAgo: 3 * day },
        { tag: '2.5.0-rc.1', changeCause: 'Release candidate 2.5.0-rc.1', hoursAgo: 20 },
      ],
    },
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'checkout',
      repository: 'ghcr.io/acme/checkout',
      revisions: [
        { tag: '3.7.0', changeCause: 'Release 3.7.0', hoursAgo: 13 * day },
        { tag: '3.8.1-rc.1', changeCause: 'Fix: payment timeout parsing', hoursAgo: 2 },
      ],
    },
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-api',
      repository: 'ghcr.io/acme/payments-api',
      revisions: [
        { tag: '4.3.1', changeCause: 'Fix: refund webhooks retried twice', hoursAgo: 2 * day },
        { tag: '4.4.0-rc.2', changeCause: 'Release candidate 4.4.0-rc.2', hoursAgo: 6 },
      ],
    },
    {
      kind: 'Deployment',
      namespace: 'platform',
      name: 'grafana',
      repository: 'grafana/grafana',
      revisions: [{ tag: '11.2.0', changeCause: 'grafana 11.2.0', hoursAgo: 6 * day }],
    },
  ],
};
