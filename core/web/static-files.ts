import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/**
 * Resolves a URL path inside the renderer folder; undefined for anything that would escape it.
 * Unknown paths fall back to index.html so the single-page app can route them.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const candidate = resolve(base, '.' + normalize('/' + decoded));
  if (candidate !== base && !candidate.startsWith(base + sep)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(base, 'index.html');
  return extname(decoded) === '' && existsSync(index) ? index : undefined;
}

export function sendFile(
  response: ServerResponse,
  path: string,
  headers: Record<string, string>,
  headOnly = false,
): void {
  const isIndex = path.endsWith('index.html');
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
    // Hashed assets may be cached; the page itself must not be, so a new build shows at once.
    'Cache-Control': isIndex ? 'no-store' : 'private, max-age=3600',
  });
  if (headOnly) response.end();
  else createReadStream(path).pipe(response);
}
