// /k8s nodes: every node with readiness, pressure, roles, kubelet version and age (cluster-wide objects,
// shown to every channel bound to the cluster).
import type { V1Node } from '@kubernetes/client-node';
import { instant } from '../cluster/instant.js';
import type { NodeList, NodeRow } from './models.js';
import type { Target } from './target.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function listNodes(target: Target): NodeList {
  const rows = target.snapshot
    .nodes()
    .map(nodeRow)
    .sort(
      (a, b) =>
        Number(a.ready === 'Ready') - Number(b.ready === 'Ready') || a.name.localeCompare(b.name),
    );
  return { source: target.source, rows };
}

export function nodeRow(node: V1Node): NodeRow {
  const conditions = node.status?.conditions ?? [];
  const readyCondition = conditions.find((c) => c.type === 'Ready');
  const ready =
    readyCondition?.status === 'True'
      ? 'Ready'
      : readyCondition?.status === 'False'
        ? 'NotReady'
        : 'Unknown';
  const roles = Object.keys(node.metadata?.labels ?? {})
    .filter((label) => label.startsWith(ROLE_PREFIX))
    .map((label) => label.slice(ROLE_PREFIX.length))
    .filter(Boolean);
  const created = instant(node.metadata?.creationTimestamp);
  return {
    name: node.metadata?.name ?? '',
    ready,
    ...(ready !== 'Ready' && readyCondition?.reason ? { reason: readyCondition.reason } : {}),
    roles,
    version: node.status?.nodeInfo?.kubeletVersion ?? '',
    createdAt: created === undefined ? null : new Date(created),
    pressures: conditions
      .filter((c) => c.type !== 'Ready' && c.status === 'True')
      .map((c) => c.type),
    unschedulable: node.spec?.unschedulable === true,
  };
}
