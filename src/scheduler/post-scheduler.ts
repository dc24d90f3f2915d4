// The scheduled-posts job, a thin shell: load the rotations, plan the due posts (pure), claim them,
// render and enqueue each claimed one, then deliver the outbox.
import type pg from 'pg';
import { durationMs } from '../config/durations.js';
import type { AppConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { RotationContext } from '../oncall/rotation-context.js';
import type { SlackMessage } from '../slack/message.js';
import {
  claimDue,
  enqueuePost,
  recordRenderFailure,
  skipClaimed,
  type ClaimedPost,
} from './claims.js';
import {
  DEFAULT_REMINDER_MS,
  NOTE_REQUEST_LEAD_MS,
  planDueEvents,
  type DueEvent,
} from './due-events.js';
import {
  deliverDue,
  type DeliveryCounts,
  type OutboxSender,
  type RetryPolicy,
} from './outbox/index.js';
import type { TickJob } from './ticker.js';

const DAY_MS = 86_400_000;

export interface PostSchedulerOptions {
  pool: pg.Pool;
  config: Pick<AppConfig, 'teams'>;
  /** The rotations with their overrides, swaps and rosters for a window (loadRotationContexts). */
  contexts: (window: { from: Date; to: Date }) => Promise<RotationContext[]>;
  /** The message for a due post, or null when there is nothing to say (recorded as skipped). */
  render: (event: DueEvent, now: Date) => Promise<SlackMessage | null>;
  sender: OutboxSender;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How late a missed post may still be sent (scheduler.grace). */
  graceMs: number;
  retryPolicy?: RetryPolicy;
}

export interface TickReport {
  claimed: number;
  enqueued: number;
  skipped: number;
  failed: number;
  delivery: DeliveryCounts;
}

export class PostScheduler {
  /** How far ahead of a post the rotations must be known: the longest reminder or note lead. */
  private readonly leadMs: number;

  constructor(private readonly options: PostSchedulerOptions) {
    const leads = options.config.teams.flatMap((team) =>
      team.rotations.map((rotation) =>
        rotation.reminder ? durationMs(rotation.reminder) : DEFAULT_REMINDER_MS,
      ),
    );
    this.leadMs = Math.max(NOTE_REQUEST_LEAD_MS, ...leads);
  }

  tickJob(): TickJob {
    return { name: 'scheduled-posts', run: async (now) => void (await this.tick(now)) };
  }

  /** One pass at `now`: posts due in [now − grace − 1 day, now] are claimed, sent or recorded. */
  async tick(now: Date): Promise<TickReport> {
    const { pool, config, logger, graceMs } = this.options;
    const from = new Date(now.getTime() - graceMs - DAY_MS);
    const to = new Date(now.getTime() + 1);
    const contexts = await this.options.contexts({
      from,
      to: new Date(to.getTime() + this.leadMs),
    });
    const plan = planDueEvents(config, contexts, from, to);
    for (const { rotation, error } of plan.failures) {
      logger.error({ err: error, rotation }, 'cannot plan the posts of a rotation');
    }
    const claims = await claimDue(pool, plan.events, now, graceMs);
    for (const event of claims.skipped) {
      logger.warn(
        { key: event.key },
        'a post was missed while the bot was down; recorded as skipped',
      );
    }
    for (const event of claims.failed) {
      logger.error({ key: event.key }, 'gave up on a post that could not be rendered');
    }
    let enqueued = 0;
    for (const claim of claims.claimed) {
      if (await this.renderAndEnqueue(claim, now)) enqueued++;
    }
    const delivery = await deliverDue(pool, this.options.sender, now, {
      logger,
      ...(this.options.retryPolicy ? { policy: this.options.retryPolicy } : {}),
    });
    return {
      claimed: claims.claimed.length,
      enqueued,
      skipped: claims.skipped.length,
      failed: claims.failed.length,
      delivery,
    };
  }

  private async renderAndEnqueue(claim: ClaimedPost, now: Date): Promise<boolean> {
    const { pool, logger } = this.options;
    let message: SlackMessage | null;
    try {
      message = await this.options.render(claim.event, now);
    } catch (error) {
      logger.error({ err: error, key: claim.event.key }, 'rendering a post failed; will try again');
      await recordRenderFailure(
        pool,
        claim,
        error instanceof Error ? error.message : String(error),
      );
      return false;
    }
    if (message === null) {
      await skipClaimed(pool, claim);
      return false;
    }
    const enqueued = await enqueuePost(pool, claim, message, now);
    if (!enqueued) logger.warn({ key: claim.event.key }, 'another replica took this post over');
    return enqueued;
  }
}
