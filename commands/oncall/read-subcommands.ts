// /oncall, /oncall schedule [rotation] [weeks], /oncall mine, /oncall help: parse, ask the reader, render.
import { z } from 'zod';
import { UserFacingError } from '../../src/errors.js';
import type { OncallReader } from '../../src/oncall/oncall-reader.js';
import type { SlackMessage } from '../../src/slack/message.js';
import { renderOncallHelp } from '../../src/slack/views/oncall-help-view.js';
import { renderOncallNow } from '../../src/slack/views/oncall-now-view.js';
import { renderMine, renderSchedule } from '../../src/slack/views/oncall-schedule-view.js';
import type { OncallSubcommand } from '../oncall.js';

const weeksSchema = z.coerce.number().int().min(1).max(26);

function parseScheduleArgs(args: string): { rotation?: string; weeks: number } {
  const words = args.split(/\s+/).filter(Boolean);
  if (words.length > 2) {
    throw new UserFacingError(
      'Usage: `/oncall schedule [rotation] [weeks]`, e.g. `/oncall schedule zurich 4`.',
    );
  }
  const numeric = words.find((word) => /^\d+$/.test(word));
  const rotation = words.find((word) => word !== numeric);
  const weeks =
    numeric === undefined ? { success: true as const, data: 4 } : weeksSchema.safeParse(numeric);
  if (!weeks.success) {
    throw new UserFacingError(`"${numeric}" weeks is not something I can show: use 1 to 26 weeks.`);
  }
  return { rotation, weeks: weeks.data };
}

function noArguments(name: string, args: string): void {
  if (args.trim() !== '') {
    throw new UserFacingError(`\`/oncall ${name}\` takes no arguments. See \`/oncall help\`.`);
  }
}

export function readSubcommands(reader: OncallReader): Record<string, OncallSubcommand> {
  return {
    '': async (request) => renderOncallNow(await reader.now(request)),
    schedule: async (request, args) => {
      const { rotation, weeks } = parseScheduleArgs(args);
      const schedules = await reader.schedule(request, rotation, weeks);
      const messages = schedules.map((s) => renderSchedule(s.rotation, s.shifts, weeks));
      return mergeMessages(messages);
    },
    mine: async (request, args) => {
      noArguments('mine', args);
      return renderMine(await reader.mine(request));
    },
    help: async () => renderOncallHelp(),
  };
}

function mergeMessages(messages: SlackMessage[]): SlackMessage {
  const blocks = messages.flatMap((m) => m.blocks);
  const kept = blocks.slice(0, 49);
  if (blocks.length > kept.length) {
    kept.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'More rotations than fit: name one, e.g. `/oncall schedule zurich`.',
        },
      ],
    });
  }
  return { text: messages.map((m) => m.text).join('; '), blocks: kept };
}
