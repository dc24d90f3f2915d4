// Where a database URL points, and why a connection to it failed, in plain words that never carry the password.
import { UserFacingError } from '../errors.js';

/** The parts of a postgres:// URL that are safe to show: no password, ever. */
export interface DatabaseTarget {
  readonly host: string;
  readonly port: string;
  readonly database: string;
  readonly user: string;
}

/** Reads host, port, database and user from a postgres:// URL; anything else is a UserFacingError. */
export function parseTarget(databaseUrl: string): DatabaseTarget {
  const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : undefined;
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new UserFacingError(
      'DATABASE_URL is not a PostgreSQL URL; expected postgres://user:password@host:5432/database.',
    );
  }
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  const database = decode(url.pathname.replace(/^\//, ''));
  return { host, port: url.port || '5432', database, user: decode(url.username) };
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** "127.0.0.1:5432" */
export function hostAndPort(target: DatabaseTarget): string {
  return `${target.host}:${target.port}`;
}

/** "127.0.0.1:5432/watchkeeper": where the database is, for logs and status pages. */
export function describeTarget(target: DatabaseTarget): string {
  return target.database ? `${hostAndPort(target)}/${target.database}` : hostAndPort(target);
}

/** The reason a connection attempt failed, as a short phrase ("connection refused"). */
export function connectionFailureReason(
  error: unknown,
  target: DatabaseTarget,
  timeoutMs: number,
): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : '';
  const user = target.user ? ` for user "${target.user}"` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ETIMEDOUT':
      return noAnswer(timeoutMs);
    case 'ECONNRESET':
      return 'the server closed the connection';
    case 'ENOENT':
      return 'no server socket at that path';
    case '28P01':
      return `password authentication failed${user}`;
    case '28000':
      return `login rejected${user}`;
    case '3D000':
      return target.database
        ? `database "${target.database}" does not exist`
        : 'the database does not exist';
    case '53300':
      return 'too many connections';
    case '57P03':
      return 'the server is starting up or shutting down';
  }
  if (/timeout|timed out/i.test(message)) return noAnswer(timeoutMs);
  if (/terminated/i.test(message)) return 'the server closed the connection';
  if (/ssl|tls|certificate/i.test(message)) return 'TLS negotiation failed';
  return code ? `error ${code}` : 'unexpected error';
}

function noAnswer(timeoutMs: number): string {
  return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
