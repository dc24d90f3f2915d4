// The Confirm / Decline buttons of a swap request: the other person answers; the card says what happened.
import type { OncallChanges } from '../../src/oncall/oncall-changes.js';
import type { ActionModule } from '../../src/slack/message.js';
import { renderSwapDecided, swapActions } from '../../src/slack/views/oncall-change-views.js';

export function swapActionModules(changes: OncallChanges): ActionModule[] {
  const answer = (actionId: string, decision: 'confirmed' | 'declined'): ActionModule => ({
    actionId,
    async run(request) {
      const swap = await changes.decideSwap(request.userId, request.value, decision);
      return { replaceOriginal: renderSwapDecided(swap) };
    },
  });
  return [answer(swapActions.confirm, 'confirmed'), answer(swapActions.decline, 'declined')];
}
