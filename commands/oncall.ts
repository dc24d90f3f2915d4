// The /oncall slash command: picks the subcommand from the first word and hands over to it.
import { UserFacingError } from '../src/errors.js';
import type { CommandModule, CommandRequest, SlackMessage } from '../src/slack/message.js';

export type OncallSubcommand = (
  request: CommandRequest,
  args: string,
) => Promise<SlackMessage | null>;

export function oncallCommand(subcommands: Record<string, OncallSubcommand>): CommandModule {
  return {
    command: '/oncall',
    async run(request) {
      const text = request.text.trim();
      const [first = '', ...rest] = text.split(/\s+/);
      const name = first.toLowerCase();
      const handler = text === '' ? subcommands[''] : subcommands[name];
      if (!handler) {
        const known = Object.keys(subcommands).filter(Boolean).join(', ');
        throw new UserFacingError(
          `\`/oncall ${first.slice(0, 40)}\` is not a subcommand I know. Try one of: ${known} — or \`/oncall help\`.`,
        );
      }
      return handler(request, rest.join(' '));
    },
  };
}
