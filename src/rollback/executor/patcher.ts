// Sends a rollback plan's patch to the API server with the plan's content type, and says what a refusal means.
import { setHeaderOptions, type KubernetesObject } from '@kubernetes/client-node';
import type { ClusterRegistry } from '../../cluster/registry.js';
import { classifyError, translateError } from '../../cluster/errors.js';
import { withTimeout } from '../../cluster/request.js';
import { UserFacingError } from '../../errors.js';
import type { PatchPlan } from '../engine/index.js';
import { workloadLabel, type Workload } from '../store/index.js';

/** What the patch produced: the object's new generation and resourceVersion. */
export interface Patched {
  generation: number | null;
  resourceVersion?: string;
}

export interface Patcher {
  /** Applies the plan's patch once; every refusal is a UserFacingError saying what happened. */
  patch(workload: Workload, plan: PatchPlan): Promise<Patched>;
}

const RESOURCE = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

/** A status of the API server's answer, if it gave one. */
function statusOf(error: unknown): number | undefined {
  const problem = classifyError(error);
  return problem.status;
}

export function patchRefusal(workload: Workload, error: unknown): UserFacingError {
  const status = statusOf(error);
  if (status === 409 || status === 422)
    return new UserFacingError(
      `${workloadLabel(workload)} changed while the rollback was being applied; nothing was changed — look at it and try again`,
      { cause: error },
    );
  return translateError(error, {
    cluster: workload.cluster,
    verb: 'patch',
    resource: RESOURCE[workload.kind],
    namespace: workload.namespace,
    kind: workload.kind.toLowerCase(),
    name: workload.name,
  });
}

export function apiPatcher(clusters: ClusterRegistry, timeoutMs = 20_000): Patcher {
  return {
    async patch(workload, plan) {
      const { apps } = clusters.api(workload.cluster);
      const request = { name: workload.name, namespace: workload.namespace, body: plan.patch };
      const options = setHeaderOptions('Content-Type', plan.contentType, withTimeout(timeoutMs));
      let result: KubernetesObject;
      try {
        switch (workload.kind) {
          case 'Deployment':
            result = await apps.patchNamespacedDeployment(request, options);
            break;
          case 'StatefulSet':
            result = await apps.patchNamespacedStatefulSet(request, options);
            break;
          case 'DaemonSet':
            result = await apps.patchNamespacedDaemonSet(request, options);
            break;
        }
      } catch (error) {
        throw patchRefusal(workload, error);
      }
      const metadata = result.metadata;
      return {
        generation: metadata?.generation ?? null,
        ...(metadata?.resourceVersion ? { resourceVersion: metadata.resourceVersion } : {}),
      };
    },
  };
}
