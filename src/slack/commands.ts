// Registers slash-command modules with Bolt: ack at once, run the module, reply through response_url.
import type { App } from '@slack/bolt';
import type { CommandModule } from './message.js';
import { postToResponseUrl } from './response-url.js';

export function registerCommands(app: App, modules: CommandModule[]): void {
  for (const module of modules) {
    app.command(module.command, async ({ command, ack }) => {
      await ack();
      const reply = await module.run({
        command: command.command,
        text: command.text ?? '',
        userId: command.user_id,
        channelId: command.channel_id,
        teamId: command.team_id,
        triggerId: command.trigger_id,
        responseUrl: command.response_url,
      });
      if (reply) await postToResponseUrl(command.response_url, reply);
    });
  }
}
