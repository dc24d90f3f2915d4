// Renders /oncall help: every subcommand with an example.
import type { SlackMessage } from '../message.js';
import { context, header, section } from './blocks.js';

const lines = [
  '`/oncall` — who is on duty now in every rotation, who is next and when',
  '`/oncall schedule [rotation] [weeks]` — the coming shifts, overrides and swaps marked',
  '`/oncall mine` — your next shifts',
  '`/oncall override <rotation> @user <from> <to> [reason]` — someone covers a time range, e.g. `/oncall override zurich @bob tomorrow 18:00 fri 09:00 dentist`',
  '`/oncall swap <rotation> @a <shift-date> @b <shift-date>` — trade two whole shifts; the other person confirms',
  '`/oncall cover [rotation] <from> <to> [note]` — ask the team to cover part of your shift; the first to click takes it',
  '`/oncall cancel <id>` — cancel an override (`o12`), a swap (`s4`) or a cover request (`c7`)',
  "`/oncall calendar [rotation]` — a private calendar link (Google, Outlook) with your shifts or a rotation's",
];

export function renderOncallHelp(): SlackMessage {
  return {
    text: 'How to use /oncall',
    blocks: [
      header('How to use /oncall'),
      section(lines.join('\n')),
      context(
        "Times are read in the rotation's time zone: `tomorrow 18:00`, `fri 09:00`, `2026-12-24`, `2026-12-24 09:00`, `+2h`. " +
          "You may change your own shifts; team managers may change anyone's.",
      ),
    ],
  };
}
