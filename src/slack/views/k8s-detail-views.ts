// Renders the /k8s answers about one object: describe, logs (a tail in code blocks) and rollout history.
import type { Description, PodLogs, RolloutHistory } from '../../cluster-queries/models.js';
import { slackDate } from '../date-token.js';
import type { SlackMessage } from '../message.js';
import { context, header, lineSections, section } from './blocks.js';
import { freshnessNote } from './k8s-freshness.js';
import { escapeText } from '../../cluster-queries/echo.js';
import { codeBlocks, plural } from './k8s-text.js';

const KIND_TITLES: Record<Description['kind'], string> = {
  pod: 'Pod',
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  node: 'Node',
};

export function renderDescription(model: Description): SlackMessage {
  const target = model.namespace ? `${model.namespace}/${model.name}` : model.name;
  const title = `${KIND_TITLES[model.kind]} ${target}`;
  return {
    text: `Describe ${title} on ${model.source.cluster}`,
    blocks: [
      header(title),
      ...codeBlocks(model.lines, { maxSections: 12, keep: 'first', what: 'lines' }),
      context(`${freshnessNote(model.source)} · environment values and Secrets are never shown`),
    ],
  };
}

export function renderLogs(model: PodLogs): SlackMessage {
  const others = model.containers.filter((name) => name !== model.container);
  const which = model.previous ? 'previous (terminated) container' : 'container';
  const summary =
    `Last ${plural(model.lines.length, 'line')} of ${which} \`${escapeText(model.container)}\` ` +
    `in \`${model.namespace}/${escapeText(model.pod)}\`` +
    (model.lines.length < model.tail ? ` (asked for ${model.tail}).` : '.');
  const switchTo =
    others.length > 0
      ? ` Other containers: ${others.map((name) => `\`${escapeText(name)}\``).join(', ')}.`
      : '';
  const body =
    model.lines.length > 0
      ? codeBlocks(model.lines, { maxSections: 15, keep: 'last', what: 'lines' })
      : [section('_The container has written nothing to its log._')];
  return {
    text: summary,
    blocks: [
      section(summary + switchTo),
      ...body,
      context(`${model.source.cluster} · read live ${slackDate(model.source.at)}`),
    ],
  };
}

export function renderHistory(model: RolloutHistory): SlackMessage {
  const title = `Rollout history of ${model.namespace}/${model.name}`;
  const newestFirst = [...model.revisions].reverse();
  const lines = newestFirst.map((revision) => {
    const current = revision.current ? ' *(current)*' : '';
    const images = revision.images.map((image) => `\`${escapeText(image)}\``).join(', ');
    const cause = revision.changeCause ? ` — “${escapeText(clip(revision.changeCause))}”` : '';
    const when = revision.createdAt ? ` · ${slackDate(revision.createdAt)}` : '';
    return `*${revision.revision}*${current} ${images || '_no images_'}${when}${cause}`;
  });
  const summary =
    lines.length === 0
      ? `No rollout history found for \`${model.namespace}/${model.name}\`.`
      : `${plural(lines.length, 'revision')}, newest first.`;
  return {
    text: `${title}: ${summary}`,
    blocks: [
      header(title),
      section(summary),
      ...lineSections(lines, 10),
      context(freshnessNote(model.source)),
    ],
  };
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
