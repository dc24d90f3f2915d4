// Registers modal submit handlers: a user-facing error is shown on the form; the modal closes on success.
import type { App } from '@slack/bolt';
import { isUserFacingError } from '../errors.js';
import type { ModalModule } from './message.js';

type StateValue = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_user?: string | null;
};

export function registerModals(app: App, modules: ModalModule[]): void {
  for (const module of modules) {
    app.view(module.callbackId, async ({ ack, body, view }) => {
      const values: Record<string, string | undefined> = {};
      for (const [blockId, actions] of Object.entries(view.state.values)) {
        const first = Object.values(actions)[0] as StateValue | undefined;
        values[blockId] =
          first?.value ?? first?.selected_option?.value ?? first?.selected_user ?? undefined;
      }
      try {
        const result = await module.submit({
          userId: body.user.id,
          values,
          privateMetadata: view.private_metadata,
        });
        if (result.errors) await ack({ response_action: 'errors', errors: result.errors });
        else await ack();
      } catch (error) {
        if (!isUserFacingError(error)) throw error;
        const firstBlock = Object.keys(view.state.values)[0] ?? 'form';
        await ack({
          response_action: 'errors',
          errors: { [firstBlock]: error.message.slice(0, 150) },
        });
      }
    });
  }
}
