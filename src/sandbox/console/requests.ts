// What the console page may send, checked with zod, and the small HTTP helpers of the console server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ConsoleInputError } from './slack-bridge.js';

const userId = z.string().regex(/^[UW][A-Z0-9]+$/);
const channelId = z.string().regex(/^[CDG][A-Z0-9]+$/);

export const typedSchema = z.object({
  user: userId,
  channel: channelId,
  text: z.string().max(4000),
  threadTs: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
});

export const clickedSchema = z.object({
  user: userId,
  actionId: z.string().min(1).max(255),
  blockId: z.string().max(255).optional(),
  value: z.string().max(2000).optional(),
  channel: channelId.optional(),
  ts: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
  ephemeral: z.boolean().optional(),
  viewId: z
    .string()
    .regex(/^V\d+$/)
    .optional(),
});

export const submittedSchema = z.object({
  user: userId,
  viewId: z.string().regex(/^V\d+$/),
  values: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
});

export const viewSchema = z.object({ user: userId, viewId: z.string().regex(/^V\d+$/) });
export const homeSchema = z.object({ user: userId });
export const clockSchema = z.object({ move: z.enum(['hour', 'handoff', 'daily']) });
export const breakSchema = z.object({
  cluster: z.string().min(1),
  what: z.enum(['crash', 'release', 'node']),
  target: z.string().default(''),
});

const MAX_BODY = 256 * 1024;

/** The JSON body of a POST, parsed with `schema`; only `application/json` is accepted (no form posts from other sites). */
export async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  if (!request.headers['content-type']?.startsWith('application/json')) {
    throw new ConsoleInputError('The console only takes JSON.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ConsoleInputError('That is too much text.');
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ConsoleInputError('The console sent something that is not JSON.');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues.map((issue) => issue.path.join('.') || 'body').join(', ');
    throw new ConsoleInputError(`The console sent a bad request (${where}).`);
  }
  return result.data;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** Only pages loaded from this machine may talk to the console (no DNS rebinding). */
export function isLocalHost(request: IncomingMessage): boolean {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
