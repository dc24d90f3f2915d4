// The Slack message that shows a rollback request: built from the request's current state every time,
// so whichever step (click, expiry, execution, rollout) rewrites it, it says who did what and when.
import type { RollbackPolicy } from '../../config/schema.js';
import type { Logger } from '../../log.js';
import type { SlackMessage, SlackPoster } from '../../slack/message.js';
import { renderRequestCard } from '../../slack/views/rollback-request-view.js';
import type { RollbackCards } from '../cards.js';
import { whoMayApprove } from '../policy.js';
import type { RollbackRequest, RollbackStore } from '../store/index.js';
import { gatherContext, type PolicyContextDeps } from './policy-context.js';
import type { RolloutRecord, RunStore } from './runs.js';

/** Everything a request's card shows. */
export interface RequestCardModel {
  request: RollbackRequest;
  summary: string;
  warning?: string;
  /** While pending: who may approve, who is on call for the owning team, and whether break-glass is offered. */
  pending?: { approvers: string; onCall: readonly string[]; breakGlassOffered: boolean };
  /** Break-glass given on the pending card (requests made as break-glass carry it themselves). */
  breakGlass?: { by: string; reason: string };
  rollout?: RolloutRecord;
}

export interface RequestCardsDeps {
  store: RollbackStore;
  runs: RunStore;
  cards: RollbackCards;
  poster: SlackPoster;
  people: PolicyContextDeps;
  policy: RollbackPolicy;
  logger: Logger;
}

export class RequestCards {
  /** Per request, the rewrite in flight: rewrites of one card go out in order from this process. */
  private readonly queue = new Map<string, Promise<void>>();

  constructor(private readonly deps: RequestCardsDeps) {}

  async model(request: RollbackRequest): Promise<RequestCardModel> {
    const run = await this.deps.runs.get(request.id);
    const card = run ? await this.deps.cards.get(run.cardId) : null;
    const model: RequestCardModel = {
      request,
      summary: card?.summary ?? `${request.workload.namespace}/${request.workload.name}`,
      ...(card?.warning ? { warning: card.warning } : {}),
      ...(run?.breakGlass ? { breakGlass: run.breakGlass } : {}),
      ...(run?.rollout ? { rollout: run.rollout } : {}),
    };
    if (request.state === 'pending') {
      const { ctx } = await gatherContext(this.deps.people, request.workload);
      const { breakGlass } = this.deps.policy;
      model.pending = {
        approvers: whoMayApprove(this.deps.policy, ctx, [request.requestedBy]),
        onCall: ctx.onCallNow,
        breakGlassOffered: breakGlass.onCallOutsideCoverage && ctx.onCallOutsideCoverage.length > 0,
      };
    }
    return model;
  }

  async render(requestId: string): Promise<SlackMessage | null> {
    const request = await this.deps.store.get(requestId);
    return request ? renderRequestCard(await this.model(request)) : null;
  }

  /** Posts the request's card as a new message (in the thread of `threadTs` when given) and remembers it. */
  async post(requestId: string, channel: string, threadTs?: string): Promise<void> {
    const message = await this.render(requestId);
    if (!message) return;
    const { ts } = await this.deps.poster.post(channel, message, threadTs ? { threadTs } : {});
    await this.deps.store.attachCard(requestId, channel, ts);
  }

  /** Rewrites the request's card from its current state; a Slack failure is logged, never thrown. */
  show(requestId: string): Promise<void> {
    const previous = this.queue.get(requestId) ?? Promise.resolve();
    const next = previous.then(() => this.rewrite(requestId));
    this.queue.set(requestId, next);
    void next.finally(() => {
      if (this.queue.get(requestId) === next) this.queue.delete(requestId);
    });
    return next;
  }

  private async rewrite(requestId: string): Promise<void> {
    try {
      const request = await this.deps.store.get(requestId);
      if (!request?.card) return;
      const message = renderRequestCard(await this.model(request));
      await this.deps.poster.update(request.card.channel, request.card.ts, message);
    } catch (error) {
      this.deps.logger.warn({ err: error, requestId }, 'could not update the rollback card');
    }
  }
}
