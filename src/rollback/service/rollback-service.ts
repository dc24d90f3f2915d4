// The rollback flow behind the buttons: a Roll back click opens a request, Approve and Reject decide it,
// break-glass starts it alone. Every click is re-authorized here; every change is the store's conditional one.
import type { Clock } from '../../clock.js';
import { durationMs } from '../../config/durations.js';
import type { RollbackPolicy } from '../../config/schema.js';
import { UserFacingError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { RollbackCard, RollbackCards } from '../cards.js';
import { isStale } from '../engine/index.js';
import type { RollbackExecutor } from '../executor/executor.js';
import { mayApprove, mayBreakGlass, mayRequest, type PolicyDecision } from '../policy.js';
import {
  workloadLabel,
  type RollbackRequest,
  type RollbackStore,
  type Workload,
} from '../store/index.js';
import { gatherContext, type PolicyContextDeps } from './policy-context.js';
import type { RequestCards } from './request-cards.js';
import type { RunStore } from './runs.js';
import type { WorkloadReader } from './workload-reader.js';

/** Who clicked, and on which message. */
export interface Click {
  actor: string;
  channelId?: string;
  messageTs?: string;
  /** The click was on the card's own message (not on a rollout notice offering the card). */
  onCardMessage?: boolean;
}

/** What only the clicker is told (nothing when the card itself shows the change). */
export interface ClickOutcome {
  note?: string;
}

export type BreakGlassTarget = { card: string } | { request: string };

export interface RollbackServiceDeps {
  policy: RollbackPolicy;
  store: RollbackStore;
  cards: RollbackCards;
  runs: RunStore;
  reader: WorkloadReader;
  requestCards: RequestCards;
  executor: RollbackExecutor;
  people: PolicyContextDeps;
  clock: Clock;
  logger: Logger;
}

type Step = 'request' | 'approve' | 'reject' | 'break-glass';

export class RollbackService {
  constructor(private readonly deps: RollbackServiceDeps) {}

  /** The Roll back button: checks who asks and that the card still holds, then opens a pending request. */
  async requestFromCard(cardId: string, click: Click): Promise<ClickOutcome> {
    const card = await this.requireCard(cardId);
    const refusal = await this.authorize('request', card, click, (ctx) =>
      mayRequest(this.deps.policy, ctx, click.actor),
    );
    if (refusal) return refusal;
    const stale = await this.staleSentence(card);
    if (stale) return { note: stale };
    const request = await this.open(card, click.actor);
    await this.showFirst(request, card, click);
    return {};
  }

  async approve(requestId: string, click: Click): Promise<ClickOutcome> {
    const request = await this.pendingRequest(requestId);
    if ('note' in request) return request;
    const refusal = await this.authorize(
      'approve',
      { workload: request.workload, requestId },
      click,
      (ctx) => mayApprove(this.deps.policy, ctx, request, click.actor),
    );
    if (refusal) return refusal;
    const approved = await this.deps.store.approve(requestId, click.actor, this.deps.clock.now());
    if (!approved) return { note: await this.deps.store.whyUnchanged(requestId, this.now()) };
    void this.deps.requestCards.show(requestId);
    await this.deps.executor.run(requestId);
    return {};
  }

  /** The requester withdraws, or anyone who may approve turns it down. */
  async reject(requestId: string, click: Click): Promise<ClickOutcome> {
    const request = await this.pendingRequest(requestId);
    if ('note' in request) return request;
    if (click.actor !== request.requestedBy) {
      const asApprover = { requestedBy: '' };
      const refusal = await this.authorize(
        'reject',
        { workload: request.workload, requestId },
        click,
        (ctx) => mayApprove(this.deps.policy, ctx, asApprover, click.actor),
      );
      if (refusal) return refusal;
    }
    const rejected = await this.deps.store.reject(requestId, click.actor, this.now());
    if (!rejected) return { note: await this.deps.store.whyUnchanged(requestId, this.now()) };
    await this.deps.requestCards.show(requestId);
    return {};
  }

  /** Before the reason form opens: may the clicker roll back alone here? */
  async breakGlassCheck(
    target: BreakGlassTarget,
    click: Click,
  ): Promise<ClickOutcome & { summary?: string }> {
    const subject = await this.breakGlassSubject(target);
    if ('note' in subject) return subject;
    const refusal = await this.authorize('break-glass', subject, click, (ctx) =>
      mayBreakGlass(this.deps.policy, ctx, click.actor),
    );
    return refusal ?? { summary: subject.summary };
  }

  /** The reason form was sent: checked again, recorded loudly, and the rollback starts at once. */
  async breakGlass(target: BreakGlassTarget, actor: string, reason: string): Promise<ClickOutcome> {
    const checked = await this.breakGlassCheck(target, { actor });
    if (checked.note) return checked;
    const requestId =
      'card' in target
        ? await this.breakGlassFromCard(target.card, actor, reason)
        : await this.breakGlassOnRequest(target.request, actor, reason);
    if (typeof requestId !== 'string') return requestId;
    void this.runInBackground(requestId);
    return {};
  }

  private async breakGlassFromCard(cardId: string, actor: string, reason: string) {
    const card = await this.requireCard(cardId);
    const stale = await this.staleSentence(card);
    if (stale) return { note: stale };
    const request = await this.open(card, actor, reason);
    await this.showFirst(request, card, {
      actor,
      channelId: card.channel,
      messageTs: card.messageTs,
    });
    return request.id;
  }

  private async breakGlassOnRequest(requestId: string, actor: string, reason: string) {
    const approved = await this.deps.store.approve(requestId, actor, this.now());
    if (!approved) return { note: await this.deps.store.whyUnchanged(requestId, this.now()) };
    await this.deps.runs.recordBreakGlass(requestId, actor, reason);
    await this.deps.store.record({
      requestId,
      at: this.now(),
      actor,
      action: 'break-glass',
      workload: approved.workload,
      details: { reason, requestedBy: approved.requestedBy },
    });
    void this.deps.requestCards.show(requestId);
    return requestId;
  }

  private async runInBackground(requestId: string): Promise<void> {
    try {
      await this.deps.executor.run(requestId);
    } catch (error) {
      this.deps.logger.error({ err: error, requestId }, 'break-glass rollback failed');
    }
  }

  private async open(card: RollbackCard, actor: string, reason?: string): Promise<RollbackRequest> {
    const now = this.now();
    const request = await this.deps.store.createRequest(
      {
        workload: card.workload,
        fromRevision: card.fromRevision,
        toRevision: card.toRevision ?? 0,
        snapshot: card.snapshot,
        requestedBy: actor,
        expiresAt: new Date(now.getTime() + durationMs(this.deps.policy.expiresAfter)),
        ...(reason !== undefined ? { breakGlass: { reason } } : {}),
      },
      now,
    );
    await this.deps.runs.link(request.id, card.id);
    return request;
  }

  /** The card's own message becomes the request; a click elsewhere (a rollout notice) gets a reply in its thread. */
  private async showFirst(request: RollbackRequest, card: RollbackCard, click: Click) {
    const channel = click.channelId ?? card.channel;
    if (click.messageTs && (click.onCardMessage || card.messageTs === click.messageTs)) {
      await this.deps.store.attachCard(request.id, channel, click.messageTs);
      await this.deps.requestCards.show(request.id);
    } else {
      await this.deps.requestCards.post(request.id, channel, click.messageTs);
    }
  }

  private async breakGlassSubject(
    target: BreakGlassTarget,
  ): Promise<{ workload: Workload; summary: string; requestId?: string } | { note: string }> {
    if ('card' in target) {
      const card = await this.requireCard(target.card);
      return { workload: card.workload, summary: card.summary };
    }
    const request = await this.pendingRequest(target.request);
    if ('note' in request) return request;
    const summary = `${workloadLabel(request.workload)} to revision ${request.toRevision}`;
    return { workload: request.workload, summary, requestId: request.id };
  }

  private async requireCard(cardId: string): Promise<RollbackCard> {
    const card = await this.deps.cards.get(cardId);
    if (!card) throw new UserFacingError('That rollback card does not exist any more.');
    if (card.toRevision === null)
      throw new UserFacingError(`This card offers no rollback: ${card.summary}.`);
    return card;
  }

  private async pendingRequest(
    requestId: string,
  ): Promise<RollbackRequest | (ClickOutcome & { note: string })> {
    const request = await this.deps.store.get(requestId);
    if (request?.state === 'pending') return request;
    return { note: await this.deps.store.whyUnchanged(requestId, this.now()) };
  }

  private async staleSentence(card: RollbackCard): Promise<string | undefined> {
    const state = await this.deps.reader.read(card.workload);
    const stale = isStale(card.snapshot, state);
    return stale.stale ? `${stale.sentence}.` : undefined;
  }

  /** The policy's answer for this click; a refusal is recorded in the audit trail and told to the clicker. */
  private async authorize(
    step: Step,
    subject: { workload: Workload; requestId?: string },
    click: Click,
    decide: (ctx: Awaited<ReturnType<typeof gatherContext>>['ctx']) => PolicyDecision,
  ): Promise<(ClickOutcome & { note: string }) | undefined> {
    const { workload, requestId } = subject;
    const { ctx, groupsProblem } = await gatherContext(this.deps.people, workload, click);
    const decision = decide(ctx);
    if (decision.allowed) return undefined;
    await this.deps.store.record({
      ...(requestId !== undefined ? { requestId } : {}),
      at: this.now(),
      actor: click.actor,
      action: 'refused',
      workload,
      details: { step, reason: decision.reason },
    });
    const note = groupsProblem ? `${decision.reason} (${groupsProblem}.)` : decision.reason;
    return { note };
  }

  private now(): Date {
    return this.deps.clock.now();
  }
}
