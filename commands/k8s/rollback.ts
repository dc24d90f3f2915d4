// /k8s rollback: plans a rollback from a fresh read and posts its card in the channel; refusals are one sentence.
import type { RollbackOffers } from '../../src/rollback/service/offers.js';
import { plainMessage } from '../../src/slack/message.js';
import { renderRollbackCard } from '../../src/slack/views/rollback-card-view.js';
import type { K8sSubcommand } from '../k8s.js';
import { parseRollbackArgs } from './rollback-args.js';

export function rollbackSubcommand(offers: RollbackOffers): Record<string, K8sSubcommand> {
  return {
    rollback: async (request, words) => {
      const args = parseRollbackArgs(words);
      const offer = await offers.offer({
        channelId: request.channelId,
        userId: request.userId,
        ...args,
      });
      if (offer.kind === 'sentence') return plainMessage(offer.text);
      await offers.publish(offer.model.card, renderRollbackCard(offer.model));
      return null;
    },
  };
}
