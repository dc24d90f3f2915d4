// Small Block Kit builders that keep every message inside Slack's limits (50 blocks, 3,000 characters).
import type { Block } from '../message.js';

export const maxBlocks = 50;
export const maxSectionText = 3000;

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: text.slice(0, 150) } };
}

export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, maxSectionText) } };
}

export function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: text.slice(0, maxSectionText) }] };
}

export function divider(): Block {
  return { type: 'divider' };
}

/**
 * Packs lines into as few sections as fit, at most `maxSections`; lines that do not fit are counted
 * in a closing "…and N more" line, so a long list is truncated, never rejected.
 */
export function lineSections(
  lines: string[],
  maxSections = 40,
  more = (n: number) => `…and ${n} more not shown.`,
): Block[] {
  const sections: string[] = [];
  let current = '';
  let shown = 0;
  for (const line of lines) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= maxSectionText - 100) {
      current = candidate;
      shown++;
      continue;
    }
    if (sections.length + 1 >= maxSections) break;
    sections.push(current);
    current = line.slice(0, maxSectionText - 100);
    shown++;
  }
  if (current !== '') sections.push(current);
  const blocks = sections.map(section);
  if (shown < lines.length) blocks.push(context(more(lines.length - shown)));
  return blocks;
}
