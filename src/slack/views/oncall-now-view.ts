// Renders the /oncall answer: on duty now per rotation, who is next and when, who is on duty anywhere.
import type { OncallNow, RotationNow } from '../../oncall/oncall-now.js';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { describeCoverage } from './coverage-text.js';

const mention = (userId: string) => `<@${userId}>`;

export function renderOncallNow(model: OncallNow): SlackMessage {
  const onDuty = model.rotations.filter((r) => r.member !== null);
  const anywhere =
    onDuty.length > 0
      ? `On duty right now: ${onDuty.map((r) => `${mention(r.member!)} (${r.rotation.name})`).join(', ')}`
      : 'Nobody is on duty right now in these rotations.';
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'On call now' } },
    { type: 'section', text: { type: 'mrkdwn', text: anywhere } },
    { type: 'divider' },
    ...model.rotations.slice(0, 40).map(rotationBlock),
  ];
  if (model.rotations.length > 40) {
    blocks.push(contextLine(`…and ${model.rotations.length - 40} more rotations not shown.`));
  }
  blocks.push(contextLine(`As of ${slackDate(model.at)}. \`/oncall help\` for more.`));
  return { text: anywhere, blocks };
}

function rotationBlock(r: RotationNow): Block {
  const title = `*${r.rotation.name}* · ${r.team}`;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `${title}\n${dutyLine(r)}\n${nextLine(r)}` },
  };
}

function dutyLine(r: RotationNow): string {
  if (r.startsAt) return `Rotation starts ${slackDate(r.startsAt)}.`;
  if (r.member === null) {
    const resumes = r.resumesAt ? `; resumes ${slackDate(r.resumesAt)}` : '';
    const shiftOf = r.shiftMember ? ` (it is ${mention(r.shiftMember)}'s shift)` : '';
    if (r.holiday) return `Closed today (holiday)${resumes}${shiftOf}.`;
    return `Not covered now — covered ${describeCoverage(r.rotation)}${resumes}${shiftOf}.`;
  }
  if (r.source === 'override' && r.coveringFor && r.overrideEnds) {
    return `${mention(r.member)} on duty (covering for ${mention(r.coveringFor)} until ${slackDate(r.overrideEnds)})`;
  }
  const until = r.shiftEnds ? ` until ${slackDate(r.shiftEnds)}` : '';
  const swapped = r.source === 'swap' ? ' (swapped shift)' : '';
  return `${mention(r.member)} on duty${until}${swapped}`;
}

function nextLine(r: RotationNow): string {
  if (!r.next) return 'Next: nobody scheduled.';
  return `Next: ${mention(r.next.member)} from ${slackDate(r.next.from)}`;
}

function contextLine(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
