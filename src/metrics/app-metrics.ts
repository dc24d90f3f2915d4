// One app instance's Prometheus registry and the metrics counted as things happen: Slack requests,
// Web API calls, watch restarts and outbox deliveries (tests boot several apps in one process).
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliveryCounts } from '../scheduler/outbox/index.js';

/** How a Slack request ended: answered, refused with a user-facing sentence, or failed on our side. */
export type RequestOutcome = 'ok' | 'user_error' | 'error';

/** How one HTTP call to the Web API ended (each retry is a call of its own). */
export type SlackApiOutcome = 'ok' | 'error' | 'rate_limited' | 'http_error' | 'network_error';

/** Seconds; Slack wants the ack within 3 s, and answers should come well inside that. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const DELIVERY_OUTCOMES: Record<keyof DeliveryCounts, string> = {
  sent: 'sent',
  retrying: 'retrying',
  dead: 'dead',
  leaseLost: 'lease_lost',
};

export class AppMetrics {
  readonly registry = new Registry();

  private readonly commands = new Histogram({
    name: 'watchkeeper_slack_command_duration_seconds',
    help: 'Slash commands from receipt to reply sent, by command and outcome (ok, user_error, error).',
    labelNames: ['command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly actions = new Histogram({
    name: 'watchkeeper_slack_action_duration_seconds',
    help: 'Button clicks from receipt to the message updated, by action id and outcome (ok, user_error, error).',
    labelNames: ['action_id', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly apiCalls = new Counter({
    name: 'watchkeeper_slack_api_calls_total',
    help: 'HTTP calls to the Slack Web API by method and outcome (ok, error, rate_limited = HTTP 429, http_error, network_error).',
    labelNames: ['method', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly watchRestarts = new Counter({
    name: 'watchkeeper_cluster_watch_restarts_total',
    help: 'Informers restarted (list and watch again) after a list or watch error, by cluster and resource.',
    labelNames: ['cluster', 'resource'] as const,
    registers: [this.registry],
  });

  private readonly deliveries = new Counter({
    name: 'watchkeeper_outbox_deliveries_total',
    help: 'Outbox messages handled by a delivery pass, by outcome (sent, retrying, dead, lease_lost).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    for (const outcome of Object.values(DELIVERY_OUTCOMES)) this.deliveries.inc({ outcome }, 0);
  }

  command(command: string, outcome: RequestOutcome, seconds: number): void {
    this.commands.observe({ command, outcome }, seconds);
  }

  action(actionId: string, outcome: RequestOutcome, seconds: number): void {
    this.actions.observe({ action_id: actionId, outcome }, seconds);
  }

  slackApiCall(method: string, outcome: SlackApiOutcome): void {
    this.apiCalls.inc({ method, outcome });
  }

  /** Makes the restart series of a cluster's resource visible at 0 before its first restart. */
  watchedResource(cluster: string, resource: string): void {
    this.watchRestarts.inc({ cluster, resource }, 0);
  }

  watchRestart(cluster: string, resource: string): void {
    this.watchRestarts.inc({ cluster, resource });
  }

  outboxDelivered(counts: DeliveryCounts): void {
    for (const [key, outcome] of Object.entries(DELIVERY_OUTCOMES)) {
      const count = counts[key as keyof DeliveryCounts];
      if (count > 0) this.deliveries.inc({ outcome }, count);
    }
  }
}
