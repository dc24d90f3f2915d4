// The "Roll back" button shared by rollback cards and rollout notices: it carries only a card id, and
// asks for confirmation before anything happens.
import type { types } from '@slack/bolt';

export const rollbackRequestAction = 'rollback_request';

export function rollbackButton(cardId: string, what: string): types.Button {
  return {
    type: 'button',
    action_id: rollbackRequestAction,
    style: 'danger',
    text: { type: 'plain_text', text: 'Roll back' },
    value: cardId,
    confirm: {
      title: { type: 'plain_text', text: 'Ask to roll back?' },
      text: {
        type: 'mrkdwn',
        text: `This asks for approval to roll back ${what.slice(0, 250)}. Nothing changes until an allowed person approves.`,
      },
      confirm: { type: 'plain_text', text: 'Ask for approval' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    },
  };
}
