// The break-glass form: why the on-call rolls back without a second person (recorded and shown to the team).
import type { types } from '@slack/bolt';
import { MAX_REASON_LENGTH } from '../../rollback/policy.js';
import { breakGlassModal } from './rollback-actions.js';

export function breakGlassModalView(summary: string, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: breakGlassModal.callbackId,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Roll back now' },
    submit: { type: 'plain_text', text: 'Roll back now' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `:rotating_light: *Break-glass:* roll back ${summary.slice(0, 2500)} without a second approval.\n` +
            'You are the on-call outside coverage hours. The reason is recorded in the audit trail and shown on the card.',
        },
      },
      {
        type: 'input',
        block_id: breakGlassModal.block,
        label: { type: 'plain_text', text: 'Why now, without approval?' },
        element: {
          type: 'plain_text_input',
          action_id: breakGlassModal.action,
          multiline: true,
          max_length: MAX_REASON_LENGTH,
        },
      },
    ],
  };
}
