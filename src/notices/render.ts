// A notice's message and its digest, the same for the tick job and the Silence button (so neither re-sends the other's).
import { createHash } from 'node:crypto';
import type { SlackMessage } from '../slack/message.js';
import { renderNotice } from '../slack/views/notice-view.js';
import type { NoticeSilence, NoticeView } from './types.js';

export const DEFAULT_SILENCE_MS = 4 * 60 * 60_000;

export function silenceLabel(silenceMs: number): string {
  const minutes = Math.round(silenceMs / 60_000);
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

export function noticeMessage(
  id: string,
  view: NoticeView,
  silence: NoticeSilence | null,
  silenceMs: number,
): { message: SlackMessage; digest: string } {
  const message = renderNotice({ id, view, silence, silenceLabel: silenceLabel(silenceMs) });
  const digest = createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 24);
  return { message, digest };
}
