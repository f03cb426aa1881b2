import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'foresight_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The token may come in the URL (the link the host prints) or in the cookie set when that link
 * was first opened (so the page's own assets and socket need not carry it).
 */
export function tokenFrom(request: IncomingMessage): { token: string | undefined; fromQuery: boolean } {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const query = url.searchParams.get('token');
  if (query) return { token: query, fromQuery: true };
  return { token: cookieValue(request.headers.cookie, tokenCookie), fromQuery: false };
}

export function hasValidToken(request: IncomingMessage, expected: string): boolean {
  const { token } = tokenFrom(request);
  return token !== undefined && sameSecret(token, expected);
}
