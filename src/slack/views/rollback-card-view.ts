// The /k8s rollback card: what runs now, what the rollback brings back and what changes, with the
// Roll back button (and break-glass for the on-call outside coverage hours).
import type { types } from '@slack/bolt';
import { formatDuration } from '../../cluster/errors.js';
import type { RevisionSummary, TemplateChange } from '../../rollback/engine/index.js';
import type { OfferCardModel } from '../../rollback/service/offers.js';
import { workloadLabel } from '../../rollback/store/index.js';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { context, lineSections, section } from './blocks.js';
import { breakGlassButton, rollbackActions } from './rollback-actions.js';
import { rollbackButton } from './rollback-button.js';
import { quoteUserText } from './user-text.js';

function revisionLine(
  label: string,
  revision: RevisionSummary | undefined,
  number: number,
  now: Date,
) {
  if (!revision) return `*${label}:* revision ${number}`;
  const images = revision.images.map((image) => `\`${image}\``).join(', ') || 'no images';
  const cause = revision.changeCause ? ` · “${quoteUserText(revision.changeCause)}”` : '';
  const age = revision.createdAt
    ? ` · made ${formatDuration(now.getTime() - revision.createdAt.getTime())} ago`
    : '';
  return `*${label}:* revision ${revision.revision} — ${images}${cause}${age}`;
}

/** One line per kind of difference; values of environment variables are never shown. */
export function changeLines(change: TemplateChange): string[] {
  const lines = change.images.map(({ container, from, to }) => {
    if (from === null) return `• container \`${container}\` comes back (\`${to ?? ''}\`)`;
    if (to === null) return `• container \`${container}\` goes away (\`${from}\`)`;
    return `• \`${container}\`: \`${from}\` → \`${to}\``;
  });
  const { added, removed, changed } = change.env;
  const names = (list: string[]) => list.map((name) => `\`${name}\``).join(', ');
  if (added.length) lines.push(`• environment variables added: ${names(added)}`);
  if (removed.length) lines.push(`• environment variables removed: ${names(removed)}`);
  if (changed.length) lines.push(`• environment variables changed: ${names(changed)}`);
  for (const { container, from, to } of change.resources)
    lines.push(`• resources of \`${container}\`: ${from} → ${to}`);
  for (const { container } of change.command)
    lines.push(`• the command or arguments of \`${container}\` change`);
  if (change.other)
    lines.push('• other parts of the pod template change too (volumes, probes, labels…)');
  return lines.length > 0 ? lines : ['• nothing that the card can name'];
}

/** The block id of the card's buttons: a click on a message holding it is a click on the card itself. */
export function rollbackCardBlockId(cardId: string): string {
  return `rollback-card-${cardId}`;
}

export function renderRollbackCard(model: OfferCardModel): SlackMessage {
  const { card, now } = model;
  const where = `*${workloadLabel(card.workload)}* on ${card.workload.cluster}`;
  const to = card.toRevision ?? 0;
  const buttons: types.Button[] = [rollbackButton(card.id, card.summary)];
  if (model.breakGlassOffered)
    buttons.push(breakGlassButton(rollbackActions.breakGlassCard, card.id));
  const blocks: Block[] = [
    section(
      `:rewind: Roll back ${where}?\n` +
        `${revisionLine('Now', model.from, card.fromRevision, now)}\n` +
        `${revisionLine('Back to', model.to, to, now)}`,
    ),
    ...lineSections(['*What changes*', ...changeLines(model.change)], 3),
  ];
  if (card.warning) blocks.push(section(`:warning: ${card.warning}.`));
  blocks.push({ type: 'actions', block_id: rollbackCardBlockId(card.id), elements: buttons });
  blocks.push(
    context(
      `Nothing changes until an allowed person approves. Card c${card.id}, read from the cluster ${slackDate(now)}.`,
    ),
  );
  return { text: `Roll back ${card.summary}?`, blocks, responseType: 'in_channel' };
}
