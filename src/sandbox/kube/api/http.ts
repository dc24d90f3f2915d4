// The few HTTP pieces the handlers share: a response value, Status responses, reading a body.
import type { IncomingMessage } from 'node:http';
import type { ApiError } from './status.js';

export interface ApiResponse {
  status: number;
  contentType: string;
  body: string;
}

export function jsonResponse(status: number, body: string | object): ApiResponse {
  return {
    status,
    contentType: 'application/json',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export function errorResponse(error: ApiError): ApiResponse {
  return jsonResponse(error.code, error.status);
}

export function textResponse(status: number, body: string): ApiResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body };
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The media type without parameters: `application/json-patch+json`. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
