// Reads a request body and decodes it the way Slack's Web API does: form fields or a JSON object,
// with the JSON-encoded form fields (blocks, attachments, view, metadata) parsed.
import type { IncomingMessage } from 'node:http';
import type { SlackArgs } from './types.js';

const jsonFields = ['blocks', 'attachments', 'view', 'metadata'];

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Decoded arguments, or undefined when a JSON body does not parse (Slack: `invalid_json`). */
export function decodeArgs(raw: string, contentType: string | undefined): SlackArgs | undefined {
  let args: SlackArgs;
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = raw === '' ? {} : JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
      args = { ...(parsed as SlackArgs) };
    } catch {
      return undefined;
    }
  } else {
    args = Object.fromEntries(new URLSearchParams(raw));
  }
  for (const field of jsonFields) {
    const value = args[field];
    if (typeof value === 'string') args[field] = parseJsonOrKeep(value);
  }
  return args;
}

/** Slack answers `invalid_blocks_format` for blocks that are not JSON: keep the string so it can. */
function parseJsonOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The token of a Web API call: the bearer token of the Authorization header, else the `token` field. */
export function tokenOf(authorization: string | undefined, args: SlackArgs): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) return bearer.trim();
  return typeof args.token === 'string' && args.token !== '' ? args.token : undefined;
}
