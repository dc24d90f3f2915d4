// Serves the console page's own files (HTML, CSS, JavaScript) from ./static, as they are: no build step.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), 'static');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Sends `/…` from the static folder; false when there is no such file (the caller answers 404). */
export async function sendStatic(pathname: string, response: ServerResponse): Promise<boolean> {
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const path = normalize(join(root, relative));
  const type = types[extname(path)];
  if (!path.startsWith(root + sep) || !type) return false;
  try {
    const body = await readFile(path);
    response.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
      'x-content-type-options': 'nosniff',
    });
    response.end(body);
    return true;
  } catch {
    return false;
  }
}
