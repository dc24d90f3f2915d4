// Renders /log answers: an entry saved, an item closed, today's or the week's log with open items.
import type { LogEntry } from '../../statuslog/log-store.js';
import type { LogView } from '../../statuslog/status-log.js';
import { slackDate } from '../date-token.js';
import type { SlackMessage } from '../message.js';
import { context, divider, header, lineSections, section } from './blocks.js';
import { quoteUserText } from './user-text.js';

export function entryLine(entry: LogEntry): string {
  const mark = entry.open ? (entry.closedAt ? ':ballot_box_with_check:' : ':white_square:') : '•';
  return `${mark} ${slackDate(entry.createdAt, 'time')} <@${entry.author}>: ${quoteUserText(entry.body)} _#${entry.id}_`;
}

export function renderEntrySaved(entry: LogEntry): SlackMessage {
  const what = entry.open ? `Open item #${entry.id} added` : `Logged #${entry.id}`;
  return {
    text: what,
    blocks: [
      section(`${what}: ${quoteUserText(entry.body)}`),
      context(
        entry.open
          ? `It stays in the handoff until \`/log close ${entry.id}\`.`
          : 'It will be in the daily status post and the handoff.',
      ),
    ],
  };
}

export function renderEntryClosed(entry: LogEntry): SlackMessage {
  return {
    text: `Closed #${entry.id}`,
    blocks: [
      section(
        `:ballot_box_with_check: Closed open item #${entry.id}: ${quoteUserText(entry.body)}`,
      ),
    ],
  };
}

export function renderLog(view: LogView): SlackMessage {
  const entries = view.entries.map(entryLine);
  const open = view.openItems.map(
    (item) =>
      `:white_square: #${item.id} ${quoteUserText(item.body)} — <@${item.author}>, ${slackDate(item.createdAt, 'date')}`,
  );
  return {
    text: view.title,
    blocks: [
      header(view.title),
      ...lineSections(
        entries.length > 0 ? entries : ['Nothing logged yet. `/log <text>` adds an entry.'],
        30,
      ),
      divider(),
      section(`*Open items (${open.length})*`),
      ...lineSections(open.length > 0 ? open : ['None.'], 10),
    ],
  };
}

export const logUsage =
  "Usage: `/log <text>` adds to today's log, `/log --open <text>` adds an open item, `/log close <id>` closes one, `/log` shows today, `/log week` the week.";
