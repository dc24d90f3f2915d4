// A rollback request's card: who asked, who may approve, and then who did what and when, up to the
// rollout's end. Buttons are shown only while they can still be used.
import { formatDuration } from '../../cluster/errors.js';
import type { RequestCardModel } from '../../rollback/service/request-cards.js';
import { workloadLabel } from '../../rollback/store/index.js';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { context, section } from './blocks.js';
import {
  approveButton,
  breakGlassButton,
  rejectButton,
  rollbackActions,
} from './rollback-actions.js';
import { quoteUserText } from './user-text.js';

const who = (id: string) => `<@${id}>`;

function headline(model: RequestCardModel): string {
  const { request } = model;
  const what = `*${workloadLabel(request.workload)}* to revision ${request.toRevision}`;
  switch (request.state) {
    case 'pending':
      return `:rewind: ${who(request.requestedBy)} asks to roll back ${what}`;
    case 'approved':
    case 'executing':
      return `:hourglass_flowing_sand: Rolling back ${what}…`;
    case 'succeeded':
      return `${rolloutEmoji(model)} Rolled back ${what}`;
    case 'failed':
      return `:x: Rolling back ${what} failed`;
    case 'rejected':
      return `:no_entry_sign: Rollback of ${what} rejected`;
    case 'expired':
      return `:zzz: Rollback request for ${what} expired`;
  }
}

function rolloutEmoji(model: RequestCardModel): string {
  switch (model.rollout?.state) {
    case 'complete':
      return ':white_check_mark:';
    case 'stuck':
    case 'gone':
      return ':warning:';
    default:
      return ':arrows_counterclockwise:';
  }
}

function breakGlassOf(model: RequestCardModel): { by: string; reason: string } | undefined {
  const { request } = model;
  if (request.breakGlass)
    return { by: request.decidedBy ?? request.requestedBy, reason: request.reason ?? '' };
  return model.breakGlass;
}

/** Who did what and when, one line per step so far. */
export function timeline(model: RequestCardModel): string[] {
  const { request, rollout } = model;
  const lines = [`• Requested by ${who(request.requestedBy)} ${slackDate(request.requestedAt)}`];
  const decided = request.decidedAt ? ` ${slackDate(request.decidedAt)}` : '';
  const by = request.decidedBy ? who(request.decidedBy) : 'someone';
  if (request.state === 'rejected') lines.push(`• Rejected by ${by}${decided}`);
  else if (request.state === 'expired')
    lines.push(`• Expired ${slackDate(request.expiresAt)} without an approval`);
  else if (breakGlassOf(model)) lines.push(`• Started without approval by ${by}${decided}`);
  else if (request.decidedBy) lines.push(`• Approved by ${by}${decided}`);
  if (request.state === 'executing') lines.push('• Patching the workload now…');
  if (request.state === 'failed')
    lines.push(
      `• Failed${request.finishedAt ? ` ${slackDate(request.finishedAt)}` : ''}: ${request.result ?? 'no reason was recorded'}`,
    );
  if (request.state === 'succeeded' && request.finishedAt)
    lines.push(`• Patched ${slackDate(request.finishedAt)}`);
  if (rollout) lines.push(rolloutLine(rollout));
  return lines;
}

function rolloutLine(rollout: NonNullable<RequestCardModel['rollout']>): string {
  const detail = rollout.detail ? ` — ${rollout.detail}` : '';
  const took = rollout.finishedAt
    ? formatDuration(rollout.finishedAt.getTime() - rollout.startedAt.getTime())
    : '';
  switch (rollout.state) {
    case 'progressing':
      return `• Rollout progressing${detail}`;
    case 'complete':
      return `• Rollout complete ${slackDate(rollout.finishedAt ?? rollout.startedAt)}, took ${took}${detail}`;
    case 'stuck':
      return `• Rollout stuck${detail}`;
    case 'gone':
      return `• Rollout not followed any more${detail}`;
  }
}

function pendingBlocks(model: RequestCardModel): Block[] {
  const { request, pending } = model;
  if (request.state !== 'pending' || !pending) return [];
  const onCall =
    pending.onCall.length > 0
      ? ` On call now: ${pending.onCall.map(who).join(', ')}.`
      : ' Nobody from the owning team is on duty right now.';
  const elements = [approveButton(request.id, model.summary), rejectButton(request.id)];
  if (pending.breakGlassOffered)
    elements.push(breakGlassButton(rollbackActions.breakGlassRequest, request.id));
  return [
    section(
      `Approval needed from ${pending.approvers}.${onCall}\nExpires ${slackDate(request.expiresAt)}.`,
    ),
    { type: 'actions', block_id: `rollback-request-${request.id}`, elements },
  ];
}

export function renderRequestCard(model: RequestCardModel): SlackMessage {
  const title = headline(model);
  const glass = breakGlassOf(model);
  const blocks: Block[] = [];
  if (glass)
    blocks.push(
      section(
        `:rotating_light: *BREAK-GLASS* — ${who(glass.by)} started this rollback without a second approval (on-call outside coverage hours).\n*Reason:* ${quoteUserText(glass.reason)}`,
      ),
    );
  blocks.push(section(`${title} (r${model.request.id})\n${model.summary}`));
  if (model.warning) blocks.push(context(`:warning: ${model.warning}`));
  blocks.push(...pendingBlocks(model));
  blocks.push(context(timeline(model).join('\n')));
  const text = `${glass ? 'BREAK-GLASS: ' : ''}${title.replace(/\*/g, '')}`;
  return { text, blocks };
}
