// The action ids and modal ids of the rollback flow, and its buttons (each carries only an id).
import type { types } from '@slack/bolt';

export const rollbackActions = {
  approve: 'rollback_approve',
  reject: 'rollback_reject',
  /** On a pending request's card: value is the request id. */
  breakGlassRequest: 'rollback_break_glass',
  /** On a /k8s rollback card: value is the card id. */
  breakGlassCard: 'rollback_break_glass_card',
} as const;

export const breakGlassModal = {
  callbackId: 'rollback_break_glass_modal',
  block: 'reason',
  action: 'value',
} as const;

export function approveButton(requestId: string, what: string): types.Button {
  return {
    type: 'button',
    action_id: rollbackActions.approve,
    style: 'primary',
    text: { type: 'plain_text', text: 'Approve' },
    value: requestId,
    confirm: {
      title: { type: 'plain_text', text: 'Approve the rollback?' },
      text: { type: 'mrkdwn', text: `This rolls back ${what.slice(0, 250)} right away.` },
      confirm: { type: 'plain_text', text: 'Roll back' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    },
  };
}

export function rejectButton(requestId: string): types.Button {
  return {
    type: 'button',
    action_id: rollbackActions.reject,
    text: { type: 'plain_text', text: 'Reject' },
    value: requestId,
  };
}

/** Opens the reason form; only the on-call whose shift it is, outside coverage hours, may use it. */
export function breakGlassButton(
  actionId: (typeof rollbackActions)['breakGlassRequest' | 'breakGlassCard'],
  id: string,
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    style: 'danger',
    text: { type: 'plain_text', text: 'Roll back now (break-glass)' },
    value: id,
  };
}
