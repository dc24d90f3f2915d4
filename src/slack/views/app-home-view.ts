// The App Home tab: your next shifts and who is on call now in your teams.
import type { OncallNow } from '../../oncall/oncall-now.js';
import type { PersonalShift } from '../../oncall/upcoming.js';
import { slackDate } from '../date-token.js';
import type { Block } from '../message.js';
import { context, divider, header, lineSections, section } from './blocks.js';

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

const mention = (id: string | null) => (id ? `<@${id}>` : '_nobody_');

export function renderAppHome(
  input: { now: OncallNow; mine: PersonalShift[] } | { notice: string },
): HomeView {
  if ('notice' in input) {
    return { type: 'home', blocks: [header('Watchkeeper'), section(input.notice)] };
  }
  const shifts = input.mine
    .slice(0, 10)
    .map(
      (s) =>
        `• *${s.rotation}* ${slackDate(s.start)} → ${slackDate(s.end)}${s.kind === 'override' ? ' (covering)' : ''}`,
    );
  const onCall = input.now.rotations.map((r) => {
    const who = r.member
      ? mention(r.member)
      : `not covered now${r.resumesAt ? `, resumes ${slackDate(r.resumesAt)}` : ''}`;
    return `• *${r.rotation.name}* (${r.team}): ${who}`;
  });
  return {
    type: 'home',
    blocks: [
      header('Your next shifts'),
      ...lineSections(shifts.length > 0 ? shifts : ['No shifts in the next 12 weeks.'], 10),
      divider(),
      header('On call now'),
      ...lineSections(onCall.length > 0 ? onCall : ['Your teams have no rotations yet.'], 20),
      context(`Updated ${slackDate(input.now.at)}. \`/oncall help\` for everything else.`),
    ],
  };
}
