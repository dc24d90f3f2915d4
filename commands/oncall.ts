// The /oncall slash command: parses its arguments and answers who is on duty now.
import { z } from 'zod';
import { teamsForRequest } from '../src/access/channel-scope.js';
import type { Clock } from '../src/clock.js';
import type { AppConfig } from '../src/config/schema.js';
import { UserFacingError } from '../src/errors.js';
import { oncallNow } from '../src/oncall/oncall-now.js';
import type { CommandModule } from '../src/slack/message.js';
import { renderOncallNow } from '../src/slack/views/oncall-now-view.js';

const argumentsSchema = z.string().trim().max(0);

export function oncallCommand(deps: { config: AppConfig; clock: Clock }): CommandModule {
  return {
    command: '/oncall',
    async run(request) {
      if (!argumentsSchema.safeParse(request.text).success) {
        throw new UserFacingError(
          `\`/oncall ${request.text.trim().slice(0, 40)}\` is not something I know yet. Usage: \`/oncall\` — who is on duty now.`,
        );
      }
      const teams = teamsForRequest(deps.config, request);
      return renderOncallNow(oncallNow(teams, deps.clock.now()));
    },
  };
}
