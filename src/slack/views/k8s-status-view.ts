// Renders /k8s status: one screen per cluster that needs attention, one line per healthy cluster.
import type { ClusterHealth } from '../../cluster/health.js';
import type { ClusterStatus } from '../../cluster-queries/models.js';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { context, divider, header, maxBlocks, section } from './blocks.js';
import { freshnessNote, isStale } from './k8s-freshness.js';
import { escapeText } from '../../cluster-queries/echo.js';
import { listSection, plural } from './k8s-text.js';

export function renderStatus(statuses: readonly ClusterStatus[]): SlackMessage {
  const single = statuses.length === 1 ? statuses[0] : undefined;
  if (single) {
    const title = `Cluster ${single.source.cluster}`;
    return {
      text: `${title}: ${summary(single)}`,
      blocks: [header(title), ...clusterScreen(single)],
    };
  }
  const calm = statuses.filter((s) => s.health?.healthy === true && !isStale(s.source));
  const troubled = statuses.filter((s) => !calm.includes(s));
  const blocks: Block[] = [header('Cluster status')];
  if (calm.length > 0) blocks.push(section(calm.map(healthyLine).join('\n')));
  let left = troubled.length;
  for (const status of troubled) {
    const screen = [divider(), ...clusterScreen(status)];
    if (blocks.length + screen.length > maxBlocks - 1) break;
    blocks.push(...screen);
    left--;
  }
  if (left > 0) {
    blocks.push(
      context(`…and ${plural(left, 'more cluster')} to look at: \`/k8s status <cluster>\`.`),
    );
  }
  const text = statuses.map((s) => `${s.source.cluster}: ${summary(s)}`).join('; ');
  return { text: text || 'No clusters to show.', blocks };
}

function clusterScreen(status: ClusterStatus): Block[] {
  const { health, source } = status;
  if (!health) {
    return [
      section(`:x: *${source.cluster}* — ${escapeText(status.unavailable ?? 'no data yet.')}`),
    ];
  }
  const blocks: Block[] = [
    section(`${healthIcon(health, source)} *${source.cluster}* — ${nodesLine(health)}`),
  ];
  if (health.healthy) blocks.push(section('No degraded workloads, no failing pods.'));
  const lists: [string, string[], number][] = [
    ['Degraded workloads', health.degradedDeployments.map(degradedLine), 10],
    ['Failing pods', health.failingPods.map(failingLine), 15],
    ['Rollouts in the last 24 h', health.recentRollouts.map(rolloutLine), 8],
    ['Top warnings', health.topWarnings.map(warningLine), 5],
  ];
  for (const [title, lines, max] of lists) {
    if (lines.length > 0) blocks.push(listSection(`*${title} (${lines.length})*`, lines, max));
  }
  blocks.push(context(freshnessNote(source)));
  return blocks;
}

function healthIcon(health: ClusterHealth, source: ClusterStatus['source']): string {
  if (!health.healthy) return ':red_circle:';
  return isStale(source) ? ':warning:' : ':large_green_circle:';
}

function nodesLine(health: ClusterHealth): string {
  const { ready, total, notReady } = health.nodes;
  const base = `${ready}/${total} nodes ready`;
  if (notReady.length === 0) return base;
  const which = notReady
    .slice(0, 10)
    .map((node) => `\`${escapeText(node.name)}\` (${escapeText(node.reason)})`);
  const more = notReady.length > 10 ? ` …and ${notReady.length - 10} more` : '';
  return `${base}; not ready: ${which.join(', ')}${more}`;
}

function degradedLine(d: ClusterHealth['degradedDeployments'][number]): string {
  return `${d.kind} \`${d.namespace}/${d.name}\` ${d.ready}/${d.desired} ready — ${escapeText(d.reason)}`;
}

function failingLine(f: ClusterHealth['failingPods'][number]): string {
  const message = f.message ? ` — ${escapeText(clip(f.message, 160))}` : '';
  return (
    `\`${f.namespace}/${escapeText(f.workload)}\` ${plural(f.pods, 'pod')} ${escapeText(f.reason)}` +
    ` · ${plural(f.restarts, 'restart')}${message}`
  );
}

function rolloutLine(r: ClusterHealth['recentRollouts'][number]): string {
  const images = r.images.map((image) => `\`${escapeText(image)}\``).join(', ');
  return `\`${r.namespace}/${r.name}\` revision ${r.revision} ${slackDate(r.at)} — ${images}`;
}

function warningLine(w: ClusterHealth['topWarnings'][number]): string {
  return `*${escapeText(w.reason)}* ×${w.count} — ${escapeText(clip(w.example, 200))}`;
}

function healthyLine(status: ClusterStatus): string {
  const health = status.health!;
  const rollouts = health.recentRollouts.length;
  const recent = rollouts > 0 ? ` · ${plural(rollouts, 'rollout')} in the last 24 h` : '';
  return `:large_green_circle: *${status.source.cluster}* healthy — ${health.nodes.ready}/${health.nodes.total} nodes ready${recent}`;
}

function summary(status: ClusterStatus): string {
  const health = status.health;
  if (!health) return 'unreachable';
  if (health.healthy) return 'healthy';
  const parts = [
    health.nodes.notReady.length > 0
      ? plural(health.nodes.notReady.length, 'node') + ' not ready'
      : '',
    health.degradedDeployments.length > 0
      ? plural(health.degradedDeployments.length, 'degraded workload')
      : '',
    health.failingPods.length > 0
      ? plural(health.failingPods.length, 'workload') + ' with failing pods'
      : '',
  ];
  return parts.filter(Boolean).join(', ') || 'needs attention';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
