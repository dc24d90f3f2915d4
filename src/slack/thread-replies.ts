// Replies in a daily status post's thread become log entries (Events API `message` events).
import type { App } from '@slack/bolt';
import type { StatusLog } from '../statuslog/status-log.js';

export function registerThreadReplies(app: App, log: StatusLog): void {
  app.event('message', async ({ event }) => {
    if (event.subtype !== undefined || !('thread_ts' in event) || !event.thread_ts) return;
    if (!('user' in event) || !event.user || event.thread_ts === event.ts) return;
    await log.addFromThread({
      channel: event.channel,
      threadTs: event.thread_ts,
      ts: event.ts,
      user: event.user,
      text: 'text' in event && typeof event.text === 'string' ? event.text : '',
    });
  });
}
