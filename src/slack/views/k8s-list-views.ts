// Renders the /k8s lists — pods, deploys, nodes, events — one line per object, capped with a count.
import type {
  EventList,
  EventRow,
  NamespaceFilter,
  NodeList,
  NodeRow,
  PodList,
  PodRow,
  Source,
  WorkloadList,
  WorkloadRow,
} from '../../cluster-queries/models.js';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { context, header, lineSections, section } from './blocks.js';
import { freshnessNote } from './k8s-freshness.js';
import { echo, escapeText } from '../../cluster-queries/echo.js';
import { formatAge, plural } from './k8s-text.js';

const red = ':red_circle:';
const green = ':large_green_circle:';
const maxListSections = 8;

export function renderPods(list: PodList): SlackMessage {
  const problems = list.rows.filter((row) => row.problem).length;
  const filter = list.filter ? ` matching \`${echo(list.filter, 80)}\`` : '';
  const kind = list.problemsOnly ? 'pods with problems' : 'pods';
  const summary =
    list.rows.length === 0
      ? `No ${kind} ${where(list.where)}${filter}.`
      : `${plural(list.rows.length, list.problemsOnly ? 'pod with problems' : 'pod', kind)} ` +
        `${where(list.where)}${filter}` +
        (list.problemsOnly ? '.' : `, ${problems} with problems.`);
  return listMessage(
    `Pods · ${list.source.cluster}`,
    summary,
    list.rows.map((row) => podLine(row, list.source.at)),
    list.source,
    {
      narrow: '`/k8s pods <namespace> <name>` or `--problems`',
    },
  );
}

function podLine(row: PodRow, now: Date): string {
  const node = row.node ? ` · ${escapeText(row.node)}` : '';
  return (
    `${row.problem ? red : green} \`${row.namespace}/${escapeText(row.name)}\` ${escapeText(row.status)}` +
    ` · ${row.ready} ready · ${plural(row.restarts, 'restart')}${node} · ${formatAge(row.createdAt, now)}`
  );
}

export function renderWorkloads(list: WorkloadList): SlackMessage {
  const degraded = list.rows.filter((row) => row.problem !== undefined).length;
  const summary =
    list.rows.length === 0
      ? `No deployments, statefulsets or daemonsets ${where(list.where)}.`
      : `${plural(list.rows.length, 'workload')} ${where(list.where)}, ${degraded} degraded.`;
  return listMessage(
    `Workloads · ${list.source.cluster}`,
    summary,
    list.rows.map((row) => workloadLine(row, list.source.at)),
    list.source,
    { narrow: '`/k8s deploys <namespace>`' },
  );
}

function workloadLine(row: WorkloadRow, now: Date): string {
  const images = row.images.map((image) => `\`${escapeText(image)}\``).join(', ');
  const paused = row.paused ? ' · paused' : '';
  const problem = row.problem ? ` — ${escapeText(row.problem)}` : '';
  return (
    `${row.problem ? red : green} ${row.kind} \`${row.namespace}/${row.name}\` ${row.ready}/${row.desired} ready` +
    ` · ${row.upToDate} up to date · ${images}${paused} · ${formatAge(row.createdAt, now)}${problem}`
  );
}

export function renderNodes(list: NodeList): SlackMessage {
  const ready = list.rows.filter((row) => row.ready === 'Ready').length;
  const summary =
    list.rows.length === 0
      ? 'The cluster reports no nodes.'
      : `${ready}/${list.rows.length} nodes ready.`;
  const lines = list.rows.map((row) => nodeLine(row, list.source.at));
  return listMessage(`Nodes · ${list.source.cluster}`, summary, lines, list.source, {
    narrow: '`/k8s describe node <name>`',
  });
}

function nodeLine(row: NodeRow, now: Date): string {
  const reason = row.reason ? ` (${escapeText(row.reason)})` : '';
  const roles = row.roles.length > 0 ? ` · ${row.roles.map(escapeText).join(', ')}` : '';
  const pressures = row.pressures.length > 0 ? ` · ${row.pressures.join(', ')}` : '';
  const cordoned = row.unschedulable ? ' · cordoned' : '';
  const icon = row.ready === 'Ready' && row.pressures.length === 0 ? green : red;
  return (
    `${icon} \`${escapeText(row.name)}\` ${row.ready}${reason}${roles}${pressures}${cordoned}` +
    ` · ${escapeText(row.version)} · ${formatAge(row.createdAt, now)}`
  );
}

export function renderEvents(list: EventList): SlackMessage {
  const kind = list.warningsOnly ? 'warning events' : 'events';
  const summary =
    list.rows.length === 0
      ? `No ${kind} ${where(list.where)}.`
      : `${plural(list.rows.length, kind.slice(0, -1), kind)} ${where(list.where)}, newest first.`;
  return listMessage(
    `Events · ${list.source.cluster}`,
    summary,
    list.rows.map(eventLine),
    list.source,
    {
      narrow: '`/k8s events <namespace> --warnings`',
    },
  );
}

function eventLine(row: EventRow): string {
  const icon = row.type === 'Warning' ? ':warning:' : ':information_source:';
  const seen = row.lastSeen ? ` · ${slackDate(row.lastSeen)}` : '';
  const message = row.message.length > 300 ? `${row.message.slice(0, 300)}…` : row.message;
  return (
    `${icon} *${escapeText(row.reason)}* ${escapeText(row.object)} in \`${row.namespace}\` ×${row.count}${seen}` +
    ` — ${escapeText(message)}`
  );
}

function listMessage(
  title: string,
  summary: string,
  lines: string[],
  source: Source,
  hint: { narrow: string },
): SlackMessage {
  const blocks: Block[] = [header(title), section(summary)];
  if (lines.length > 0) {
    blocks.push(
      ...lineSections(
        lines,
        maxListSections,
        (n) => `…and ${n} more not shown. Narrow it down: ${hint.narrow}.`,
      ),
    );
  }
  blocks.push(context(freshnessNote(source)));
  return { text: summary, blocks };
}

/** "in `shop`", "in all namespaces", "in shop, payments". */
export function where(filter: NamespaceFilter): string {
  if ('namespace' in filter) return `in \`${filter.namespace}\``;
  if (filter.visible === 'all') return 'in all namespaces';
  return `in ${filter.visible.join(', ') || 'no namespaces'}`;
}
