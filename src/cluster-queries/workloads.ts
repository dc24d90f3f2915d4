// /k8s deploys: the Deployments, StatefulSets and DaemonSets in view, degraded ones first, with why.
import type {
  V1DaemonSet,
  V1Deployment,
  V1PodTemplateSpec,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { imagesOf } from '../cluster/history.js';
import { instant } from '../cluster/instant.js';
import {
  daemonSetDegradation,
  deploymentDegradation,
  statefulSetDegradation,
} from '../cluster/workloads.js';
import type { WorkloadKind, WorkloadList, WorkloadRow } from './models.js';
import { namespacesFor, type Target } from './target.js';

export function listWorkloads(target: Target, namespace: string | undefined): WorkloadList {
  const { filter, namespaces } = namespacesFor(target, namespace);
  const each = <T>(list: (ns?: string) => T[]): T[] =>
    namespaces ? namespaces.flatMap((ns) => list(ns)) : list();
  const { snapshot } = target;
  const rows = [
    ...each((ns) => snapshot.deployments(ns)).map(deploymentRow),
    ...each((ns) => snapshot.statefulSets(ns)).map(statefulSetRow),
    ...each((ns) => snapshot.daemonSets(ns)).map(daemonSetRow),
  ].sort(
    (a, b) =>
      Number(b.problem !== undefined) - Number(a.problem !== undefined) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name) ||
      a.kind.localeCompare(b.kind),
  );
  return { source: target.source, where: filter, rows };
}

function row(
  kind: WorkloadKind,
  object: { metadata?: { namespace?: string; name?: string; creationTimestamp?: Date } },
  template: V1PodTemplateSpec | undefined,
  counts: { ready: number; desired: number; upToDate: number },
  problem: string | undefined,
  paused = false,
): WorkloadRow {
  const created = instant(object.metadata?.creationTimestamp);
  return {
    kind,
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    ...counts,
    images: imagesOf(template),
    createdAt: created === undefined ? null : new Date(created),
    ...(problem !== undefined ? { problem } : {}),
    paused,
  };
}

function deploymentRow(deployment: V1Deployment): WorkloadRow {
  const counts = {
    ready: deployment.status?.readyReplicas ?? 0,
    desired: deployment.spec?.replicas ?? 1,
    upToDate: deployment.status?.updatedReplicas ?? 0,
  };
  const problem = deploymentDegradation(deployment)?.reason;
  const paused = deployment.spec?.paused === true;
  return row('Deployment', deployment, deployment.spec?.template, counts, problem, paused);
}

function statefulSetRow(statefulSet: V1StatefulSet): WorkloadRow {
  const counts = {
    ready: statefulSet.status?.readyReplicas ?? 0,
    desired: statefulSet.spec?.replicas ?? 1,
    upToDate: statefulSet.status?.updatedReplicas ?? 0,
  };
  const problem = statefulSetDegradation(statefulSet)?.reason;
  return row('StatefulSet', statefulSet, statefulSet.spec?.template, counts, problem);
}

function daemonSetRow(daemonSet: V1DaemonSet): WorkloadRow {
  const counts = {
    ready: daemonSet.status?.numberReady ?? 0,
    desired: daemonSet.status?.desiredNumberScheduled ?? 0,
    upToDate: daemonSet.status?.updatedNumberScheduled ?? 0,
  };
  const problem = daemonSetDegradation(daemonSet)?.reason;
  return row('DaemonSet', daemonSet, daemonSet.spec?.template, counts, problem);
}
