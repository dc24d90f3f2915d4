// Messages about changes to rotations: an override made, something cancelled, a swap asked and answered.
import type { Cancelled } from '../../oncall/oncall-changes.js';
import type { StoredOverride, StoredSwap } from '../../oncall/store/index.js';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { context, section } from './blocks.js';

const mention = (id: string) => `<@${id}>`;

export const swapActions = {
  confirm: 'oncall_swap_confirm',
  decline: 'oncall_swap_decline',
} as const;

export function renderOverrideCreated(
  override: StoredOverride,
  coveringFor: string | null,
): SlackMessage {
  const covering = coveringFor ? ` (covering for ${mention(coveringFor)})` : '';
  const reason = override.reason ? ` — _${override.reason}_` : '';
  const text =
    `${mention(override.createdBy)} put ${mention(override.member)} on call for *${override.rotation}* ` +
    `from ${slackDate(override.start)} to ${slackDate(override.end)}${covering}${reason}.`;
  return {
    text: `Override o${override.id} on ${override.rotation}`,
    responseType: 'in_channel',
    blocks: [
      section(text),
      context(`Override \`o${override.id}\` · cancel with \`/oncall cancel o${override.id}\``),
    ],
  };
}

export function renderCancelled(cancelled: Cancelled, by: string): SlackMessage {
  const text =
    cancelled.kind === 'override'
      ? `${mention(by)} cancelled override \`o${cancelled.override.id}\` (${mention(cancelled.override.member)} on *${cancelled.override.rotation}* ` +
        `${slackDate(cancelled.override.start)} → ${slackDate(cancelled.override.end)}).`
      : `${mention(by)} cancelled swap \`s${cancelled.swap.id}\` on *${cancelled.swap.rotation}*; both shifts are back with their owners.`;
  return { text: 'Cancelled', responseType: 'in_channel', blocks: [section(text)] };
}

function swapSummary(swap: StoredSwap): string {
  return (
    `${mention(swap.memberA)} takes the *${swap.rotation}* shift from ${slackDate(swap.shiftB)} ` +
    `and ${mention(swap.memberB)} takes the one from ${slackDate(swap.shiftA)}`
  );
}

export function renderSwapRequest(swap: StoredSwap, counterpart: string): SlackMessage {
  const blocks: Block[] = [
    section(
      `${mention(swap.requestedBy)} asks to swap shifts: ${swapSummary(swap)}.\n${mention(counterpart)}, do you agree?`,
    ),
    {
      type: 'actions',
      block_id: `swap-${swap.id}`,
      elements: [
        {
          type: 'button',
          action_id: swapActions.confirm,
          style: 'primary',
          text: { type: 'plain_text', text: 'Confirm swap' },
          value: swap.id,
        },
        {
          type: 'button',
          action_id: swapActions.decline,
          text: { type: 'plain_text', text: 'Decline' },
          value: swap.id,
        },
      ],
    },
    context(
      `Swap \`s${swap.id}\` · only ${mention(counterpart)} can answer · cancel with \`/oncall cancel s${swap.id}\``,
    ),
  ];
  return { text: `Swap request s${swap.id} for ${mention(counterpart)}`, blocks };
}

export function renderSwapDecided(swap: StoredSwap): SlackMessage {
  const who = swap.decidedBy ? mention(swap.decidedBy) : 'Someone';
  const when = swap.decidedAt ? ` at ${slackDate(swap.decidedAt)}` : '';
  const text =
    swap.status === 'confirmed'
      ? `:white_check_mark: Swap \`s${swap.id}\` confirmed by ${who}${when}: ${swapSummary(swap)}.`
      : `:no_entry_sign: Swap \`s${swap.id}\` declined by ${who}${when}; the shifts stay as they were.`;
  return { text: `Swap s${swap.id} ${swap.status}`, blocks: [section(text)] };
}

export function renderSwapAsked(
  swap: StoredSwap,
  counterpart: string,
  channel: string,
): SlackMessage {
  return {
    text: 'Swap requested',
    blocks: [
      section(
        `Asked ${mention(counterpart)} in <#${channel}> to confirm swap \`s${swap.id}\`. It counts once they confirm.`,
      ),
    ],
  };
}
