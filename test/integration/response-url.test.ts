// Replies through response_url: the JSON Slack expects arrives, and a refusal is an error, not silence.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../src/slack/message.js';
import { postToResponseUrl } from '../../src/slack/response-url.js';

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function endpoint(status: number, received: unknown[]): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ type: req.headers['content-type'], body: JSON.parse(body) as unknown });
      res.writeHead(status).end(status === 200 ? 'ok' : 'no_text');
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/commands/T1/123/abc`;
}

describe('postToResponseUrl', () => {
  it('posts the reply as JSON, ephemeral unless the message says otherwise', async () => {
    const received: unknown[] = [];
    const url = await endpoint(200, received);
    const blocks: SlackMessage['blocks'] = [
      { type: 'section', text: { type: 'mrkdwn', text: 'hi' } },
    ];
    await postToResponseUrl(url, { text: 'hi', blocks });
    await postToResponseUrl(
      url,
      { text: 'all', blocks: [], responseType: 'in_channel' },
      { replaceOriginal: true },
    );
    expect(received).toEqual([
      {
        type: 'application/json',
        body: { response_type: 'ephemeral', replace_original: false, text: 'hi', blocks },
      },
      {
        type: 'application/json',
        body: { response_type: 'in_channel', replace_original: true, text: 'all', blocks: [] },
      },
    ]);
  });

  it('fails with the HTTP status when Slack refuses the reply', async () => {
    const url = await endpoint(404, []);
    await expect(postToResponseUrl(url, { text: 'late', blocks: [] })).rejects.toThrow(
      'Slack refused the reply to response_url: HTTP 404',
    );
  });

  it('refuses a response_url that is not http(s)', async () => {
    await expect(
      postToResponseUrl('file:///etc/passwd', { text: 'x', blocks: [] }),
    ).rejects.toThrow('not an http(s) URL');
  });
});
