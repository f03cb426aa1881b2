import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ContractHandler, EventEnvelope, ReplyEnvelope } from '../contract/index.ts';
import { contractError, errorReply, validateRequest } from '../contract/index.ts';
import { startWebHost, type WebHost } from './server.ts';

/** A stand-in backend: the host's job is transport and security, not answers. */
function echoHandler(): ContractHandler & { push(event: EventEnvelope): void } {
  const listeners = new Set<(event: EventEnvelope) => void>();
  return {
    async handle(raw: unknown): Promise<ReplyEnvelope> {
      const v = validateRequest(raw);
      if (!v.ok) return errorReply(v.id, v.error);
      return errorReply(v.request.id, contractError('Unavailable', `echo ${v.request.method}`));
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(event) {
      for (const l of listeners) l(event);
    },
  };
}

let host: WebHost;
const handler = echoHandler();
const staticDir = mkdtempSync(join(tmpdir(), 'foresight-web-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Foresight</title>');
writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');

beforeAll(async () => {
  host = await startWebHost({ handler, staticDir });
});
afterAll(async () => {
  await host.close();
});

const base = () => `http://127.0.0.1:${host.port}`;

function openSocket(path: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('browser host over HTTP', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    ['no token', '/'],
    ['wrong token', '/?token=not-the-token'],
    ['asset without token', '/app.js'],
  ])('%s → 401', async (_name, path) => {
    const response = await fetch(base() + path);
    expect(response.status).toBe(401);
  });

  it('serves the page with the token, sets an HttpOnly cookie and a CSP', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Foresight</title>');
    expect(response.headers.get('set-cookie')).toMatch(/foresight_token=.*HttpOnly; SameSite=Strict/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves assets to the cookie the page received', async () => {
    const response = await fetch(`${base()}/app.js`, {
      headers: { cookie: `foresight_token=${host.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves files outside the renderer folder', async () => {
    const escape = await fetch(`${base()}/..%2f..%2f..%2f..%2fetc%2fpasswd?token=${host.token}`);
    expect(await escape.text()).not.toContain('root:');
    const withExtension = await fetch(`${base()}/..%2f..%2fpackage.json?token=${host.token}`);
    expect(withExtension.status).toBe(404);
  });

  it('answers HEAD with headers only', async () => {
    const response = await fetch(host.url, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses writes', async () => {
    const response = await fetch(host.url, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('contract over WebSocket', () => {
  const origin = () => `http://127.0.0.1:${host.port}`;

  it('refuses an upgrade without the token', async () => {
    await expect(openSocket('/contract', { Origin: origin() })).rejects.toThrow('HTTP 401');
  });

  it('refuses an upgrade from a foreign Origin, even with the token', async () => {
    await expect(
      openSocket(`/contract?token=${host.token}`, { Origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 403');
  });

  it('refuses an upgrade with no Origin at all', async () => {
    await expect(openSocket(`/contract?token=${host.token}`, {})).rejects.toThrow('HTTP 403');
  });

  it('answers requests by id, relays events, and answers bad JSON with a typed error', async () => {
    const ws = await openSocket(`/contract?token=${host.token}`, { Origin: origin() });
    try {
      ws.send(JSON.stringify({ kind: 'request', id: 7, method: 'nodes.list', params: {} }));
      expect(await nextMessage(ws)).toMatchObject({
        kind: 'reply',
        id: 7,
        ok: false,
        error: { message: 'echo nodes.list' },
      });

      ws.send('{not json');
      expect(await nextMessage(ws)).toMatchObject({ ok: false, id: null, error: { code: 'BadRequest' } });

      const event: EventEnvelope = {
        kind: 'event',
        name: 'nodes',
        payload: { at: 1, nodes: [], metricsAvailable: true },
      };
      const received = nextMessage(ws);
      handler.push(event);
      expect(await received).toEqual(event);
    } finally {
      ws.close();
    }
  });
});
