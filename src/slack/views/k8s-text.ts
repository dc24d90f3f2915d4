// Text pieces shared by the /k8s views: ages, code blocks and capped lists within Slack's limits.
import type { Block } from '../message.js';
import { escapeText } from '../../cluster-queries/echo.js';
import { context, maxSectionText, section } from './blocks.js';

/** kubectl-style age: 45s, 12m, 3h, 5d. */
export function formatAge(since: Date | null | undefined, now: Date): string {
  if (!since) return '?';
  const seconds = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 120 * 60) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * One section: a bold title and as many lines as fit (at most `maxLines`), then "…and N more" —
 * always under Slack's 3,000 characters.
 */
export function listSection(title: string, lines: readonly string[], maxLines = 15): Block {
  const budget = maxSectionText - 60;
  let text = title;
  let shown = 0;
  for (const line of lines.slice(0, maxLines)) {
    const clipped = line.length > 600 ? `${line.slice(0, 600)}…` : line;
    if (text.length + clipped.length + 1 > budget) break;
    text += `\n${clipped}`;
    shown++;
  }
  if (shown < lines.length) text += `\n_…and ${lines.length - shown} more_`;
  return section(text);
}

/**
 * Lines shown as code blocks over at most `maxSections` sections. When they do not all fit, the
 * first lines are kept (`keep: 'first'`) or the last (`keep: 'last'`, for log tails); the context
 * line after says how many were left out.
 */
export function codeBlocks(
  lines: readonly string[],
  options: { maxSections: number; keep: 'first' | 'last'; what: string },
): Block[] {
  const budget = maxSectionText - 12;
  const clean = lines.map((line) => {
    const safe = escapeText(line.replace(/```/g, "'''"));
    return safe.length > 1000 ? `${safe.slice(0, 1000)}…` : safe;
  });
  const ordered = options.keep === 'last' ? [...clean].reverse() : clean;
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  let shown = 0;
  for (const line of ordered) {
    if (size + line.length + 1 > budget) {
      if (chunks.length + 1 >= options.maxSections) break;
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
    shown++;
  }
  if (current.length > 0) chunks.push(current);
  const inOrder =
    options.keep === 'last' ? chunks.reverse().map((chunk) => [...chunk].reverse()) : chunks;
  const blocks = inOrder.map((chunk) => section(`\`\`\`\n${chunk.join('\n')}\n\`\`\``));
  const left = lines.length - shown;
  if (left === 0) return blocks;
  const where = options.keep === 'last' ? 'earlier' : 'more';
  const note = context(`…${left} ${where} ${options.what} not shown (Slack's message limit).`);
  return options.keep === 'last' ? [note, ...blocks] : [...blocks, note];
}
