// Test helpers around the fake Slack Web API: one per test file, reset between tests, closed at the end.
import { LogLevel, WebClient, type Logger } from '@slack/web-api';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FakeSlackApi, type FakeSlackOptions } from '../../src/sandbox/slack/index.js';

export {
  FakeSlackApi,
  type Fault,
  type FakeSlackOptions,
  type RecordedCall,
  type StoredMessage,
} from '../../src/sandbox/slack/index.js';

/** A bot token the fake accepts by default (any `xoxb-` token is). */
export const testBotToken = 'xoxb-test-watchkeeper';

const silent = () => undefined;

/** A Web API / Bolt logger that prints nothing (the fake's refusals are asserted, not logged). */
export const quietSlackLogger: Logger = {
  debug: silent,
  info: silent,
  warn: silent,
  error: silent,
  setLevel: silent,
  getLevel: () => LogLevel.ERROR,
  setName: silent,
};

/** The real @slack/web-api client pointed at the fake, retrying quickly (`retries` times). */
export function fakeWebClient(fake: FakeSlackApi, retries = 0): WebClient {
  return new WebClient(testBotToken, {
    slackApiUrl: fake.url,
    logger: quietSlackLogger,
    retryConfig: { retries, minTimeout: 10, maxTimeout: 10, factor: 1 },
  });
}

/**
 * Starts a fake Slack for this test file; the returned getter gives it to tests. Calls, messages,
 * views and faults are forgotten after each test; users and channels stay.
 */
export function useFakeSlack(options: FakeSlackOptions = {}): () => FakeSlackApi {
  let fake: FakeSlackApi | undefined;
  beforeAll(async () => {
    fake = await FakeSlackApi.start(options);
  });
  afterEach(() => fake?.reset());
  afterAll(async () => {
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error('The fake Slack is not started yet (use it inside a test)');
    return fake;
  };
}

/** Fails with the list of calls the fake refused (invalid blocks, no_text, …), if there are any. */
export function expectNothingRejected(fake: FakeSlackApi): void {
  const rejected = fake.rejections();
  if (rejected.length === 0) return;
  const lines = rejected.map((call) => {
    const messages = (call.response.response_metadata as { messages?: string[] } | undefined)
      ?.messages;
    return `${call.method}: ${call.error ?? 'error'}${messages ? ` ${messages.join('; ')}` : ''}`;
  });
  throw new Error(`Slack would have refused ${rejected.length} call(s):\n${lines.join('\n')}`);
}
