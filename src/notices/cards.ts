// The Roll back card a notice offers: the rollback flow's card API, seen through the little a notice needs.
import type { Logger } from '../log.js';
import type { ObservedRollout } from './rollout.js';
import type { NoticeRollback } from './types.js';

export interface NoticeCardRequest {
  cluster: string;
  namespace: string;
  kind: 'Deployment';
  name: string;
  toRevision?: number;
  channel: string;
  now: Date;
}

/** What RollbackCards.create (src/rollback/cards.ts) offers; a plan other than a patch has no button. */
export interface NoticeRollbackCards {
  create(
    request: NoticeCardRequest,
  ): Promise<{ cardId: string; plan: { kind: string }; summary: string }>;
}

/** A card rolling the notice's Deployment back to the revision before, or null when there is none to offer. */
export async function offerRollback(
  cards: NoticeRollbackCards | undefined,
  rollout: ObservedRollout,
  channel: string,
  context: { now: Date; logger: Logger },
): Promise<NoticeRollback | null> {
  if (!cards || !rollout.previous) return null;
  const { key } = rollout;
  try {
    const card = await cards.create({
      cluster: key.cluster,
      namespace: key.namespace,
      kind: 'Deployment',
      name: key.workload,
      toRevision: rollout.previous.revision,
      channel,
      now: context.now,
    });
    return card.plan.kind === 'patch' ? { cardId: card.cardId, summary: card.summary } : null;
  } catch (error) {
    context.logger.warn({ err: error, ...key }, 'no Roll back card for the rollout notice');
    return null;
  }
}
