// Registers button handlers with Bolt: ack at once, run the module, update the message in place.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { ActionModule, Block } from './message.js';
import { postToResponseUrl } from './response-url.js';

export function registerActions(app: App, modules: ActionModule[]): void {
  for (const module of modules) {
    app.action<BlockButtonAction>(module.actionId, async ({ ack, body, action }) => {
      await ack();
      const result = await module.run({
        actionId: action.action_id,
        value: action.value ?? '',
        userId: body.user.id,
        channelId: body.channel?.id ?? body.container?.channel_id,
        messageTs: body.message?.ts ?? body.container?.message_ts,
        responseUrl: body.response_url,
        triggerId: body.trigger_id,
        messageBlocks: body.message?.blocks as Block[] | undefined,
      });
      if (result.replaceOriginal && body.response_url) {
        await postToResponseUrl(body.response_url, result.replaceOriginal, {
          replaceOriginal: true,
        });
      }
      if (result.ephemeral && body.response_url) {
        await postToResponseUrl(body.response_url, result.ephemeral);
      }
    });
  }
}
