// The rollout notice message: one short message per revision (what, how it goes, Roll back and Silence).
import type { types } from '@slack/bolt';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { context, section } from './blocks.js';
import { changeCauseText, changeSummary, clip, durationText, workloadText } from './notice-text.js';
import { rollbackButton } from './rollback-button.js';
import { escapeText } from '../../cluster-queries/echo.js';
import type {
  NoticeMadeByRollback,
  NoticeSilence,
  NoticeView,
  RolloutFailure,
} from '../../notices/types.js';

export const noticeActions = {
  silence: 'notice_silence',
  unsilence: 'notice_unsilence',
} as const;

export interface NoticeMessageInput {
  /** The notice's id, carried by its buttons. */
  id: string;
  view: NoticeView;
  silence: NoticeSilence | null;
  /** How long the Silence button silences, for its label ("4 h"). */
  silenceLabel: string;
}

export function failureText(failure: RolloutFailure): string {
  const how = failure.message ? `: ${escapeText(clip(failure.message, 300))}` : '';
  const exit =
    failure.exitCode !== undefined && !(failure.message ?? '').includes(`code ${failure.exitCode}`)
      ? ` (exit code ${failure.exitCode})`
      : '';
  const pods = failure.pods > 0 ? ` — ${failure.pods} of the new pods` : '';
  const deadline =
    failure.deadlineExceeded && failure.reason !== 'ProgressDeadlineExceeded'
      ? '; the progress deadline has passed'
      : '';
  return `*${failure.reason}*${how}${exit}${pods}${deadline}`;
}

function headline(view: NoticeView): string {
  const what = workloadText(view);
  const change = `${changeSummary(view)}${changeCauseText(view)}`;
  switch (view.state) {
    case 'progressing':
      return `:rocket: ${what} is rolling out revision ${view.revision} ${change}`;
    case 'complete':
      return `:white_check_mark: ${what} rolled out revision ${view.revision} ${change}`;
    case 'failing':
      return `:red_circle: ${what}: revision ${view.revision} is failing ${change}`;
    case 'superseded':
      return view.supersededBy === null
        ? `:white_circle: ${what}: revision ${view.revision} ${change} — the Deployment was deleted`
        : `:white_circle: ${what}: revision ${view.revision} ${change} was superseded by revision ${view.supersededBy}`;
  }
}

/** Which rollback this revision is, so nobody mistakes it for a deploy or "rolls back" the rollback. */
function madeByLine(madeBy: NoticeMadeByRollback): string {
  const who = madeBy.breakGlass
    ? `break-glass by <@${madeBy.requestedBy}>`
    : `asked by <@${madeBy.requestedBy}>` +
      (madeBy.approvedBy ? `, approved by <@${madeBy.approvedBy}>` : '');
  return `:leftwards_arrow_with_hook: Watchkeeper's rollback r${madeBy.requestId} — ${who}`;
}

function statusLine(view: NoticeView): string {
  const { counts } = view;
  const started = `started ${slackDate(new Date(view.startedAt))}`;
  const ready = `${counts.ready} of ${counts.desired} new pods ready`;
  switch (view.state) {
    case 'progressing':
      return `:hourglass_flowing_sand: ${ready} · ${started}`;
    case 'complete': {
      const took = view.completedAt
        ? ` in ${durationText(Date.parse(view.completedAt) - Date.parse(view.startedAt))}`
        : '';
      const recovered = view.failure ? ` after failing (${view.failure.reason})` : '';
      return `Complete${took}${recovered}: ${counts.ready} of ${counts.desired} pods ready · ${started}`;
    }
    case 'failing':
      return `${ready} · ${started} · what changed, the crash and the log tail are in the thread`;
    case 'superseded':
      return view.failure ? `It was failing (${view.failure.reason}) · ${started}` : started;
  }
}

function buttons(input: NoticeMessageInput): types.Button[] {
  const { id, view, silence } = input;
  const list: types.Button[] = [];
  if (view.rollback && view.state !== 'superseded')
    list.push(rollbackButton(view.rollback.cardId, view.rollback.summary));
  if (view.state === 'superseded') return list;
  list.push(
    silence
      ? {
          type: 'button',
          action_id: noticeActions.unsilence,
          text: { type: 'plain_text', text: 'Unsilence' },
          value: id,
        }
      : {
          type: 'button',
          action_id: noticeActions.silence,
          text: { type: 'plain_text', text: `Silence ${input.silenceLabel}` },
          value: id,
        },
  );
  return list;
}

/** The plain-text fallback: what a phone notification shows. */
function fallback(view: NoticeView): string {
  const where = `${view.namespace}/${view.workload} on ${view.cluster}`;
  if (view.state === 'failing' && view.failure)
    return `${where}: revision ${view.revision} is failing (${view.failure.reason})`;
  if (view.state === 'complete') return `${where} rolled out revision ${view.revision}`;
  if (view.state === 'superseded') return `${where}: revision ${view.revision} is over`;
  return `${where} is rolling out revision ${view.revision}`;
}

export function renderNotice(input: NoticeMessageInput): SlackMessage {
  const { view, silence } = input;
  const blocks: Block[] = [section(headline(view))];
  if (view.madeBy) blocks.push(context(madeByLine(view.madeBy)));
  if (view.state === 'failing' && view.failure) blocks.push(section(failureText(view.failure)));
  blocks.push(context(statusLine(view)));
  if (silence) {
    blocks.push(
      context(
        `:no_bell: Silenced by <@${silence.by}> until ${slackDate(silence.until)}: no new notices for ` +
          `${escapeText(`${view.namespace}/${view.workload}`)} until then`,
      ),
    );
  }
  const elements = buttons(input);
  if (elements.length > 0) blocks.push({ type: 'actions', elements });
  return { text: fallback(view), blocks };
}
