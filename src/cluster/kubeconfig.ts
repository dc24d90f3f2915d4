// One KubeConfig per configured cluster: its own copy set to its context, or the in-cluster service account.
import { delimiter } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterRef } from '../config/schema.js';

export type ClusterConnection =
  { usable: true; kubeConfig: KubeConfig } | { usable: false; problem: string };

type Loaded = { kubeConfig: KubeConfig } | { problem: string };

function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return 'it is not a valid kubeconfig';
}

function describePath(path: string | undefined): string {
  return path ? `kubeconfig ${path}` : 'default kubeconfig (~/.kube/config)';
}

/** Loads a KUBECONFIG value (one path, or several joined like $KUBECONFIG) or the default kubeconfig. */
export function loadKubeconfig(path: string | undefined): Loaded {
  const files = (path ?? '').split(delimiter).filter((file) => file !== '');
  const kubeConfig = new KubeConfig();
  let current: string | undefined;
  try {
    if (files.length === 0) {
      kubeConfig.loadFromDefault();
      return { kubeConfig };
    }
    for (const [i, file] of files.entries()) {
      current = file;
      if (i === 0) {
        kubeConfig.loadFromFile(file);
        continue;
      }
      const more = new KubeConfig();
      more.loadFromFile(file);
      kubeConfig.mergeConfig(more, true);
    }
    return { kubeConfig };
  } catch (error) {
    return { problem: `could not read the ${describePath(current)}: ${fileProblem(error)}` };
  }
}

function forContext(
  base: KubeConfig,
  cluster: string,
  context: string,
  path: string | undefined,
): ClusterConnection {
  const known = base.getContexts().map((c) => c.name);
  if (!base.getContextObject(context)) {
    const choices = known.length ? `known contexts: ${known.join(', ')}` : 'it has no contexts';
    return {
      usable: false,
      problem: `context "${context}" of cluster ${cluster} is not in the ${describePath(path)} (${choices}); ${cluster} is not watched`,
    };
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: base.getClusters(),
    users: base.getUsers(),
    contexts: base.getContexts(),
    currentContext: context,
  });
  if (!kubeConfig.getCurrentCluster()) {
    return {
      usable: false,
      problem: `context "${context}" of cluster ${cluster} names a cluster that is not in the ${describePath(path)}; ${cluster} is not watched`,
    };
  }
  return { usable: true, kubeConfig };
}

function hasHost(server: string | undefined): boolean {
  try {
    const { hostname } = new URL(server ?? '');
    return hostname !== '' && hostname !== 'undefined';
  } catch {
    return false;
  }
}

function inCluster(cluster: string): ClusterConnection {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromCluster();
  if (!hasHost(kubeConfig.getCurrentCluster()?.server)) {
    return {
      usable: false,
      problem: `cluster ${cluster} is set to inCluster, but the bot is not running in a Kubernetes pod; ${cluster} is not watched`,
    };
  }
  return { usable: true, kubeConfig };
}

/** A connection per configured cluster; a cluster that cannot be configured gets one sentence and the rest still work. */
export function clusterConnections(
  clusters: readonly ClusterRef[],
  kubeconfigPath: string | undefined,
): Map<string, ClusterConnection> {
  let base: Loaded | undefined;
  const connections = new Map<string, ClusterConnection>();
  for (const cluster of clusters) {
    if ('inCluster' in cluster) {
      connections.set(cluster.name, inCluster(cluster.name));
      continue;
    }
    base ??= loadKubeconfig(kubeconfigPath);
    connections.set(
      cluster.name,
      'problem' in base
        ? { usable: false, problem: `${base.problem}; ${cluster.name} is not watched` }
        : forContext(base.kubeConfig, cluster.name, cluster.context, kubeconfigPath),
    );
  }
  return connections;
}
