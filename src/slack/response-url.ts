// Posts a reply to a Slack response_url (works in any channel, even ones the bot has not joined).
import type { SlackMessage } from './message.js';

export async function postToResponseUrl(
  responseUrl: string,
  message: SlackMessage,
  options: { replaceOriginal?: boolean } = {},
): Promise<void> {
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      response_type: message.responseType ?? 'ephemeral',
      replace_original: options.replaceOriginal ?? false,
      text: message.text,
      blocks: message.blocks,
    }),
  });
  if (!response.ok) {
    throw new Error(`Slack refused the reply to response_url: HTTP ${response.status}`);
  }
}
