// /oncall cover [rotation] <from> <to> [note], its "I'll cover" button, and cancelling with /oncall cancel c<id>.
import type { Clock } from '../../src/clock.js';
import { UserFacingError } from '../../src/errors.js';
import type { CoverRequests } from '../../src/oncall/cover-requests.js';
import type { OncallReader } from '../../src/oncall/oncall-reader.js';
import { splitArguments, takeTimeRange } from '../../src/oncall/time-input.js';
import type { ActionModule, SlackPoster } from '../../src/slack/message.js';
import {
  coverActions,
  renderCoverAsked,
  renderCoverClosed,
  renderCoverOffer,
  renderCoverTaken,
  renderCoverTakenForRequester,
  renderTooLate,
} from '../../src/slack/views/cover-request-views.js';
import type { OncallSubcommand } from '../oncall.js';

const usage =
  'Usage: `/oncall cover [rotation] <from> <to> [note]`, e.g. `/oncall cover fri 13:00 fri 18:00 school play`.';

interface CoverDeps {
  reader: OncallReader;
  covers: CoverRequests;
  poster: SlackPoster;
  clock: Clock;
}

export function coverSubcommand(deps: CoverDeps): OncallSubcommand {
  return async (request, args) => {
    const tokens = splitArguments(args);
    if (tokens.length < 2) throw new UserFacingError(`Say from when to when. ${usage}`);
    const contexts = await deps.reader.contexts(request);
    const named = contexts.find((c) => c.rotation.name === tokens[0]?.toLowerCase());
    const context = deps.covers.chooseRotation(contexts, request.userId, named);
    const range = takeTimeRange(tokens, named ? 1 : 0, {
      timezone: context.rotation.timezone,
      now: deps.clock.now(),
    });
    const note = tokens.slice(range.next).join(' ').trim() || undefined;
    const cover = await deps.covers.ask(request, {
      context,
      start: range.start,
      end: range.end,
      note,
    });
    const posted = await deps.poster.post(context.rotation.channel, renderCoverOffer(cover));
    await deps.covers.attachMessage(cover.id, context.rotation.channel, posted.ts);
    return renderCoverAsked(cover, context.rotation.channel);
  };
}

export function coverActionModules(deps: CoverDeps): ActionModule[] {
  return [
    {
      actionId: coverActions.take,
      async run(click) {
        const result = await deps.covers.take(click.userId, click.value);
        if (result.outcome === 'already-taken') return { ephemeral: renderTooLate(result.takenBy) };
        if (result.outcome === 'closed')
          return { replaceOriginal: renderCoverClosed(result.request) };
        await deps.poster.post(
          result.request.requester,
          renderCoverTakenForRequester(result.request, click.userId),
        );
        return { replaceOriginal: renderCoverTaken(result.request, result.override) };
      },
    },
  ];
}

/** `/oncall cancel c<id>`: the requester withdraws; the card says so. */
export async function cancelCover(deps: CoverDeps, userId: string, id: string) {
  const cancelled = await deps.covers.cancel(userId, id);
  if (cancelled.message) {
    await deps.poster.update(
      cancelled.message.channel,
      cancelled.message.ts,
      renderCoverClosed(cancelled),
    );
  }
  return renderCoverClosed(cancelled);
}
