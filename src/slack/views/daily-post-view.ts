// The daily status post: on-call, cluster health, rollouts and rollbacks, yesterday's log, open items.
import type { DailyDigest } from '../../statuslog/digest.js';
import { slackDate } from '../date-token.js';
import type { SlackMessage } from '../message.js';
import { context, divider, header, lineSections } from './blocks.js';
import { clusterLines, pendingLines, rollbackLines, rolloutLines, titled } from './digest-parts.js';
import { entryLine } from './status-log-view.js';
import { quoteUserText } from './user-text.js';

export function renderDailyPost(d: DailyDigest): SlackMessage {
  const oncall = d.oncall.map((r) => {
    const who = r.member
      ? `<@${r.member}>`
      : `not covered now${r.resumesAt ? ` (resumes ${slackDate(r.resumesAt)})` : ''}`;
    const shift = r.shiftMember
      ? ` · this shift: <@${r.shiftMember}>${r.shiftEnds ? ` until ${slackDate(r.shiftEnds)}` : ''}`
      : '';
    return `• *${r.rotation.name}*: ${who}${shift}`;
  });
  const open = d.openItems.map(
    (i) => `:white_square: #${i.id} ${quoteUserText(i.body)} — <@${i.author}>`,
  );
  const skipped =
    d.skippedPosts > 0
      ? [
          context(
            `:warning: ${d.skippedPosts} scheduled post(s) were skipped this week while the bot was down.`,
          ),
        ]
      : [];
  return {
    text: `Daily status — ${d.team.name}`,
    blocks: [
      header(`Daily status — ${d.team.name}`),
      context(`${slackDate(d.at, 'date')} · reply in this thread to add to the log`),
      ...lineSections(titled('On call', oncall, 'No rotations.'), 3),
      ...lineSections(
        titled('Clusters', clusterLines(d.clusters), 'No clusters bound to this team.'),
        4,
      ),
      ...lineSections(titled('Rollouts, last 24 h', rolloutLines(d.rollouts)), 3),
      ...lineSections(titled('Rollbacks, last 24 h', rollbackLines(d.rollbacks)), 2),
      ...lineSections(titled('Pending rollback requests', pendingLines(d.pendingRollbacks)), 2),
      divider(),
      ...lineSections(
        titled("Yesterday's log", d.yesterday.map(entryLine), 'Nothing was logged.'),
        6,
      ),
      ...lineSections(titled('Open items', open), 3),
      ...skipped,
    ],
  };
}
