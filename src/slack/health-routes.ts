// GET /healthz (the process answers) and GET /readyz (the database and Slack are ready), for probes.
import type { CustomRoute } from '@slack/bolt';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export function healthRoutes(readiness: ReadinessCheck[]): CustomRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok' }));
      },
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        void runChecks(readiness).then((failures) => {
          res.writeHead(failures.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ status: failures.length === 0 ? 'ready' : 'not ready', failures }),
          );
        });
      },
    },
  ];
}

async function runChecks(readiness: ReadinessCheck[]): Promise<string[]> {
  const results = await Promise.allSettled(readiness.map((item) => item.check()));
  return readiness.filter((_, i) => results[i]?.status === 'rejected').map((item) => item.name);
}
