// Reads a workload and its rollout history fresh from the API server (never the trimmed watch cache).
import type { V1LabelSelector } from '@kubernetes/client-node';
import type { ClusterRegistry } from '../../cluster/registry.js';
import { translateError } from '../../cluster/errors.js';
import { withTimeout } from '../../cluster/request.js';
import type { WorkloadState } from '../engine/index.js';
import type { Workload } from '../store/index.js';

/** What the rollback flow reads through: one workload with its history objects, fresh. */
export interface WorkloadReader {
  read(workload: Workload): Promise<WorkloadState>;
}

const RESOURCE = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

/** `app=web,tier=front` from matchLabels; undefined when the selector has expressions (list them all). */
export function labelSelectorOf(selector: V1LabelSelector | undefined): string | undefined {
  if (!selector?.matchLabels || (selector.matchExpressions?.length ?? 0) > 0) return undefined;
  const pairs = Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`);
  return pairs.length > 0 ? pairs.join(',') : undefined;
}

export function apiWorkloadReader(clusters: ClusterRegistry, timeoutMs = 10_000): WorkloadReader {
  return {
    async read(workload) {
      const { cluster, namespace, name, kind } = workload;
      const { apps } = clusters.api(cluster);
      const call = async <T>(resource: string, verb: string, run: () => Promise<T>) => {
        try {
          return await run();
        } catch (error) {
          const target = { cluster, verb, resource, namespace, kind: kind.toLowerCase(), name };
          throw translateError(error, target);
        }
      };
      const options = () => withTimeout(timeoutMs);
      const request = { name, namespace };
      const history = (selector: V1LabelSelector | undefined) => {
        const labelSelector = labelSelectorOf(selector);
        return call('controllerrevisions', 'list', () =>
          apps.listNamespacedControllerRevision({ namespace, labelSelector }, options()),
        );
      };
      switch (kind) {
        case 'Deployment': {
          const object = await call(RESOURCE[kind], 'get', () =>
            apps.readNamespacedDeployment(request, options()),
          );
          const labelSelector = labelSelectorOf(object.spec?.selector);
          const list = await call('replicasets', 'list', () =>
            apps.listNamespacedReplicaSet({ namespace, labelSelector }, options()),
          );
          return { kind, object, replicaSets: list.items };
        }
        case 'StatefulSet': {
          const object = await call(RESOURCE[kind], 'get', () =>
            apps.readNamespacedStatefulSet(request, options()),
          );
          return {
            kind,
            object,
            controllerRevisions: (await history(object.spec?.selector)).items,
          };
        }
        case 'DaemonSet': {
          const object = await call(RESOURCE[kind], 'get', () =>
            apps.readNamespacedDaemonSet(request, options()),
          );
          return {
            kind,
            object,
            controllerRevisions: (await history(object.spec?.selector)).items,
          };
        }
      }
    },
  };
}
