// Watch streams: chunked application/json, one `{"type":…,"object":…}` per line, resumable from a
// resourceVersion within the retained window and answered with an ERROR 410 Expired event outside it.
import { parseFieldSelector } from './field-selector.js';
import { parseLabelSelector } from './label-selector.js';
import { objectJson } from './serialize.js';
import { badRequest, expired } from './status.js';
import { apiVersionOf } from '../resources.js';
import type { ResourcePath } from './router.js';
import type { ObjectStore } from '../store/object-store.js';
import type { KubeObject, StoreEvent } from '../types.js';
import type { ServerResponse } from 'node:http';

interface Connection {
  response: ServerResponse;
  path: ResourcePath;
  bookmarks: boolean;
  close: () => void;
}

function eventLine(type: string, objectText: string): string {
  return `{"type":"${type}","object":${objectText}}\n`;
}

export class WatchHub {
  private readonly connections = new Set<Connection>();

  constructor(private readonly store: ObjectStore) {}

  get openCount(): number {
    return this.connections.size;
  }

  /** Starts a watch; selector and resourceVersion errors throw before anything is written. */
  serve(response: ServerResponse, path: ResourcePath, query: URLSearchParams): void {
    const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
    const fields = parseFieldSelector(query.get('fieldSelector') ?? undefined, path.type.name);
    const matches = (o: KubeObject) =>
      (path.namespace === undefined || o.metadata.namespace === path.namespace) &&
      (path.name === undefined || o.metadata.name === path.name) &&
      labels(o.metadata.labels) &&
      fields(o);
    const requested = query.get('resourceVersion') ?? '';
    if (requested !== '' && !/^\d+$/.test(requested))
      throw badRequest(
        `resourceVersion: Invalid value: "${requested}": must be a non-negative integer`,
      );
    const history =
      requested === '' || requested === '0'
        ? undefined
        : this.store.eventsSince(path.type, Number(requested));
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    response.flushHeaders();
    if (history?.kind === 'expired') {
      const status = expired(`too old resource version: ${requested} (${history.oldest})`).status;
      response.end(eventLine('ERROR', JSON.stringify(status)));
      return;
    }
    const send = (event: StoreEvent) => {
      const line = this.translate(event, matches);
      if (line) response.write(line);
    };
    const unsubscribe = this.store.subscribe(path.type, send);
    const timeout = Number(query.get('timeoutSeconds') ?? 0);
    const timer = timeout > 0 ? setTimeout(() => response.end(), timeout * 1000) : undefined;
    timer?.unref();
    const connection: Connection = {
      response,
      path,
      bookmarks: query.get('allowWatchBookmarks') === 'true',
      close: () => {
        unsubscribe();
        if (timer) clearTimeout(timer);
        this.connections.delete(connection);
      },
    };
    this.connections.add(connection);
    response.on('close', connection.close);
    if (history) {
      for (const event of history.events) send(event);
      return;
    }
    for (const object of this.store.sorted(path.type, path.namespace)) {
      if (matches(object)) response.write(eventLine('ADDED', objectJson(object)));
    }
    if (query.get('sendInitialEvents') === 'true') this.writeBookmark(connection, true);
  }

  /** Sends a BOOKMARK with the current resourceVersion to every watch that allowed bookmarks. */
  bookmark(): void {
    for (const connection of this.connections)
      if (connection.bookmarks) this.writeBookmark(connection, false);
  }

  /** Cuts every open watch connection without a clean end, as a network failure or apiserver restart would. */
  drop(): void {
    for (const connection of [...this.connections]) {
      connection.close();
      connection.response.socket?.destroy();
    }
  }

  /** Ends every open watch cleanly, as the server does when a watch times out. */
  endAll(): void {
    for (const connection of [...this.connections]) {
      connection.close();
      connection.response.end();
    }
  }

  private writeBookmark(connection: Connection, initialEventsEnd: boolean): void {
    const { type } = connection.path;
    const metadata = {
      resourceVersion: String(this.store.resourceVersion),
      creationTimestamp: null,
      ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
    };
    connection.response.write(
      eventLine(
        'BOOKMARK',
        JSON.stringify({ kind: type.kind, apiVersion: apiVersionOf(type), metadata }),
      ),
    );
  }

  /** How kube-apiserver's cacher shows a change to a filtered watch: objects entering the filter are
   * ADDED, objects leaving it are DELETED (previous content, new resourceVersion). */
  private translate(event: StoreEvent, matches: (o: KubeObject) => boolean): string | undefined {
    const now = event.type !== 'DELETED' && matches(event.object);
    const before = event.previous !== undefined && matches(event.previous);
    if (now && before) return eventLine('MODIFIED', objectJson(event.object));
    if (now) return eventLine('ADDED', objectJson(event.object));
    if (!before || !event.previous) return undefined;
    if (event.type === 'DELETED') return eventLine('DELETED', objectJson(event.object));
    const gone = {
      ...event.previous,
      metadata: { ...event.previous.metadata, resourceVersion: String(event.resourceVersion) },
    };
    return eventLine('DELETED', objectJson(gone));
  }
}
