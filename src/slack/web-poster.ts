// The bot's own posts and updates through the Slack Web API (SLACK_API_URL applies).
import type { WebClient } from '@slack/web-api';
import type { ModalOpener, SlackMessage, SlackPoster } from './message.js';

export function webPoster(client: WebClient): SlackPoster {
  return {
    async post(channel, message, options = {}) {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        thread_ts: options.threadTs,
        unfurl_links: false,
      });
      return { ts: String(result.ts) };
    },
    async update(channel, ts, message: SlackMessage) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    },
  };
}

export function modalOpener(client: WebClient): ModalOpener {
  return async (triggerId, view) => {
    await client.views.open({ trigger_id: triggerId, view });
  };
}
