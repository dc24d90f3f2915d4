// The resources each cluster cache watches: API path, model type, and a paged LIST for the informer.
import type {
  AppsV1Api,
  CoreV1Api,
  CoreV1Event,
  KubernetesListObject,
  KubernetesObject,
  V1DaemonSet,
  V1Deployment,
  V1Namespace,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { withTimeout } from './request.js';
import { trimObject } from './trim.js';

export interface CachedKinds {
  nodes: V1Node;
  namespaces: V1Namespace;
  deployments: V1Deployment;
  replicasets: V1ReplicaSet;
  statefulsets: V1StatefulSet;
  daemonsets: V1DaemonSet;
  pods: V1Pod;
  events: CoreV1Event;
}

export type ResourceName = keyof CachedKinds;

export interface Apis {
  core: CoreV1Api;
  apps: AppsV1Api;
}

interface Page {
  limit: number;
  _continue?: string;
  fieldSelector?: string;
}

type ListPage<T extends KubernetesObject> = (
  apis: Apis,
  page: Page,
  options: ReturnType<typeof withTimeout>,
) => Promise<KubernetesListObject<T>>;

export interface ResourceSpec<T extends KubernetesObject> {
  resource: ResourceName;
  /** Watch path, all namespaces. */
  path: string;
  /** client-node model name, to type watch events like LIST results. */
  modelType: string;
  fieldSelector?: string;
  listPage: ListPage<T>;
}

export type ResourceSpecs = { [K in ResourceName]: ResourceSpec<CachedKinds[K]> };

export const RESOURCES: ResourceSpecs = {
  nodes: {
    resource: 'nodes',
    path: '/api/v1/nodes',
    modelType: 'V1Node',
    listPage: (a, p, o) => a.core.listNode(p, o),
  },
  namespaces: {
    resource: 'namespaces',
    path: '/api/v1/namespaces',
    modelType: 'V1Namespace',
    listPage: (a, p, o) => a.core.listNamespace(p, o),
  },
  deployments: {
    resource: 'deployments',
    path: '/apis/apps/v1/deployments',
    modelType: 'V1Deployment',
    listPage: (a, p, o) => a.apps.listDeploymentForAllNamespaces(p, o),
  },
  replicasets: {
    resource: 'replicasets',
    path: '/apis/apps/v1/replicasets',
    modelType: 'V1ReplicaSet',
    listPage: (a, p, o) => a.apps.listReplicaSetForAllNamespaces(p, o),
  },
  statefulsets: {
    resource: 'statefulsets',
    path: '/apis/apps/v1/statefulsets',
    modelType: 'V1StatefulSet',
    listPage: (a, p, o) => a.apps.listStatefulSetForAllNamespaces(p, o),
  },
  daemonsets: {
    resource: 'daemonsets',
    path: '/apis/apps/v1/daemonsets',
    modelType: 'V1DaemonSet',
    listPage: (a, p, o) => a.apps.listDaemonSetForAllNamespaces(p, o),
  },
  pods: {
    resource: 'pods',
    path: '/api/v1/pods',
    modelType: 'V1Pod',
    listPage: (a, p, o) => a.core.listPodForAllNamespaces(p, o),
  },
  events: {
    resource: 'events',
    path: '/api/v1/events',
    modelType: 'CoreV1Event',
    fieldSelector: 'type=Warning',
    listPage: (a, p, o) => a.core.listEventForAllNamespaces(p, o),
  },
};

export const PAGE_SIZE = 500;

/** Lists every object of a resource page by page (all pages at the first page's resourceVersion), trimmed. */
export async function listAll<T extends KubernetesObject>(
  spec: ResourceSpec<T>,
  apis: Apis,
  timeoutMs: number,
): Promise<KubernetesListObject<T>> {
  const items: T[] = [];
  let page: KubernetesListObject<T>;
  let token: string | undefined;
  do {
    page = await spec.listPage(
      apis,
      {
        limit: PAGE_SIZE,
        ...(token ? { _continue: token } : {}),
        ...(spec.fieldSelector ? { fieldSelector: spec.fieldSelector } : {}),
      },
      withTimeout(timeoutMs),
    );
    for (const item of page.items) items.push(trimObject(item));
    token = page.metadata?._continue || undefined;
  } while (token);
  return { ...page, items };
}
