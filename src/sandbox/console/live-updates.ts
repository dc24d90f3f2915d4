// Server-Sent Events to every open console page: "something changed", driven by the fake Slack's
// calls (posts, updates, views) and by the console's own moves (clock, scenarios).
import type { ServerResponse } from 'node:http';

export interface LiveEvent {
  /** `slack` (a Web API call by the app), `clock` or `cluster`. */
  kind: string;
  detail?: string;
}

export class LiveUpdates {
  private readonly pages = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), 15_000);
    this.heartbeat.unref();
  }

  /** Keeps the response open as an event stream until the page goes away. */
  attach(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    this.pages.add(response);
    response.on('close', () => this.pages.delete(response));
  }

  publish(event: LiveEvent): void {
    this.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const page of this.pages) page.end();
    this.pages.clear();
  }

  private write(chunk: string): void {
    for (const page of this.pages) page.write(chunk);
  }
}
