// API defaulting, as kube-apiserver fills unset fields on every create and update of the kinds served.
import { isJsonObject } from '../patch/json.js';
import type { JsonObject, KubeObject } from '../types.js';

type Fields = Record<string, unknown>;

function setDefault(target: Fields, key: string, value: unknown): void {
  if (target[key] === undefined) target[key] = value;
}

function child(target: Fields, key: string): Fields {
  const value = target[key];
  if (isJsonObject(value)) return value;
  const created: JsonObject = {};
  target[key] = created;
  return created;
}

function pullPolicy(image: unknown): string {
  const text = typeof image === 'string' ? image : '';
  const lastSegment = text.split('/').pop() ?? '';
  const tagged = lastSegment.includes(':') || text.includes('@');
  return !tagged || lastSegment.endsWith(':latest') ? 'Always' : 'IfNotPresent';
}

function defaultContainer(container: Fields): void {
  setDefault(container, 'resources', {});
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  setDefault(container, 'imagePullPolicy', pullPolicy(container.image));
  const ports = container.ports;
  if (Array.isArray(ports)) {
    for (const port of ports) if (isJsonObject(port)) setDefault(port, 'protocol', 'TCP');
  }
}

export function defaultPodSpec(spec: Fields): void {
  for (const key of ['containers', 'initContainers']) {
    const list = spec[key];
    if (Array.isArray(list))
      for (const container of list) if (isJsonObject(container)) defaultContainer(container);
  }
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
}

function defaultTemplate(spec: Fields): void {
  const template = child(spec, 'template');
  child(template, 'metadata');
  defaultPodSpec(child(template, 'spec'));
}

function defaultWorkload(kind: string, spec: Fields): void {
  if (kind !== 'DaemonSet') setDefault(spec, 'replicas', 1);
  if (kind === 'ReplicaSet') {
    defaultTemplate(spec);
    return;
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  if (kind === 'Deployment') {
    setDefault(spec, 'progressDeadlineSeconds', 600);
    setDefault(spec, 'strategy', {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
  }
  if (kind === 'StatefulSet') {
    setDefault(spec, 'podManagementPolicy', 'OrderedReady');
    setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  }
  if (kind === 'DaemonSet') {
    setDefault(spec, 'updateStrategy', {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
  }
  defaultTemplate(spec);
}

/** Returns the object with defaults filled in; the argument is not changed. */
export function withDefaults<T extends KubeObject>(object: T): T {
  const copy = structuredClone(object);
  const spec = isJsonObject(copy.spec) ? copy.spec : undefined;
  switch (copy.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
      defaultWorkload(copy.kind, spec ?? child(copy, 'spec'));
      break;
    case 'Pod': {
      const podSpec = spec ?? child(copy, 'spec');
      defaultPodSpec(podSpec);
      setDefault(podSpec, 'serviceAccountName', 'default');
      setDefault(podSpec, 'enableServiceLinks', true);
      setDefault(podSpec, 'priority', 0);
      break;
    }
    case 'Namespace':
      copy.metadata.labels = {
        ...copy.metadata.labels,
        'kubernetes.io/metadata.name': copy.metadata.name,
      };
      setDefault(spec ?? child(copy, 'spec'), 'finalizers', ['kubernetes']);
      setDefault(copy, 'status', { phase: 'Active' });
      break;
  }
  return copy;
}
