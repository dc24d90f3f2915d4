// A Slack Web API client for work done before the Bolt app listens (resolving people at start).
import { WebClient } from '@slack/web-api';

export function createWebClient(
  token: string,
  slackApiUrl: string | undefined,
  retries = 2,
): WebClient {
  return new WebClient(token, { slackApiUrl, retryConfig: { retries } });
}
