// Renders /k8s clusters (what this channel may see, and how each watch cache is doing) and /k8s help.
import type { ClusterRow } from '../../cluster-queries/models.js';
import type { SlackMessage } from '../message.js';
import { context, header, lineSections, section } from './blocks.js';
import { freshnessNote, isStale } from './k8s-freshness.js';

export function renderClusters(rows: readonly ClusterRow[], viewer: string): SlackMessage {
  const lines = rows.map((row) => {
    const namespaces = row.namespaces === 'all' ? 'all namespaces' : row.namespaces.join(', ');
    const nodes = row.nodes ? ` · ${row.nodes.ready}/${row.nodes.total} nodes ready` : '';
    const icon = isStale(row.source) ? ':warning:' : ':large_green_circle:';
    return `${icon} *${row.source.cluster}* — ${namespaces}${nodes}\n${freshnessNote(row.source)}`;
  });
  const first = rows[0]?.source.cluster;
  const summary = `Clusters ${viewer} can see: ${rows.length}.`;
  return {
    text: summary,
    blocks: [
      header('Clusters'),
      section(summary),
      ...lineSections(lines, 40),
      context(
        first
          ? `Commands use *${first}* unless you add \`--cluster <name>\`.`
          : 'No clusters are bound here yet.',
      ),
    ],
  };
}

const helpLines = [
  '`/k8s status [cluster]` — one screen of health per cluster: nodes, degraded workloads, failing pods, rollouts, warnings',
  '`/k8s pods [namespace] [name or label selector] [--problems]` — pods, e.g. `/k8s pods shop web` or `/k8s pods shop app=web`',
  '`/k8s deploys [namespace]` — deployments, statefulsets and daemonsets with readiness and images',
  '`/k8s nodes` — nodes, readiness, pressure and versions',
  '`/k8s events [namespace] [--warnings]` — recent events, newest first',
  '`/k8s describe <kind> <namespace>/<name>` — kinds: pod, deployment, statefulset, daemonset, node (`describe node <name>`)',
  '`/k8s logs <namespace>/<pod> [container] [--tail N] [--previous]` — the last N lines (default 50, at most 200)',
  '`/k8s history <namespace>/<deployment>` — revisions with images, change-cause and when',
  '`/k8s rollback <namespace>/<name> [--to N] [--kind statefulset|daemonset]` — a card with a Roll back button; an allowed second person approves',
  '`/k8s audit [<namespace>[/<name>]] [--days N]` — who asked for, approved and ran which rollbacks',
  '`/k8s clusters` — the clusters and namespaces this channel can see',
];

export function renderK8sHelp(): SlackMessage {
  return {
    text: 'How to use /k8s',
    blocks: [
      header('How to use /k8s'),
      section(helpLines.join('\n')),
      context(
        'Add `--cluster <name>` to ask another cluster this channel can see. ' +
          'Names are matched forgivingly: `web` finds `shop/web-7d9f…`. Everything is read-only and answered from a live watch cache.',
      ),
    ],
  };
}
