// The handoff post's "I have it" button, the note request's "Write handoff note" button and its form.
import type { ActionModule, ModalModule, ModalOpener } from '../src/slack/message.js';
import {
  acknowledgedBlocks,
  handoffActions,
  handoffNoteModal,
  renderNoteModal,
} from '../src/slack/views/handoff-views.js';
import type { Handoffs } from '../src/statuslog/handoffs.js';

export function handoffActionModules(handoffs: Handoffs, openModal: ModalOpener): ActionModule[] {
  return [
    {
      actionId: handoffActions.acknowledge,
      async run(click) {
        const ack = await handoffs.acknowledge(click.value, click.userId);
        return {
          replaceOriginal: {
            text: 'Handoff acknowledged',
            blocks: acknowledgedBlocks(click.messageBlocks ?? [], ack.by, ack.at),
          },
        };
      },
    },
    {
      actionId: handoffActions.writeNote,
      async run(click) {
        const people = await handoffs.mayWriteNote(click.value, click.userId);
        await openModal(click.triggerId, renderNoteModal(click.value, people.rotation));
        return {};
      },
    },
  ];
}

export function handoffNoteModalModule(handoffs: Handoffs): ModalModule {
  return {
    callbackId: handoffNoteModal.callbackId,
    async submit({ userId, values, privateMetadata }) {
      const { postKey } = JSON.parse(privateMetadata || '{}') as { postKey?: string };
      await handoffs.saveNote(String(postKey ?? ''), userId, values[handoffNoteModal.block] ?? '');
      return {};
    },
  };
}
