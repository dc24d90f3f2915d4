// Cover request cards: the offer with its "I'll cover" button, and what it became.
import type { CoverRequest, StoredOverride } from '../../oncall/store/index.js';
import { slackDate } from '../date-token.js';
import type { SlackMessage } from '../message.js';
import { context, section } from './blocks.js';

export const coverActions = { take: 'oncall_cover_take' } as const;

const mention = (id: string) => `<@${id}>`;
const window = (r: CoverRequest) => `${slackDate(r.start)} → ${slackDate(r.end)}`;
const note = (r: CoverRequest) => (r.note ? `\n> ${r.note}` : '');

export function renderCoverOffer(request: CoverRequest): SlackMessage {
  return {
    text: `${mention(request.requester)} needs cover for ${request.rotation}`,
    blocks: [
      section(
        `:raising_hand: ${mention(request.requester)} needs cover for *${request.rotation}*: ${window(request)}${note(request)}`,
      ),
      {
        type: 'actions',
        block_id: `cover-${request.id}`,
        elements: [
          {
            type: 'button',
            action_id: coverActions.take,
            style: 'primary',
            text: { type: 'plain_text', text: "I'll cover" },
            value: request.id,
            confirm: {
              title: { type: 'plain_text', text: 'Take this shift?' },
              text: {
                type: 'mrkdwn',
                text: `You will be on call for *${request.rotation}* ${window(request)}.`,
              },
              confirm: { type: 'plain_text', text: "Yes, I'll cover" },
              deny: { type: 'plain_text', text: 'Cancel' },
            },
          },
        ],
      },
      context(
        `Cover request \`c${request.id}\` · the first to click takes it · ${mention(request.requester)} can cancel with \`/oncall cancel c${request.id}\``,
      ),
    ],
  };
}

export function renderCoverTaken(request: CoverRequest, override: StoredOverride): SlackMessage {
  return {
    text: `${mention(override.member)} covers for ${mention(request.requester)}`,
    blocks: [
      section(
        `:white_check_mark: ${mention(override.member)} covers *${request.rotation}* for ${mention(request.requester)}: ${window(request)}${note(request)}`,
      ),
      context(
        `Cover request \`c${request.id}\` taken ${slackDate(request.closedAt ?? override.createdAt)} · override \`o${override.id}\``,
      ),
    ],
  };
}

export function renderCoverClosed(request: CoverRequest): SlackMessage {
  const why =
    request.status === 'expired'
      ? 'expired — nobody took it before it started'
      : `cancelled by ${mention(request.cancelledBy ?? request.requester)}`;
  return {
    text: `Cover request c${request.id} ${request.status}`,
    blocks: [
      section(
        `~${mention(request.requester)} needs cover for *${request.rotation}*: ${window(request)}~\nCover request \`c${request.id}\` ${why}.`,
      ),
    ],
  };
}

export function renderCoverAsked(request: CoverRequest, channel: string): SlackMessage {
  return {
    text: 'Cover requested',
    blocks: [
      section(
        `Asked in <#${channel}> for someone to cover ${window(request)} (\`c${request.id}\`). You'll hear when someone takes it.`,
      ),
    ],
  };
}

export function renderCoverTakenForRequester(request: CoverRequest, taker: string): SlackMessage {
  return {
    text: `${mention(taker)} covers your shift`,
    blocks: [
      section(`${mention(taker)} will cover your *${request.rotation}* shift ${window(request)}.`),
    ],
  };
}

export function renderCoverReminder(request: CoverRequest, label: string): SlackMessage {
  return {
    text: 'Still looking for cover',
    blocks: [
      section(
        `:hourglass: Still looking for someone to cover ${mention(request.requester)} on *${request.rotation}* — it starts in ${label}.`,
      ),
    ],
  };
}

export function renderTooLate(takenBy: string): SlackMessage {
  return {
    text: 'Already taken',
    blocks: [section(`Too late — ${mention(takenBy)} already took this shift. Thanks anyway!`)],
  };
}
