// `/k8s rollback`: the card offering a rollback, planned from a fresh read of a workload the channel may see,
// and its posting (the bot's own message, so every later step can rewrite it).
import { chooseCluster, requireNamespace, scopeForRequest } from '../../access/cluster-scope.js';
import type { Clock } from '../../clock.js';
import type { AppConfig } from '../../config/schema.js';
import { UserFacingError } from '../../errors.js';
import type { SlackMessage, SlackPoster } from '../../slack/message.js';
import type { RollbackCard, RollbackCards } from '../cards.js';
import {
  describeChange,
  revisionsOf,
  type RevisionSummary,
  type TemplateChange,
  type WorkloadKind,
} from '../engine/index.js';
import { gatherContext, type PolicyContextDeps } from './policy-context.js';

export interface OfferInput {
  channelId: string;
  userId: string;
  cluster?: string;
  namespace: string;
  name: string;
  kind: WorkloadKind;
  toRevision?: number;
}

/** What the card shows besides its summary. */
export interface OfferCardModel {
  card: RollbackCard;
  from?: RevisionSummary;
  to?: RevisionSummary;
  change: TemplateChange;
  /** The on-call whose shift it is may roll back alone right now (outside coverage hours). */
  breakGlassOffered: boolean;
  now: Date;
}

export type Offer = { kind: 'sentence'; text: string } | { kind: 'card'; model: OfferCardModel };

export interface RollbackOffersDeps {
  config: AppConfig;
  cards: RollbackCards;
  poster: SlackPoster;
  people: PolicyContextDeps;
  clock: Clock;
}

export class RollbackOffers {
  constructor(private readonly deps: RollbackOffersDeps) {}

  async offer(input: OfferInput): Promise<Offer> {
    const { config, clock } = this.deps;
    const scope = scopeForRequest(config, { channelId: input.channelId, userId: input.userId });
    const view = chooseCluster(scope, input.cluster);
    requireNamespace(scope, view, input.namespace);
    const now = clock.now();
    const { card, plan, state } = await this.deps.cards.plan({
      cluster: view.cluster,
      namespace: input.namespace,
      kind: input.kind,
      name: input.name,
      ...(input.toRevision !== undefined ? { toRevision: input.toRevision } : {}),
      channel: input.channelId,
      now,
    });
    if (plan.kind !== 'patch') return { kind: 'sentence', text: `${capitalize(plan.sentence)}.` };
    const revisions = revisionsOf(state);
    const { ctx } = await gatherContext(this.deps.people, card.workload);
    const breakGlassOffered =
      config.rollback.breakGlass.onCallOutsideCoverage && ctx.onCallOutsideCoverage.length > 0;
    const from = revisions.find((r) => r.revision === plan.fromRevision);
    const to = revisions.find((r) => r.revision === plan.toRevision);
    return {
      kind: 'card',
      model: {
        card,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        change: describeChange(state.object.spec?.template, plan.targetTemplate),
        breakGlassOffered,
        now,
      },
    };
  }

  /** Posts the rendered card in its channel and remembers the message. */
  async publish(card: RollbackCard, message: SlackMessage): Promise<void> {
    let ts: string;
    try {
      ({ ts } = await this.deps.poster.post(card.channel, message));
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? 'no answer';
      throw new UserFacingError(
        `I could not post the rollback card in this channel (${code}); invite me with \`/invite @Watchkeeper\` and try again.`,
        { cause: error },
      );
    }
    await this.deps.cards.attachMessage(card.id, ts);
  }
}

/** Starts the engine's sentence with a capital, unless it starts with a workload (`shop/web is …`). */
function capitalize(text: string): string {
  if ((text.split(' ', 1)[0] ?? '').includes('/')) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
