// GET /calendar/<secret>.ics: serves an iCalendar feed; unknown or revoked links get 404, nothing else.
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from '../log.js';

export function calendarRoute(
  render: (token: string) => Promise<string | null>,
  logger: Logger,
): CustomRoute {
  return {
    path: '/calendar/:file',
    method: ['GET'],
    handler: (req, res) => {
      const file = String(req.params?.file ?? '');
      const token = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file)?.[1];
      const answer = token ? render(token) : Promise.resolve(null);
      answer.then(
        (body) => {
          if (body === null) {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
            res.end('No calendar here. Ask for a new link with /oncall calendar in Slack.\n');
            return;
          }
          res.writeHead(200, {
            'content-type': 'text/calendar; charset=utf-8',
            'cache-control': 'private, max-age=300',
          });
          res.end(body);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'calendar feed failed');
          res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('The calendar is not available right now; try again in a minute.\n');
        },
      );
    },
  };
}
