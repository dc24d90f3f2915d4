// Slack Web API clients outside Bolt: for resolving people at start, and for the outbox (no retries of
// its own, rate limits reported instead of waited out, so the outbox schedules the retry).
import { WebClient, type WebClientOptions } from '@slack/web-api';

export function createWebClient(
  token: string,
  slackApiUrl: string | undefined,
  retries = 2,
  options: WebClientOptions = {},
): WebClient {
  return new WebClient(token, { ...options, slackApiUrl, retryConfig: { retries } });
}
