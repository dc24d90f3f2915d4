// The Silence and Unsilence buttons of a rollout notice: they carry only the notice id; the workload, the
// channel and the silence are read and written on the server, and the notice is re-rendered in place.
import type { Clock } from '../clock.js';
import {
  plainMessage,
  type ActionModule,
  type ActionRequest,
  type ActionResult,
} from '../slack/message.js';
import { noticeActions } from '../slack/views/notice-view.js';
import { noticeMessage } from './render.js';
import type { NoticeStore, StoredNotice } from './store.js';
import type { NoticeSilence } from './types.js';

export interface SilenceDeps {
  store: NoticeStore;
  clock: Clock;
  silenceMs: number;
}

function refusal(text: string): ActionResult {
  return { ephemeral: plainMessage(text) };
}

/** The notice a click is about, if it exists and the click came from the channel it was posted in. */
async function clickedNotice(
  store: NoticeStore,
  request: ActionRequest,
): Promise<StoredNotice | string> {
  const notice = await store.byId(request.value);
  if (!notice) return 'This rollout notice no longer exists.';
  if (request.channelId !== notice.channel)
    return 'This button belongs to a notice in another channel.';
  return notice;
}

async function rerendered(
  deps: SilenceDeps,
  notice: StoredNotice,
  silence: NoticeSilence | null,
): Promise<ActionResult> {
  const { message, digest } = noticeMessage(notice.id, notice.view, silence, deps.silenceMs);
  await deps.store.swapRendered(
    notice.id,
    notice.digest,
    { view: notice.view, digest },
    deps.clock.now(),
  );
  return { replaceOriginal: message };
}

export function noticeActionModules(deps: SilenceDeps): ActionModule[] {
  const silence: ActionModule = {
    actionId: noticeActions.silence,
    async run(request) {
      const notice = await clickedNotice(deps.store, request);
      if (typeof notice === 'string') return refusal(notice);
      const now = deps.clock.now();
      const { cluster, namespace, workload } = notice.key;
      const until = new Date(now.getTime() + deps.silenceMs);
      const silenced: NoticeSilence = { cluster, namespace, workload, until, by: request.userId };
      await deps.store.silence(silenced, now);
      return rerendered(deps, notice, silenced);
    },
  };
  const unsilence: ActionModule = {
    actionId: noticeActions.unsilence,
    async run(request) {
      const notice = await clickedNotice(deps.store, request);
      if (typeof notice === 'string') return refusal(notice);
      await deps.store.unsilence(notice.key);
      return rerendered(deps, notice, null);
    },
  };
  return [silence, unsilence];
}
