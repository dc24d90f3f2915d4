// The fetch every Slack Web API client is built with (WebClient's `fetch` option, Bolt's clients too):
// counts each HTTP call by method and outcome — ok, a Slack error, a 429, another HTTP status, no answer.
import type { FetchFunction } from '@slack/web-api';
import type { AppMetrics, SlackApiOutcome } from './app-metrics.js';

const METHOD = /^[a-z]+(\.[A-Za-z]+)+$/;

export function meteredFetch(metrics: AppMetrics, fetchFn = globalThis.fetch): FetchFunction {
  return async (url, init) => {
    const method = methodOf(url);
    let response: Response;
    try {
      response = await fetchFn(url, init as RequestInit);
    } catch (error) {
      metrics.slackApiCall(method, 'network_error');
      throw error;
    }
    metrics.slackApiCall(method, await outcomeOf(response));
    return response;
  };
}

/** `https://slack.com/api/chat.postMessage` → `chat.postMessage`; anything unexpected → `other`. */
function methodOf(url: string | URL): string {
  const path = typeof url === 'string' ? url.split('?')[0]! : url.pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return METHOD.test(last) ? last : 'other';
}

async function outcomeOf(response: Response): Promise<SlackApiOutcome> {
  if (response.status === 429) return 'rate_limited';
  if (response.status !== 200) return 'http_error';
  if (!response.headers.get('content-type')?.includes('json')) return 'ok';
  try {
    const body = (await response.clone().json()) as { ok?: unknown };
    return body.ok === false ? 'error' : 'ok';
  } catch {
    return 'http_error';
  }
}
