// describeObject: kubectl-describe-like plain lines for a pod, workload or node, with its warning events.
// Environment values, Secrets and the last-applied copy are never shown. Pure.
import type {
  CoreV1Event,
  V1DaemonSet,
  V1Deployment,
  V1Node,
  V1ObjectMeta,
  V1Pod,
  V1PodTemplateSpec,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { containerLines } from './describe-containers.js';
import { formatDuration } from './errors.js';
import { instant } from './instant.js';
import { controllerOf } from './owners.js';
import { LAST_APPLIED_ANNOTATION } from './trim.js';

export type Describable = V1Pod | V1Deployment | V1StatefulSet | V1DaemonSet | V1Node;

export interface DescribeOptions {
  /** Ages ("3 min ago") are relative to this; absent, instants are shown as ISO text. */
  now?: Date;
  /** At most this many events (newest first); default 10. */
  maxEvents?: number;
}

const MAX_ANNOTATION_LENGTH = 80;

function when(value: Date | string | undefined, now: Date | undefined): string {
  const ms = instant(value);
  if (ms === undefined) return 'unknown';
  if (!now) return new Date(ms).toISOString();
  return `${formatDuration(now.getTime() - ms)} ago`;
}

function pairs(map: Record<string, string> | undefined): string {
  const entries = Object.entries(map ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : 'none';
}

function annotations(map: Record<string, string> | undefined): string {
  const entries = Object.entries(map ?? {}).filter(([key]) => key !== LAST_APPLIED_ANNOTATION);
  if (!entries.length) return 'none';
  return entries
    .map(([k, v]) =>
      v.length > MAX_ANNOTATION_LENGTH ? `${k} (${v.length} characters)` : `${k}=${v}`,
    )
    .join(', ');
}

function metadataLines(
  kind: string,
  metadata: V1ObjectMeta | undefined,
  now: Date | undefined,
): string[] {
  const lines = [`${kind}: ${metadata?.name ?? '?'}`];
  if (metadata?.namespace) lines.push(`Namespace: ${metadata.namespace}`);
  lines.push(`Labels: ${pairs(metadata?.labels)}`);
  lines.push(`Annotations: ${annotations(metadata?.annotations)}`);
  lines.push(`Created: ${when(metadata?.creationTimestamp, now)}`);
  const owner = controllerOf(metadata);
  if (owner) lines.push(`Controlled by: ${owner.kind}/${owner.name}`);
  return lines;
}

function conditionLines(
  conditions:
    Array<{ type: string; status: string; reason?: string; message?: string }> | undefined,
): string[] {
  if (!conditions?.length) return [];
  return [
    'Conditions:',
    ...conditions.map(
      (c) =>
        `  ${c.type}: ${c.status}${c.reason ? ` (${c.reason})` : ''}${c.message ? ` — ${c.message}` : ''}`,
    ),
  ];
}

function templateLines(template: V1PodTemplateSpec | undefined): string[] {
  const spec = template?.spec;
  if (!spec) return [];
  return [
    `Pod template labels: ${pairs(template?.metadata?.labels)}`,
    ...(spec.initContainers ?? []).flatMap((c) => containerLines(c, undefined, 'Init container')),
    ...spec.containers.flatMap((c) => containerLines(c)),
  ];
}

function podLines(pod: V1Pod): string[] {
  const statuses = pod.status?.containerStatuses ?? [];
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  return [
    `Node: ${pod.spec?.nodeName ?? 'not scheduled'}`,
    `Status: ${pod.status?.phase ?? 'Unknown'}${pod.status?.reason ? ` (${pod.status.reason})` : ''}`,
    ...(pod.status?.podIP ? [`IP: ${pod.status.podIP}`] : []),
    ...(pod.status?.qosClass ? [`QoS class: ${pod.status.qosClass}`] : []),
    ...(pod.spec?.initContainers ?? []).flatMap((c) =>
      containerLines(
        c,
        initStatuses.find((s) => s.name === c.name),
        'Init container',
      ),
    ),
    ...(pod.spec?.containers ?? []).flatMap((c) =>
      containerLines(
        c,
        statuses.find((s) => s.name === c.name),
      ),
    ),
    ...conditionLines(pod.status?.conditions),
  ];
}

function deploymentLines(d: V1Deployment): string[] {
  const s = d.status;
  return [
    `Replicas: ${d.spec?.replicas ?? 1} desired, ${s?.updatedReplicas ?? 0} updated, ${s?.readyReplicas ?? 0} ready, ${s?.availableReplicas ?? 0} available, ${s?.unavailableReplicas ?? 0} unavailable`,
    `Strategy: ${d.spec?.strategy?.type ?? 'RollingUpdate'}${d.spec?.paused ? ' (paused)' : ''}`,
    `Selector: ${pairs(d.spec?.selector.matchLabels)}`,
    `Revision: ${d.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 'unknown'}`,
    ...conditionLines(s?.conditions),
    ...templateLines(d.spec?.template),
  ];
}

function statefulSetLines(s: V1StatefulSet): string[] {
  return [
    `Replicas: ${s.spec?.replicas ?? 1} desired, ${s.status?.readyReplicas ?? 0} ready, ${s.status?.updatedReplicas ?? 0} updated`,
    `Update strategy: ${s.spec?.updateStrategy?.type ?? 'RollingUpdate'}`,
    `Selector: ${pairs(s.spec?.selector.matchLabels)}`,
    ...conditionLines(s.status?.conditions),
    ...templateLines(s.spec?.template),
  ];
}

function daemonSetLines(d: V1DaemonSet): string[] {
  const s = d.status;
  return [
    `Pods: ${s?.desiredNumberScheduled ?? 0} desired, ${s?.currentNumberScheduled ?? 0} scheduled, ${s?.numberReady ?? 0} ready, ${s?.numberAvailable ?? 0} available, ${s?.numberMisscheduled ?? 0} misscheduled`,
    `Update strategy: ${d.spec?.updateStrategy?.type ?? 'RollingUpdate'}`,
    `Selector: ${pairs(d.spec?.selector.matchLabels)}`,
    ...conditionLines(s?.conditions),
    ...templateLines(d.spec?.template),
  ];
}

function nodeLines(node: V1Node): string[] {
  const roles = Object.keys(node.metadata?.labels ?? {})
    .filter((label) => label.startsWith('node-role.kubernetes.io/'))
    .map((label) => label.slice('node-role.kubernetes.io/'.length));
  const taints =
    node.spec?.taints?.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`) ?? [];
  const info = node.status?.nodeInfo;
  const allocatable = node.status?.allocatable ?? {};
  return [
    `Roles: ${roles.length ? roles.join(', ') : 'none'}`,
    `Schedulable: ${node.spec?.unschedulable ? 'no (cordoned)' : 'yes'}`,
    `Taints: ${taints.length ? taints.join(', ') : 'none'}`,
    ...(info
      ? [`Kubelet: ${info.kubeletVersion}, ${info.osImage}, ${info.containerRuntimeVersion}`]
      : []),
    `Allocatable: cpu ${allocatable.cpu ?? '?'}, memory ${allocatable.memory ?? '?'}, pods ${allocatable.pods ?? '?'}`,
    ...conditionLines(node.status?.conditions),
  ];
}

function eventTime(event: CoreV1Event): number | undefined {
  return (
    instant(event.lastTimestamp) ??
    instant(event.series?.lastObservedTime) ??
    instant(event.eventTime) ??
    instant(event.metadata?.creationTimestamp)
  );
}

function eventLines(events: readonly CoreV1Event[], options: DescribeOptions): string[] {
  if (!events.length) return ['Events: none'];
  const newest = [...events].sort((a, b) => (eventTime(b) ?? 0) - (eventTime(a) ?? 0));
  const shown = newest.slice(0, options.maxEvents ?? 10);
  const lines = shown.map((e) => {
    const at = eventTime(e);
    const count = e.series?.count ?? e.count ?? 1;
    const age = at === undefined ? 'unknown' : when(new Date(at), options.now);
    return `  ${age} ${e.type ?? 'Warning'} ${e.reason ?? ''}${count > 1 ? ` (×${count})` : ''}: ${e.message ?? ''}`;
  });
  const more = newest.length - shown.length;
  return ['Events:', ...lines, ...(more > 0 ? [`  …and ${more} older`] : [])];
}

const BODIES: Record<string, { title: string; lines: (object: never) => string[] }> = {
  pod: { title: 'Pod', lines: podLines },
  deployment: { title: 'Deployment', lines: deploymentLines },
  statefulset: { title: 'StatefulSet', lines: statefulSetLines },
  daemonset: { title: 'DaemonSet', lines: daemonSetLines },
  node: { title: 'Node', lines: nodeLines },
};

/** Plain lines describing one object (kind case-insensitive: pod, deployment, statefulset, daemonset, node). */
export function describeObject(
  kind: string,
  object: Describable,
  events: readonly CoreV1Event[],
  options: DescribeOptions = {},
): string[] {
  const body = BODIES[kind.toLowerCase()];
  if (!body) {
    return kind.toLowerCase() === 'secret'
      ? ['Secrets are never shown.']
      : [`${kind} objects cannot be described here.`];
  }
  return [
    ...metadataLines(body.title, object.metadata, options.now),
    ...body.lines(object as never),
    ...eventLines(events, options),
  ];
}
