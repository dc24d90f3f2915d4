// The /log slash command: add an entry or an open item, close one, or show today's or the week's log.
import { UserFacingError } from '../src/errors.js';
import type { CommandModule } from '../src/slack/message.js';
import {
  logUsage,
  renderEntryClosed,
  renderEntrySaved,
  renderLog,
} from '../src/slack/views/status-log-view.js';
import type { StatusLog } from '../src/statuslog/status-log.js';

export function logCommand(log: StatusLog): CommandModule {
  return {
    command: '/log',
    async run(request) {
      const text = request.text.trim();
      const [first = '', ...rest] = text.split(/\s+/);
      const remainder = text.slice(first.length).trim();
      if (text === '' || text.toLowerCase() === 'today')
        return renderLog(await log.read(request, 'today'));
      if (text.toLowerCase() === 'week') return renderLog(await log.read(request, 'week'));
      if (first.toLowerCase() === 'help')
        return {
          text: logUsage,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: logUsage } }],
        };
      if (first.toLowerCase() === 'close') {
        if (rest.length !== 1)
          throw new UserFacingError(`Say which item to close, e.g. \`/log close 12\`. ${logUsage}`);
        return renderEntryClosed(await log.close(request, rest[0] ?? ''));
      }
      if (first === '--open') {
        if (remainder === '')
          throw new UserFacingError(`An open item needs some text. ${logUsage}`);
        return renderEntrySaved(await log.add(request, remainder, true));
      }
      if (first.startsWith('--'))
        throw new UserFacingError(
          `\`${first.slice(0, 20)}\` is not an option of /log. ${logUsage}`,
        );
      return renderEntrySaved(await log.add(request, text, false));
    },
  };
}
