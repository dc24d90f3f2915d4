// The thread under a failure notice, posted once: what changed, how it fails, the log tail, events, nodes.
import type { Block, SlackMessage } from '../message.js';
import { codeBlocks, listSection } from './k8s-text.js';
import { context, section } from './blocks.js';
import { clip, code } from './notice-text.js';
import { escapeText } from '../../cluster-queries/echo.js';
import type { FailureDetails, LogTail, ProblemGroup } from '../../notices/details.js';
import type { TemplateChange } from '../../rollback/engine/index.js';

function names(list: readonly string[]): string {
  const shown = list.slice(0, 15).map((name) => code(name));
  const more = list.length > 15 ? ` and ${list.length - 15} more` : '';
  return `${shown.join(', ')}${more}`;
}

const IMAGE_LINES = 5;

function imageLine(image: TemplateChange['images'][number]): string {
  const container = escapeText(image.container);
  const full = (name: string) => code(clip(name, 200));
  if (image.from === null) return `• container ${container} added: ${full(image.to ?? '')}`;
  if (image.to === null) return `• container ${container} removed (was ${full(image.from)})`;
  return `• image of ${container}: ${full(image.from)} → ${full(image.to)}`;
}

/** One line per kind of change (a few images at most); environment variables by name only, never their values. */
export function changeLines(change: TemplateChange): string[] {
  const lines = change.images.slice(0, IMAGE_LINES).map(imageLine);
  const more = change.images.length - IMAGE_LINES;
  if (more > 0) lines.push(`• and ${more} more containers with another image`);
  const { added, removed, changed } = change.env;
  if (added.length > 0) lines.push(`• env added: ${names(added)}`);
  if (removed.length > 0) lines.push(`• env removed: ${names(removed)}`);
  if (changed.length > 0) lines.push(`• env changed: ${names(changed)}`);
  for (const resources of change.resources) {
    lines.push(
      `• resources of ${escapeText(resources.container)}: ${escapeText(resources.from)} → ${escapeText(resources.to)}`,
    );
  }
  for (const command of change.command) {
    lines.push(`• command or args of ${escapeText(command.container)} changed`);
  }
  if (change.other) lines.push('• other pod template settings changed (volumes, probes, labels…)');
  return lines;
}

function problemLine(group: ProblemGroup): string {
  const pods = `${group.pods} new ${group.pods === 1 ? 'pod' : 'pods'}`;
  const message = group.message ? ` — ${escapeText(clip(group.message, 300))}` : '';
  const exit = group.exitCode !== undefined ? ` · exit code ${group.exitCode}` : '';
  return `• *${group.reason}* on ${pods}${message}${exit} · ${group.restarts} restarts`;
}

function logBlocks(logs: LogTail): Block[] {
  const where = `${code(logs.pod)} (container ${escapeText(logs.container)}, its run before the last restart)`;
  if ('problem' in logs)
    return [section(`*Log tail* of ${where}: ${escapeText(clip(logs.problem, 500))}`)];
  if (logs.lines.length === 0)
    return [section(`*Log tail* of ${where}: the container wrote nothing to its log.`)];
  return [
    section(`*Last ${logs.lines.length} log lines* of ${where}:`),
    ...codeBlocks(logs.lines, { maxSections: 1, keep: 'last', what: 'lines' }),
  ];
}

export function renderFailureThread(details: FailureDetails): SlackMessage {
  const { key } = details;
  const what = `${key.namespace}/${key.workload} revision ${key.revision} on ${key.cluster}`;
  const blocks: Block[] = [section(`*Why ${escapeText(what)} is failing*`)];
  const how = details.problems.map(problemLine);
  if (details.deadline) {
    const message = details.deadline.message
      ? ` (${escapeText(clip(details.deadline.message, 300))})`
      : '';
    how.unshift(
      `• *ProgressDeadlineExceeded*: no progress for ${details.deadline.seconds} s${message}`,
    );
  }
  blocks.push(
    how.length > 0
      ? listSection('*How it fails*', how, 10)
      : section('*How it fails*\nThe new pods are not ready yet; no pod reports a problem.'),
  );
  if (details.change) {
    const lines = changeLines(details.change);
    const title = `*What changed* from revision ${details.previousRevision ?? '?'} to ${key.revision}`;
    blocks.push(
      lines.length > 0
        ? listSection(title, lines, 30)
        : section(`${title}\nNothing in the pod template.`),
    );
  } else {
    blocks.push(
      section(
        '*What changed*\nThis is the first revision the cluster keeps; nothing to compare with.',
      ),
    );
  }
  if (details.logs) blocks.push(...logBlocks(details.logs));
  if (details.events.length > 0) {
    const lines = details.events.map(
      (event) =>
        `• ${escapeText(event.reason)} ×${event.count} — ${escapeText(event.object)}: ${escapeText(clip(event.message, 300))}`,
    );
    blocks.push(listSection('*Warning events*', lines, 5));
  }
  if (details.nodes.length > 0) {
    const lines = details.nodes.map(
      (node) => `• ${code(node.name)}: ${node.problems.map(escapeText).join(', ')}`,
    );
    blocks.push(listSection('*Node trouble* under the new pods', lines, 10));
  }
  blocks.push(context('Environment values and Secrets are never read; only pod logs are.'));
  return { text: `Why ${what} is failing`, blocks };
}
