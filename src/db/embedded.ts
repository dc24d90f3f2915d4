// The embedded Postgres: PGlite (on disk or in memory) served over TCP on 127.0.0.1 by pglite-socket.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { UserFacingError } from '../errors.js';
import { acquireDirLock, type DirLock } from './dir-lock.js';

/** PGlite kept in memory, gone when closed (tests). */
export const IN_MEMORY = 'memory://';

export interface EmbeddedPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres — any pg client can use it. */
  readonly url: string;
  /** The absolute data directory, or `memory://`. */
  readonly location: string;
  /** Stops the socket server, then closes PGlite. End every pool on `url` first. */
  stop(): Promise<void>;
}

/**
 * Opens PGlite in `dataDir` (created if missing; `memory://` for memory) and serves it on a free port.
 *
 * All sockets share PGlite's one session: advisory locks, LISTEN/NOTIFY and session `SET` isolate
 * nothing, and while one connection is inside a transaction the others wait for it to end — so code
 * holding a transaction must not wait on a query sent through another connection.
 * `maxConnections` must exceed the pool sizes of every client (extra connections are refused).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  maxConnections: number;
}): Promise<EmbeddedPostgres> {
  const inMemory = opts.dataDir.startsWith(IN_MEMORY);
  const location = inMemory ? opts.dataDir : resolve(opts.dataDir);
  let lock: DirLock | undefined;
  if (!inMemory) {
    await mkdir(dirname(location), { recursive: true });
    lock = await acquireDirLock(location);
  }
  let pglite: PGlite | undefined;
  try {
    if (!inMemory) await mkdir(location, { recursive: true });
    pglite = await openPglite(location);
    const server = new PGLiteSocketServer({
      db: pglite,
      host: '127.0.0.1',
      port: 0,
      maxConnections: opts.maxConnections,
    });
    await server.start();
    const db = pglite;
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      location,
      stop: async () => {
        try {
          await server.stop();
          await db.close();
        } finally {
          await lock?.release();
        }
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    await lock?.release();
    throw error;
  }
}

async function openPglite(location: string): Promise<PGlite> {
  try {
    return await PGlite.create(location);
  } catch (error) {
    throw new UserFacingError(
      `Could not open the embedded database in ${location}; its files may be damaged or from another PGlite version. Move that directory aside to start afresh, or set DATABASE_URL to use PostgreSQL.`,
      { cause: error },
    );
  }
}
