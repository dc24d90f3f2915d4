// What a failure notice's thread says, from the watch cache: the change, how pods fail, events, node trouble. Pure.
import type { CoreV1Event, V1Node, V1Pod } from '@kubernetes/client-node';
import { instant } from '../cluster/instant.js';
import { describeChange, type TemplateChange } from '../rollback/engine/index.js';
import { DEFAULT_PROGRESS_DEADLINE_S, lastExitCode, podTroubles } from './classify.js';
import type { ObservedRollout } from './rollout.js';
import type { FailureReason, NoticeKey } from './types.js';

export interface ProblemGroup {
  reason: FailureReason;
  pods: number;
  restarts: number;
  exitCode?: number;
  message?: string;
}

export interface EventLine {
  reason: string;
  count: number;
  /** "Pod web-7d9f-abcde". */
  object: string;
  message: string;
}

export interface NodeTrouble {
  name: string;
  problems: string[];
}

/** The container whose crashed run's log the thread shows. */
export interface LogSource {
  pod: string;
  container: string;
}

export type LogTail = LogSource & ({ lines: string[] } | { problem: string });

export interface FailureDetails {
  key: NoticeKey;
  previousRevision: number | null;
  change: TemplateChange | null;
  problems: ProblemGroup[];
  /** Set when the controller gave up: the deadline and its message. */
  deadline: { seconds: number; message?: string } | null;
  events: EventLine[];
  nodes: NodeTrouble[];
  logs: LogTail | null;
}

export const TOP_EVENTS = 5;
export const LOG_TAIL_LINES = 20;
const PRESSURES = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];

function problemGroups(pods: readonly V1Pod[], now: Date, graceMs: number): ProblemGroup[] {
  const groups = new Map<FailureReason, ProblemGroup>();
  for (const { pod, problem } of podTroubles(pods, now, graceMs)) {
    const group = groups.get(problem.reason);
    if (group) {
      group.pods += 1;
      group.restarts += problem.restarts;
      continue;
    }
    const exitCode = lastExitCode(pod);
    groups.set(problem.reason, {
      reason: problem.reason,
      pods: 1,
      restarts: problem.restarts,
      ...(exitCode !== undefined ? { exitCode } : {}),
      ...(problem.message ? { message: problem.message } : {}),
    });
  }
  return [...groups.values()];
}

function lastSeen(event: CoreV1Event): number {
  return (
    instant(event.lastTimestamp) ??
    instant(event.eventTime) ??
    instant(event.firstTimestamp) ??
    instant(event.metadata?.creationTimestamp) ??
    0
  );
}

/** Warning events about the new pods, their ReplicaSet or the Deployment: most frequent, then newest, first. */
export function rolloutEvents(
  rollout: ObservedRollout,
  events: readonly CoreV1Event[],
): EventLine[] {
  const pods = new Set(rollout.pods.map((pod) => pod.metadata?.name ?? ''));
  const rs = rollout.current.replicaSet.metadata?.name;
  const about = (event: CoreV1Event) => {
    const { kind, name = '' } = event.involvedObject;
    return (
      (kind === 'Pod' && pods.has(name)) ||
      (kind === 'ReplicaSet' && name === rs) ||
      (kind === 'Deployment' && name === rollout.key.workload)
    );
  };
  return events
    .filter((event) => event.involvedObject.namespace === rollout.key.namespace && about(event))
    .sort(
      (a, b) =>
        (b.series?.count ?? b.count ?? 1) - (a.series?.count ?? a.count ?? 1) ||
        lastSeen(b) - lastSeen(a),
    )
    .slice(0, TOP_EVENTS)
    .map((event) => ({
      reason: event.reason ?? 'Unknown',
      count: event.series?.count ?? event.count ?? 1,
      object: `${event.involvedObject.kind ?? 'Object'} ${event.involvedObject.name ?? ''}`,
      message: event.message ?? '',
    }));
}

function nodeProblems(node: V1Node): string[] {
  const problems: string[] = [];
  const conditions = node.status?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  if (ready?.status === 'Unknown') problems.push('kubelet stopped reporting (NotReady)');
  else if (ready?.status !== 'True')
    problems.push(`NotReady${ready?.reason ? ` (${ready.reason})` : ''}`);
  for (const type of PRESSURES) {
    if (conditions.some((c) => c.type === type && c.status === 'True')) problems.push(type);
  }
  if (node.spec?.unschedulable) problems.push('cordoned');
  return problems;
}

/** Nodes under the new pods that are not ready, under pressure or cordoned. */
export function nodeTrouble(pods: readonly V1Pod[], nodes: readonly V1Node[]): NodeTrouble[] {
  const names = new Set(pods.map((pod) => pod.spec?.nodeName).filter((name) => name));
  return nodes
    .filter((node) => names.has(node.metadata?.name))
    .map((node) => ({ name: node.metadata?.name ?? '', problems: nodeProblems(node) }))
    .filter((node) => node.problems.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The new pod container that crashed most often, whose previous run's log tells why; none if none crashed. */
export function logSource(pods: readonly V1Pod[]): LogSource | undefined {
  let best: (LogSource & { restarts: number }) | undefined;
  for (const pod of pods) {
    for (const status of pod.status?.containerStatuses ?? []) {
      if (!status.lastState?.terminated) continue;
      if (best && best.restarts >= status.restartCount) continue;
      best = {
        pod: pod.metadata?.name ?? '',
        container: status.name,
        restarts: status.restartCount,
      };
    }
  }
  return best && { pod: best.pod, container: best.container };
}

/** Everything the thread says but the log tail, which is read from the API server separately. */
export function failureDetails(
  rollout: ObservedRollout,
  cluster: { events: readonly CoreV1Event[]; nodes: readonly V1Node[] },
  options: { now: Date; graceMs: number },
): FailureDetails {
  const { deployment } = rollout;
  const progressing = deployment.status?.conditions?.find((c) => c.type === 'Progressing');
  const exceeded = progressing?.reason === 'ProgressDeadlineExceeded';
  return {
    key: rollout.key,
    previousRevision: rollout.previous?.revision ?? null,
    change: rollout.previous
      ? describeChange(
          rollout.previous.replicaSet.spec?.template,
          rollout.current.replicaSet.spec?.template,
        )
      : null,
    problems: problemGroups(rollout.pods, options.now, options.graceMs),
    deadline: exceeded
      ? {
          seconds: deployment.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_S,
          ...(progressing.message ? { message: progressing.message } : {}),
        }
      : null,
    events: rolloutEvents(rollout, cluster.events),
    nodes: nodeTrouble(rollout.pods, cluster.nodes),
    logs: null,
  };
}
