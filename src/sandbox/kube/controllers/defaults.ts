// API defaulting, as kube-apiserver fills unset fields on every create and update of the kinds served.
// Copy-on-write: every object on a path that gets defaults is copied, the argument is never changed.
import { isJsonObject } from '../patch/json.js';
import type { KubeObject } from '../types.js';

type Fields = Record<string, unknown>;

function setDefault(target: Fields, key: string, value: unknown): void {
  if (target[key] === undefined) target[key] = value;
}

/** A fresh shallow copy of `target[key]` (an empty object when unset), stored back in `target`. */
function child(target: Fields, key: string): Fields {
  const value = target[key];
  const copy: Fields = isJsonObject(value) ? { ...value } : {};
  target[key] = copy;
  return copy;
}

function pullPolicy(image: unknown): string {
  const text = typeof image === 'string' ? image : '';
  const lastSegment = text.split('/').pop() ?? '';
  const tagged = lastSegment.includes(':') || text.includes('@');
  return !tagged || lastSegment.endsWith(':latest') ? 'Always' : 'IfNotPresent';
}

function defaultContainer(original: unknown): unknown {
  if (!isJsonObject(original)) return original;
  const container: Fields = { ...original };
  setDefault(container, 'resources', {});
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  setDefault(container, 'imagePullPolicy', pullPolicy(container.image));
  if (Array.isArray(container.ports)) {
    container.ports = container.ports.map((port: unknown) =>
      isJsonObject(port) && port.protocol === undefined ? { ...port, protocol: 'TCP' } : port,
    );
  }
  return container;
}

function defaultPodSpec(spec: Fields): void {
  for (const key of ['containers', 'initContainers']) {
    const list = spec[key];
    if (Array.isArray(list)) spec[key] = list.map(defaultContainer);
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
  if (kind !== 'ReplicaSet') setDefault(spec, 'revisionHistoryLimit', 10);
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
  switch (object.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet': {
      const copy: T = { ...object };
      defaultWorkload(object.kind, child(copy, 'spec'));
      return copy;
    }
    case 'Pod': {
      const copy: T = { ...object };
      const spec = child(copy, 'spec');
      defaultPodSpec(spec);
      setDefault(spec, 'serviceAccountName', 'default');
      setDefault(spec, 'enableServiceLinks', true);
      setDefault(spec, 'priority', 0);
      return copy;
    }
    case 'Namespace': {
      const labels = {
        ...object.metadata.labels,
        'kubernetes.io/metadata.name': object.metadata.name,
      };
      const copy: T = { ...object, metadata: { ...object.metadata, labels } };
      setDefault(child(copy, 'spec'), 'finalizers', ['kubernetes']);
      setDefault(copy, 'status', { phase: 'Active' });
      return copy;
    }
    default:
      return object;
  }
}
