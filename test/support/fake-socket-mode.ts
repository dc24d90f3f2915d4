// A Socket Mode endpoint for tests: answers apps.connections.open with a local WebSocket URL, forwards
// every other Web API call to the fake Slack, and delivers envelopes the way Slack does.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';

export class FakeSocketMode {
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {}

  static async start(slack: FakeSlackApi): Promise<FakeSocketMode> {
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer((req, res) => void forward(req, res, slack, origin()));
    const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const instance = new FakeSocketMode(server, wss, `${origin()}/api/`);
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => instance.accept(ws));
    });
    return instance;
  }

  get connections(): number {
    return this.sockets.size;
  }

  /**
   * Sends a slash command envelope over one open connection (the oldest unless `connection`, an index in
   * the order they opened, says which: Slack spreads envelopes over an app's connections) and resolves
   * with the app's ack.
   */
  async sendSlashCommand(payload: Record<string, string>, connection = 0): Promise<unknown> {
    const socket = [...this.sockets][connection];
    if (!socket) throw new Error(`no Socket Mode connection ${connection} is open`);
    const envelopeId = `env-${++this.sequence}`;
    const acked = new Promise<unknown>((resolve) => this.acks.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type: 'slash_commands',
        payload,
        accepts_response_payload: true,
      }),
    );
    return acked;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) this.acks.get(message.envelope_id)?.(message.payload ?? {});
    });
    ws.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST' } }),
    );
  }
}

async function forward(
  req: IncomingMessage,
  res: import('node:http').ServerResponse,
  slack: FakeSlackApi,
  origin: string,
): Promise<void> {
  if (req.url?.startsWith('/api/apps.connections.open')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, url: `${origin.replace('http', 'ws')}/link` }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const upstream = await fetch(`${slack.origin}${req.url ?? '/'}`, {
    method: req.method,
    headers: Object.fromEntries(
      Object.entries(req.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host',
      ),
    ),
    body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
  });
  res.writeHead(upstream.status, {
    'content-type': upstream.headers.get('content-type') ?? 'application/json',
  });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}
