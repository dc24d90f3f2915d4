// Lines shared by the daily status post and the handoff post: clusters, rollouts, rollbacks, log entries.
import type { ClusterStatus } from '../../cluster-queries/models.js';
import type { RollbackRequest } from '../../rollback/store/index.js';
import type { WindowRollout } from '../../statuslog/rollouts-between.js';
import { slackDate } from '../date-token.js';

export function clusterLines(statuses: ClusterStatus[]): string[] {
  return statuses.map((status) => {
    const name = `*${status.source.cluster}*`;
    if (!status.health) return `:grey_question: ${name}: ${status.unavailable ?? 'no answer'}`;
    const h = status.health;
    if (h.healthy)
      return `:large_green_circle: ${name}: healthy — ${h.nodes.ready}/${h.nodes.total} nodes ready`;
    const parts: string[] = [];
    if (h.nodes.notReady.length > 0)
      parts.push(
        `${h.nodes.notReady.length} node(s) not ready (${h.nodes.notReady
          .slice(0, 3)
          .map((n) => n.name)
          .join(', ')})`,
      );
    for (const d of h.degradedDeployments.slice(0, 5))
      parts.push(`${d.namespace}/${d.name}: ${d.reason}`);
    for (const p of h.failingPods.slice(0, 5))
      parts.push(
        `${p.namespace}/${p.workload}: ${p.pods} pod(s) ${p.reason}, ${p.restarts} restarts`,
      );
    const more =
      h.degradedDeployments.length +
      h.failingPods.length -
      Math.min(5, h.degradedDeployments.length) -
      Math.min(5, h.failingPods.length);
    if (more > 0) parts.push(`…and ${more} more`);
    return `:red_circle: ${name}: ${parts.join('; ')}`;
  });
}

export function rolloutLines(rollouts: WindowRollout[]): string[] {
  return rollouts.map(
    (r) =>
      `• ${slackDate(r.at)} ${r.cluster} ${r.namespace}/${r.deployment} → revision ${r.revision} (${r.images.join(', ')})`,
  );
}

export function rollbackLines(requests: RollbackRequest[]): string[] {
  return requests.map((r) => {
    const what = `${r.workload.namespace}/${r.workload.name} on ${r.workload.cluster} → revision ${r.toRevision}`;
    const who = r.breakGlass
      ? `break-glass by <@${r.requestedBy}>${r.reason ? ` (“${r.reason}”)` : ''}`
      : `asked by <@${r.requestedBy}>${r.decidedBy ? `, approved by <@${r.decidedBy}>` : ''}`;
    return `• ${what}: ${r.state} — ${who}`;
  });
}

export function pendingLines(requests: RollbackRequest[]): string[] {
  return requests.map(
    (r) =>
      `• ${r.workload.namespace}/${r.workload.name} on ${r.workload.cluster} → revision ${r.toRevision} (${r.state}, asked by <@${r.requestedBy}>, expires ${slackDate(r.expiresAt)})`,
  );
}

/** A titled list, or the title and "none" — so the reader knows it was looked at. */
export function titled(title: string, lines: string[], none = 'None.'): string[] {
  return [`*${title}*`, ...(lines.length > 0 ? lines : [none])];
}
