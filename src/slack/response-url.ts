// Posts a reply to a Slack response_url (works in any channel, even ones the bot has not joined).
// Plain node:http(s) with keep-alive rather than fetch: every slash command ends here, and under load
// undici's streams cost more CPU than the rest of the answer (bench/ack-latency.ts).
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SlackMessage } from './message.js';

const TIMEOUT_MS = 10_000;
const agents = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true }),
};

export async function postToResponseUrl(
  responseUrl: string,
  message: SlackMessage,
  options: { replaceOriginal?: boolean } = {},
): Promise<void> {
  const body = JSON.stringify({
    response_type: message.responseType ?? 'ephemeral',
    replace_original: options.replaceOriginal ?? false,
    text: message.text,
    blocks: message.blocks,
  });
  const status = await post(new URL(responseUrl), body);
  if (status < 200 || status >= 300) {
    throw new Error(`Slack refused the reply to response_url: HTTP ${status}`);
  }
}

function post(url: URL, body: string): Promise<number> {
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:') {
    return Promise.reject(new Error(`response_url is not an http(s) URL: ${url.protocol}`));
  }
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        agent: agents[secure ? 'https:' : 'http:'],
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('Slack did not answer the response_url post')));
    req.once('error', reject);
    req.end(body);
  });
}
