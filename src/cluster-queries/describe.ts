// /k8s describe <kind> ns/name: one object from the cache, found forgivingly, described without
// environment values or Secrets, with its recent warning events.
import type { CoreV1Event } from '@kubernetes/client-node';
import { describeObject, type Describable } from '../cluster/describe.js';
import { findObject } from './find.js';
import type { DescribeKind, Description } from './models.js';
import { requireExistingNamespace, type Target } from './target.js';

export const DESCRIBE_KINDS: readonly DescribeKind[] = [
  'pod',
  'deployment',
  'statefulset',
  'daemonset',
  'node',
];

const KIND_NAMES: Record<DescribeKind, string> = {
  pod: 'Pod',
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  node: 'Node',
};

export interface DescribeQuery {
  kind: DescribeKind;
  /** Absent only for nodes. */
  namespace?: string;
  name: string;
}

export function describe(target: Target, query: DescribeQuery): Description {
  const { snapshot } = target;
  if (query.kind === 'node') {
    const node = findObject(snapshot.nodes(), query.name, {
      kind: 'node',
      where: `on ${target.view.cluster}`,
    });
    const name = node.metadata?.name ?? '';
    const events = snapshot.warningEvents().filter((e) => about(e, 'Node', name));
    return result(
      target,
      query,
      name,
      describeObject('node', node, events, { now: target.source.at }),
    );
  }
  const namespace = query.namespace ?? '';
  requireExistingNamespace(target, namespace);
  const objects: readonly Describable[] = {
    pod: () => snapshot.pods(namespace),
    deployment: () => snapshot.deployments(namespace),
    statefulset: () => snapshot.statefulSets(namespace),
    daemonset: () => snapshot.daemonSets(namespace),
  }[query.kind]();
  const found = findObject(objects, query.name, {
    kind: query.kind,
    where: `in \`${namespace}\``,
  });
  const name = found.metadata?.name ?? '';
  const events = snapshot
    .warningEvents(namespace)
    .filter((e) => about(e, KIND_NAMES[query.kind], name));
  return result(
    target,
    query,
    name,
    describeObject(query.kind, found, events, { now: target.source.at }),
  );
}

function about(event: CoreV1Event, kind: string, name: string): boolean {
  return event.involvedObject.kind === kind && event.involvedObject.name === name;
}

function result(target: Target, query: DescribeQuery, name: string, lines: string[]): Description {
  return {
    source: target.source,
    kind: query.kind,
    ...(query.namespace !== undefined && query.kind !== 'node'
      ? { namespace: query.namespace }
      : {}),
    name,
    lines,
  };
}
