// The metered fetch under a real WebClient against the fake Slack: each HTTP call counted by method and
// outcome (ok, Slack error, 429, HTTP error, no answer), in its own app instance's registry only.
import { createServer } from 'node:net';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppMetrics } from '../../src/metrics/app-metrics.js';
import { meteredFetch } from '../../src/metrics/slack-fetch.js';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';

let slack: FakeSlackApi;
let metrics: AppMetrics;

beforeAll(async () => {
  slack = await FakeSlackApi.start();
});

afterAll(async () => {
  await slack?.close();
});

beforeEach(() => {
  slack.reset();
  metrics = new AppMetrics();
});

function client(slackApiUrl = slack.url, retries = 0): WebClient {
  return new WebClient('xoxb-fetch-test', {
    slackApiUrl,
    fetch: meteredFetch(metrics),
    retryConfig: { retries, minTimeout: 1, maxTimeout: 1 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

async function calls(): Promise<Record<string, number>> {
  const metric = await metrics.registry.getSingleMetric('watchkeeper_slack_api_calls_total')!.get();
  return Object.fromEntries(
    metric.values.map((v) => [`${String(v.labels.method)} ${String(v.labels.outcome)}`, v.value]),
  );
}

const post = { channel: 'C0PLATFORM1', text: 'hello' };

describe('Web API calls through the metered fetch', () => {
  it('counts answered calls as ok and Slack refusals as error, by method', async () => {
    const web = client();
    await web.auth.test();
    await web.chat.postMessage(post);
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(web.chat.postMessage(post)).rejects.toThrow(/channel_not_found/);
    expect(await calls()).toEqual({
      'auth.test ok': 1,
      'chat.postMessage ok': 1,
      'chat.postMessage error': 1,
    });
  });

  it('counts a 429 as rate_limited and an HTTP 500 as http_error, each retry a call of its own', async () => {
    const web = client(slack.url, 1);
    slack.failNext('chat.update', { status: 429, retryAfterSeconds: 1 });
    await expect(web.chat.update({ ...post, ts: '1.2' })).rejects.toThrow(/rate-limit/);
    slack.failNext('chat.postMessage', { status: 500 });
    await web.chat.postMessage(post);
    expect(await calls()).toEqual({
      'chat.update rate_limited': 1,
      'chat.postMessage http_error': 1,
      'chat.postMessage ok': 1,
    });
  });

  it('counts a call nobody answers as network_error', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(client(`http://127.0.0.1:${port}/api/`).auth.test()).rejects.toThrow();
    expect(await calls()).toEqual({ 'auth.test network_error': 1 });
  });

  it('keeps each app instance in its own registry', async () => {
    const other = new AppMetrics();
    await client().auth.test();
    expect(await calls()).toEqual({ 'auth.test ok': 1 });
    const text = await other.registry.metrics();
    expect(text).toContain('# TYPE watchkeeper_slack_api_calls_total counter');
    expect(text).not.toContain('auth.test');
  });
});
