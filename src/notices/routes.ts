// Which channel gets the rollout notices of a cluster and namespace, from app.yaml's `notices:`: pure.
import type { Notice } from '../config/schema.js';

/** The namespaces one cluster's notices watch; `undefined` means every namespace. */
export interface NoticeScope {
  cluster: string;
  namespaces: string[] | undefined;
}

/** The channel of the first `notices:` entry that names this cluster and namespace, if any. */
export function noticeChannel(
  notices: readonly Notice[],
  cluster: string,
  namespace: string,
): string | undefined {
  return notices.find(
    (notice) =>
      notice.cluster === cluster &&
      (notice.namespaces === undefined || notice.namespaces.includes(namespace)),
  )?.channel;
}

/** Per cluster, the union of the namespaces its entries route (all of them if any entry names none). */
export function noticeScopes(notices: readonly Notice[]): NoticeScope[] {
  const byCluster = new Map<string, Set<string> | undefined>();
  for (const notice of notices) {
    const known = byCluster.has(notice.cluster);
    const current = byCluster.get(notice.cluster);
    if (known && current === undefined) continue;
    if (notice.namespaces === undefined) {
      byCluster.set(notice.cluster, undefined);
      continue;
    }
    byCluster.set(notice.cluster, new Set([...(current ?? []), ...notice.namespaces]));
  }
  return [...byCluster].map(([cluster, namespaces]) => ({
    cluster,
    namespaces: namespaces && [...namespaces].sort(),
  }));
}
