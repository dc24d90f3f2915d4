// /oncall override, /oncall cancel, /oncall swap: parse the words, call the change service, render.
import { UserFacingError } from '../../src/errors.js';
import type { CoverRequests } from '../../src/oncall/cover-requests.js';
import type { OncallChanges } from '../../src/oncall/oncall-changes.js';
import type { OncallReader } from '../../src/oncall/oncall-reader.js';
import { findRotation } from '../../src/oncall/find-rotation.js';
import { parseUserMention, splitArguments, takeTimeRange } from '../../src/oncall/time-input.js';
import type { Clock } from '../../src/clock.js';
import type { ModalOpener, SlackPoster } from '../../src/slack/message.js';
import {
  renderCancelled,
  renderOverrideCreated,
  renderSwapAsked,
  renderSwapRequest,
} from '../../src/slack/views/oncall-change-views.js';
import type { OncallSubcommand } from '../oncall.js';
import { cancelCover } from './cover.js';
import { openOverrideModal } from './override-modal.js';

const overrideUsage =
  'Usage: `/oncall override <rotation> @user <from> <to> [reason]`, e.g. `/oncall override zurich @bob tomorrow 18:00 fri 09:00 dentist`.';
const swapUsage =
  'Usage: `/oncall swap <rotation> @a <shift-date> @b <shift-date>`, e.g. `/oncall swap zurich @alice 2026-12-07 @bob 2026-12-14`.';

function mentionAt(tokens: string[], index: number, usage: string): string {
  const token = tokens[index];
  const user = token === undefined ? null : parseUserMention(token);
  if (!user) {
    const shown = token === undefined ? 'nothing' : `"${token.slice(0, 40)}"`;
    throw new UserFacingError(`Expected a person (an @mention) but got ${shown}. ${usage}`);
  }
  return user;
}

export function changeSubcommands(deps: {
  reader: OncallReader;
  changes: OncallChanges;
  covers: CoverRequests;
  poster: SlackPoster;
  openModal: ModalOpener;
  clock: Clock;
}): Record<string, OncallSubcommand> {
  return {
    override: async (request, args) => {
      const tokens = splitArguments(args);
      if (tokens.length === 0) return openOverrideModal(deps, request);
      if (tokens.length < 4) {
        throw new UserFacingError(`Some arguments are missing. ${overrideUsage}`);
      }
      const rotationName = tokens[0] ?? '';
      const member = mentionAt(tokens, 1, overrideUsage);
      const context = findRotation(await deps.reader.contexts(request), rotationName);
      const range = takeTimeRange(tokens, 2, {
        timezone: context.rotation.timezone,
        now: deps.clock.now(),
        endOfDay: false,
      });
      const reason = tokens.slice(range.next).join(' ').trim() || undefined;
      const { override, coveringFor } = await deps.changes.override(request, {
        rotation: context.rotation.name,
        member,
        start: range.start,
        end: range.end,
        reason,
      });
      return renderOverrideCreated(override, coveringFor);
    },
    cancel: async (request, args) => {
      const tokens = splitArguments(args);
      if (tokens.length !== 1) {
        throw new UserFacingError(
          'Usage: `/oncall cancel <id>`, e.g. `/oncall cancel o12` (override), `s4` (swap) or `c7` (cover request).',
        );
      }
      const id = tokens[0] ?? '';
      if (/^c\d{1,12}$/i.test(id)) return cancelCover(deps, request.userId, id.slice(1));
      return renderCancelled(await deps.changes.cancel(request, id), request.userId);
    },
    swap: async (request, args) => {
      const tokens = splitArguments(args);
      if (tokens.length !== 5) throw new UserFacingError(`A swap needs five parts. ${swapUsage}`);
      const { swap, counterpart, context } = await deps.changes.proposeSwap(request, {
        rotation: tokens[0] ?? '',
        memberA: mentionAt(tokens, 1, swapUsage),
        dateA: tokens[2] ?? '',
        memberB: mentionAt(tokens, 3, swapUsage),
        dateB: tokens[4] ?? '',
      });
      await deps.poster.post(context.rotation.channel, renderSwapRequest(swap, counterpart));
      return renderSwapAsked(swap, counterpart, context.rotation.channel);
    },
  };
}
