// The /k8s slash command: picks the subcommand from the first word and hands the other words over.
import { closestWord } from '../src/config/suggest.js';
import { quoted } from '../src/cluster-queries/echo.js';
import { UserFacingError } from '../src/errors.js';
import type { CommandModule, CommandRequest, SlackMessage } from '../src/slack/message.js';

/** A reply, or null when the subcommand answered another way (e.g. posted a card itself). */
export type K8sSubcommand = (
  request: CommandRequest,
  words: string[],
) => Promise<SlackMessage | null>;

export function k8sCommand(subcommands: Record<string, K8sSubcommand>): CommandModule {
  return {
    command: '/k8s',
    async run(request) {
      const [first = '', ...rest] = request.text.trim().split(/\s+/).filter(Boolean);
      const handler = subcommands[first.toLowerCase()];
      if (handler) return handler(request, rest);
      const known = Object.keys(subcommands).filter(Boolean);
      const guess = closestWord(first, known);
      throw new UserFacingError(
        `${quoted(first)} is not a /k8s subcommand.${guess ? ` Did you mean \`${guess}\`?` : ''} ` +
          `Try one of: ${known.join(', ')} — or \`/k8s help\`.`,
      );
    },
  };
}
