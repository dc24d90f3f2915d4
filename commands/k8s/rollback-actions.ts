// The rollback buttons and the break-glass form: each parses the click, asks the rollback service, and
// tells only the clicker what did not happen (the card itself shows what did).
import type {
  BreakGlassTarget,
  Click,
  RollbackService,
} from '../../src/rollback/service/rollback-service.js';
import { checkBreakGlassReason } from '../../src/rollback/policy.js';
import {
  plainMessage,
  type ActionModule,
  type ActionRequest,
  type ActionResult,
  type ModalModule,
  type ModalOpener,
} from '../../src/slack/message.js';
import { rollbackRequestAction } from '../../src/slack/views/rollback-button.js';
import { breakGlassModal, rollbackActions } from '../../src/slack/views/rollback-actions.js';
import { rollbackCardBlockId } from '../../src/slack/views/rollback-card-view.js';
import { breakGlassModalView } from '../../src/slack/views/rollback-modal-view.js';

const click = (request: ActionRequest): Click => ({
  actor: request.userId,
  ...(request.channelId ? { channelId: request.channelId } : {}),
  ...(request.messageTs ? { messageTs: request.messageTs } : {}),
  onCardMessage: (request.messageBlocks ?? []).some(
    (block) => block.block_id === rollbackCardBlockId(request.value),
  ),
});

function noted(outcome: { note?: string }): ActionResult {
  return outcome.note ? { ephemeral: plainMessage(`:warning: ${outcome.note}`) } : {};
}

/** `card:12` or `request:34` in the form's private metadata. */
function targetOf(metadata: string): BreakGlassTarget | undefined {
  const [kind, id = ''] = metadata.split(':', 2);
  if (kind === 'card') return { card: id };
  if (kind === 'request') return { request: id };
  return undefined;
}

export function rollbackActionModules(
  service: RollbackService,
  openModal: ModalOpener,
): ActionModule[] {
  const breakGlass = (actionId: string, kind: 'card' | 'request'): ActionModule => ({
    actionId,
    async run(request) {
      const target: BreakGlassTarget =
        kind === 'card' ? { card: request.value } : { request: request.value };
      const checked = await service.breakGlassCheck(target, click(request));
      if (checked.note || checked.summary === undefined) return noted(checked);
      await openModal(
        request.triggerId,
        breakGlassModalView(checked.summary, `${kind}:${request.value}`),
      );
      return {};
    },
  });
  return [
    {
      actionId: rollbackRequestAction,
      run: async (request) => noted(await service.requestFromCard(request.value, click(request))),
    },
    {
      actionId: rollbackActions.approve,
      run: async (request) => noted(await service.approve(request.value, click(request))),
    },
    {
      actionId: rollbackActions.reject,
      run: async (request) => noted(await service.reject(request.value, click(request))),
    },
    breakGlass(rollbackActions.breakGlassCard, 'card'),
    breakGlass(rollbackActions.breakGlassRequest, 'request'),
  ];
}

export function breakGlassModalModule(service: RollbackService): ModalModule {
  return {
    callbackId: breakGlassModal.callbackId,
    async submit(submission) {
      const reason = checkBreakGlassReason(submission.values[breakGlassModal.block]);
      if (!reason.ok) return { errors: { [breakGlassModal.block]: reason.problem } };
      const target = targetOf(submission.privateMetadata);
      if (!target)
        return {
          errors: {
            [breakGlassModal.block]: 'This form is broken; close it and click the button again.',
          },
        };
      const outcome = await service.breakGlass(target, submission.userId, reason.reason);
      return outcome.note
        ? { errors: { [breakGlassModal.block]: outcome.note.slice(0, 150) } }
        : {};
    },
  };
}
