// The resource types the simulated API server serves, with what discovery and routing need to know.

export interface ResourceType {
  /** Plural name as in the URL: `pods`, `deployments`. */
  name: string;
  singularName: string;
  kind: string;
  /** API group: '' for core. */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames?: string[];
  verbs: string[];
  subresources?: { name: string; kind: string; verbs: string[] }[];
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const STATUS = (kind: string) => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });

export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    name: 'namespaces',
    singularName: 'namespace',
    kind: 'Namespace',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [STATUS('Namespace')],
  },
  {
    name: 'nodes',
    singularName: 'node',
    kind: 'Node',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['no'],
    verbs: ALL_VERBS,
    subresources: [STATUS('Node')],
  },
  {
    name: 'pods',
    singularName: 'pod',
    kind: 'Pod',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['po'],
    verbs: ALL_VERBS,
    subresources: [STATUS('Pod'), { name: 'log', kind: 'Pod', verbs: ['get'] }],
  },
  {
    name: 'events',
    singularName: 'event',
    kind: 'Event',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
    verbs: ALL_VERBS,
  },
  {
    name: 'deployments',
    singularName: 'deployment',
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: ALL_VERBS,
    subresources: [STATUS('Deployment')],
  },
  {
    name: 'replicasets',
    singularName: 'replicaset',
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['rs'],
    verbs: ALL_VERBS,
    subresources: [STATUS('ReplicaSet')],
  },
  {
    name: 'statefulsets',
    singularName: 'statefulset',
    kind: 'StatefulSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['sts'],
    verbs: ALL_VERBS,
    subresources: [STATUS('StatefulSet')],
  },
  {
    name: 'daemonsets',
    singularName: 'daemonset',
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['ds'],
    verbs: ALL_VERBS,
    subresources: [STATUS('DaemonSet')],
  },
  {
    name: 'controllerrevisions',
    singularName: 'controllerrevision',
    kind: 'ControllerRevision',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
];

export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** `deployments.apps`, `pods`: how the API server names a resource in its messages. */
export function qualifiedName(type: ResourceType): string {
  return type.group === '' ? type.name : `${type.name}.${type.group}`;
}

export function findResourceType(
  group: string,
  version: string,
  name: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.name === name);
}

export function resourceTypeForKind(kind: string): ResourceType {
  const type = RESOURCE_TYPES.find((t) => t.kind === kind);
  if (!type) throw new Error(`The simulated cluster does not serve kind ${kind}`);
  return type;
}
