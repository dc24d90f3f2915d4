// Renders /oncall schedule and /oncall mine: coming shifts with overrides and swaps marked.
import type { RotationContext } from '../../oncall/rotation-context.js';
import type { PersonalShift, ScheduledShift } from '../../oncall/upcoming.js';
import { slackDate } from '../date-token.js';
import type { SlackMessage } from '../message.js';
import { context, header, lineSections } from './blocks.js';
import { describeCoverage } from './coverage-text.js';

const mention = (id: string | null) => (id ? `<@${id}>` : 'nobody');

export function renderSchedule(
  rotation: RotationContext,
  shifts: ScheduledShift[],
  weeks: number,
): SlackMessage {
  const lines = shifts.flatMap((shift) => {
    const swapped =
      shift.source === 'swap' ? ` _(swapped; was ${mention(shift.rosterMember)})_` : '';
    const main = `• ${slackDate(shift.start)} → ${slackDate(shift.end)}  ${mention(shift.member)}${swapped}`;
    const overrides = shift.overrides
      .filter((segment) => segment.source === 'override')
      .map(
        (segment) =>
          `   ↳ ${mention(segment.member)} covers ${slackDate(segment.start)} → ${slackDate(segment.end)}` +
          (segment.overrideId ? ` (\`o${segment.overrideId}\`)` : ''),
      );
    return [main, ...overrides];
  });
  const title = `Schedule: ${rotation.rotation.name}, next ${weeks} week${weeks === 1 ? '' : 's'}`;
  return {
    text: title,
    blocks: [
      header(title),
      ...lineSections(lines.length > 0 ? lines : ['No shifts in this range.']),
      context(
        `Covered ${describeCoverage(rotation.rotation)}. Cancel an override with \`/oncall cancel o<id>\`.`,
      ),
    ],
  };
}

export function renderMine(shifts: PersonalShift[]): SlackMessage {
  const lines = shifts.map((shift) => {
    const what =
      shift.kind === 'override'
        ? `covering${shift.coveringFor ? ` for ${mention(shift.coveringFor)}` : ''}`
        : shift.kind === 'swap'
          ? 'swapped shift'
          : 'shift';
    return `• *${shift.rotation}* ${slackDate(shift.start)} → ${slackDate(shift.end)} (${what})`;
  });
  return {
    text: 'Your next shifts',
    blocks: [
      header('Your next shifts'),
      ...lineSections(lines.length > 0 ? lines : ['You have no shifts in the next 12 weeks.']),
    ],
  };
}
