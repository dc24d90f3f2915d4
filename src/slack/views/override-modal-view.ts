// The override form, opened by `/oncall override` without arguments.
import type { types } from '@slack/bolt';

export const overrideModal = {
  callbackId: 'oncall_override_modal',
  blocks: { rotation: 'rotation', member: 'member', from: 'from', to: 'to', reason: 'reason' },
  action: 'value',
} as const;

export function renderOverrideModal(input: {
  rotations: string[];
  userId: string;
  channelId: string;
}): types.ModalView {
  const { blocks, action } = overrideModal;
  const text = (
    label: string,
    block: string,
    placeholder: string,
    optional = false,
  ): types.InputBlock => ({
    type: 'input',
    block_id: block,
    optional,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'plain_text_input',
      action_id: action,
      max_length: 200,
      placeholder: { type: 'plain_text', text: placeholder },
    },
  });
  return {
    type: 'modal',
    callback_id: overrideModal.callbackId,
    private_metadata: JSON.stringify({ channelId: input.channelId }),
    title: { type: 'plain_text', text: 'Cover a time range' },
    submit: { type: 'plain_text', text: 'Save override' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: blocks.rotation,
        label: { type: 'plain_text', text: 'Rotation' },
        element: {
          type: 'static_select',
          action_id: action,
          options: input.rotations.slice(0, 100).map((name) => ({
            text: { type: 'plain_text', text: name },
            value: name,
          })),
          ...(input.rotations.length === 1 && input.rotations[0]
            ? {
                initial_option: {
                  text: { type: 'plain_text', text: input.rotations[0] },
                  value: input.rotations[0],
                },
              }
            : {}),
        },
      },
      {
        type: 'input',
        block_id: blocks.member,
        label: { type: 'plain_text', text: 'Who is on call' },
        element: { type: 'users_select', action_id: action, initial_user: input.userId },
      },
      text('From', blocks.from, 'tomorrow 18:00, fri 09:00, 2026-12-24 09:00'),
      text('Until', blocks.to, 'mon 09:00, 2026-12-27, +2d'),
      text('Reason', blocks.reason, 'dentist, holiday swap, …', true),
    ],
  };
}
