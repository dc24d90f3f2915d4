// Gathers and posts a failure notice's thread: the cached details plus the crashed container's log tail.
import type { ClusterRegistry } from '../cluster/registry.js';
import { UserFacingError } from '../errors.js';
import type { SlackPoster } from '../slack/message.js';
import { renderFailureThread } from '../slack/views/notice-thread-view.js';
import { LOG_TAIL_LINES, failureDetails, logSource, type LogTail } from './details.js';
import type { ObservedRollout } from './rollout.js';

export type ThreadClusters = Pick<ClusterRegistry, 'snapshot' | 'podLogs'>;

/** The last lines the crashed container wrote before it died (pod logs only; nothing else is read). */
async function logTail(
  clusters: ThreadClusters,
  rollout: ObservedRollout,
): Promise<LogTail | null> {
  const source = logSource(rollout.pods);
  if (!source) return null;
  const { cluster, namespace } = rollout.key;
  try {
    const text = await clusters.podLogs(cluster, namespace, source.pod, {
      container: source.container,
      tailLines: LOG_TAIL_LINES,
      previous: true,
    });
    const lines = text.replace(/\n$/, '').split('\n');
    return { ...source, lines: text === '' ? [] : lines.slice(-LOG_TAIL_LINES) };
  } catch (error) {
    if (error instanceof UserFacingError) return { ...source, problem: error.message };
    throw error;
  }
}

/** Posts the details of a failing rollout under its notice; returns the reply's ts. */
export async function postFailureThread(
  deps: { clusters: ThreadClusters; poster: SlackPoster },
  target: { channel: string; ts: string },
  rollout: ObservedRollout,
  options: { now: Date; graceMs: number },
): Promise<string> {
  const snapshot = deps.clusters.snapshot(rollout.key.cluster);
  const details = failureDetails(
    rollout,
    { events: snapshot.warningEvents(rollout.key.namespace), nodes: snapshot.nodes() },
    options,
  );
  const message = renderFailureThread({ ...details, logs: await logTail(deps.clusters, rollout) });
  const { ts } = await deps.poster.post(target.channel, message, { threadTs: target.ts });
  return ts;
}
