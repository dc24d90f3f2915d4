// The sandbox console: a Slack-like page on 127.0.0.1 and the small JSON API behind it. The page's
// input reaches the app only as signed Slack requests; what the app sends Slack is pushed back live.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../log.js';
import type { FakeSlackApi, RecordedCall } from '../slack/index.js';
import type { Controls } from './controls.js';
import { LiveUpdates } from './live-updates.js';
import {
  breakSchema,
  clickedSchema,
  clockSchema,
  homeSchema,
  isLocalHost,
  readJson,
  sendJson,
  submittedSchema,
  typedSchema,
  viewSchema,
} from './requests.js';
import { ConsoleInputError, type SlackBridge } from './slack-bridge.js';
import { channelsFor, directory, viewsFor } from './snapshot.js';
import { sendStatic } from './static-files.js';

export interface ConsoleOptions {
  fake: FakeSlackApi;
  bridge: SlackBridge;
  controls: Controls;
  /** The people of app.yaml, for the "you are" picker, in order. */
  members: string[];
  /** The slash commands the app answers, for the message box's hints. */
  commands: string[];
  /** Where the app listens (calendar feeds are passed through to it). */
  appOrigin: string;
  logger: Logger;
  /** 0 picks a free port. */
  port: number;
}

type Route = (request: IncomingMessage) => Promise<unknown>;

export class ConsoleServer {
  private readonly live = new LiveUpdates();
  private readonly onCall = (call: RecordedCall) =>
    this.live.publish({ kind: 'slack', detail: call.method });

  private constructor(
    private readonly options: ConsoleOptions,
    private readonly server: Server,
  ) {
    options.fake.on('call', this.onCall);
  }

  static async start(options: ConsoleOptions): Promise<ConsoleServer> {
    const server = createServer();
    const consoleServer = new ConsoleServer(options, server);
    server.on('request', (request, response) => void consoleServer.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
    return consoleServer;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.options.fake.off('call', this.onCall);
    this.live.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private readonly posts: Record<string, Route> = {
    '/api/send': async (request) => this.options.bridge.type(await readJson(request, typedSchema)),
    '/api/click': async (request) =>
      this.options.bridge.click(await readJson(request, clickedSchema)),
    '/api/submit': async (request) =>
      this.options.bridge.submit(await readJson(request, submittedSchema)),
    '/api/close-view': async (request) => {
      const { user, viewId } = await readJson(request, viewSchema);
      this.options.bridge.closeView(user, viewId);
      return {};
    },
    '/api/home': async (request) =>
      this.options.bridge.openHome((await readJson(request, homeSchema)).user),
    '/api/clock': async (request) => {
      const { move } = await readJson(request, clockSchema);
      return { notice: await this.options.controls.move(move) };
    },
    '/api/break': async (request) => {
      const { cluster, what, target } = await readJson(request, breakSchema);
      return { notice: this.options.controls.breakSomething(cluster, what, target) };
    },
  };

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (!isLocalHost(request)) return sendJson(response, 403, { notice: 'Local pages only.' });
      if (request.method === 'POST') return await this.post(request, url, response);
      if (url.pathname === '/api/events') return this.live.attach(response);
      if (url.pathname === '/api/state') return sendJson(response, 200, this.state(url));
      if (url.pathname.startsWith('/calendar/')) return await this.calendar(url, response);
      if (await sendStatic(url.pathname, response)) return;
      sendJson(response, 404, { notice: 'Not found.' });
    } catch (error) {
      if (error instanceof ConsoleInputError)
        return sendJson(response, 400, { notice: error.message });
      this.options.logger.error(
        { err: error, path: url.pathname },
        'sandbox console request failed',
      );
      sendJson(response, 500, { notice: `The sandbox failed: ${String(error)}` });
    }
  }

  private async post(request: IncomingMessage, url: URL, response: ServerResponse) {
    const route = this.posts[url.pathname];
    if (!route) return sendJson(response, 404, { notice: 'Not found.' });
    const result = await route(request);
    this.live.publish({ kind: 'console', detail: url.pathname });
    sendJson(response, 200, result);
  }

  private state(url: URL) {
    const { fake, controls, members, commands } = this.options;
    const asked = url.searchParams.get('user') ?? '';
    const me = members.includes(asked) ? asked : (members[0] ?? '');
    const { handoff, daily } = controls.upcoming();
    return {
      ...controls.time(),
      me,
      members,
      commands,
      directory: directory(fake),
      channels: channelsFor(fake, me),
      ...viewsFor(fake, me),
      upcoming: { handoff, daily },
      targets: controls.targets(),
    };
  }

  private async calendar(url: URL, response: ServerResponse): Promise<void> {
    const answer = await fetch(`${this.options.appOrigin}${url.pathname}`);
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'text/plain',
    });
    response.end(Buffer.from(await answer.arrayBuffer()));
  }
}
