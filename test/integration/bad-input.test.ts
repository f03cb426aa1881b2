import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../core/backend/index.ts';
import type { EventEnvelope } from '../../core/contract/index.ts';
import { historyPath } from '../../core/history/history-path.ts';
import { closedPort } from '../support/ports.ts';
import { waitFor } from './support/wait.ts';

const backends: Backend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.stop();
});

async function start(options: Parameters<typeof createBackend>[0]) {
  const backend = await createBackend(options);
  backends.push(backend);
  const events: EventEnvelope[] = [];
  backend.onEvent((e) => events.push(e));
  const latest = <T>(name: EventEnvelope['name']) =>
    events.filter((e) => e.name === name).at(-1)?.payload as T | undefined;
  return { backend, events, latest };
}

function kubeconfigFor(dir: string, server: string): string {
  const path = join(dir, 'kubeconfig.yaml');
  writeFileSync(
    path,
    `apiVersion: v1
kind: Config
clusters: [{name: gone, cluster: {server: '${server}', insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: gone-ctx, context: {cluster: gone, user: u}}]
current-context: gone-ctx
`,
  );
  return path;
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'foresight-bad-'));
type Connection = { state: string; message?: string; context: string };
type History = { state: string; message?: string };
type Nodes = { nodes: unknown[] };

describe('bad input never crashes the app and always says what to do', () => {
  it('malformed contract requests get typed error replies, and the backend keeps answering', async () => {
    const { backend } = await start({
      host: 'test',
      dataDir: tempDir(),
      demo: { nodes: 3 },
      collectIntervalMs: 500,
    });
    for (const raw of [
      undefined,
      42,
      'app.status',
      { kind: 'request' },
      { kind: 'request', id: 1, method: 'x.y' },
    ]) {
      const reply = await backend.handle(raw);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(['BadRequest', 'UnknownMethod']).toContain(reply.error.code);
    }
    const bad = await backend.handle({
      kind: 'request',
      id: 9,
      method: 'history.nodeSeries',
      params: { node: '' },
    });
    expect(bad).toMatchObject({ id: 9, ok: false, error: { code: 'BadRequest' } });
    const good = await backend.handle({ kind: 'request', id: 10, method: 'app.status' });
    expect(good).toMatchObject({ id: 10, ok: true, result: { host: 'test' } });
  });

  it('an unreachable cluster URL gives a disconnected state that names the server', async () => {
    const dir = tempDir();
    const server = `https://127.0.0.1:${await closedPort()}`;
    const { backend, latest } = await start({
      host: 'test',
      dataDir: dir,
      kubeconfigPath: kubeconfigFor(dir, server),
      demo: false,
      collectIntervalMs: 500,
    });
    const status = await waitFor('a disconnected status', () => {
      const c = latest<Connection>('connection');
      return c?.state === 'disconnected' ? c : undefined;
    });
    expect(status.context).toBe('gone-ctx');
    expect(status.message).toContain(`Cannot reach ${server}: connection refused`);
    const reply = await backend.handle({ kind: 'request', id: 1, method: 'nodes.list' });
    expect(reply).toMatchObject({ ok: true, result: { nodes: [] } });
  });

  it('a corrupt SQLite file is moved aside, history restarts, and live data keeps flowing', async () => {
    const dir = tempDir();
    const path = historyPath(dir, { demo: true });
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'SQLite format 2\0 but not really '.repeat(500));
    const { latest } = await start({
      host: 'test',
      dataDir: dir,
      demo: { nodes: 3 },
      collectIntervalMs: 300,
    });
    await waitFor('nodes', () => ((latest<Nodes>('nodes')?.nodes.length ?? 0) > 0 ? true : undefined));
    const history = await waitFor('history ok', () => {
      const h = latest<History & { sampleCount: number }>('history');
      return h?.state === 'ok' && h.sampleCount > 0 ? h : undefined;
    });
    expect(history.message).toMatch(/damaged; it was moved to .*demo\.db\.corrupt-/);
  });

  it('a SQLite file locked by another process is reported, and live data keeps flowing', async () => {
    const dir = tempDir();
    const path = historyPath(dir, { demo: true });
    mkdirSync(join(path, '..'), { recursive: true });
    const holder = new Database(path);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);');
    try {
      const { latest } = await start({
        host: 'test',
        dataDir: dir,
        demo: { nodes: 3 },
        collectIntervalMs: 300,
      });
      const history = await waitFor('history unavailable', () => {
        const h = latest<History>('history');
        return h?.state === 'unavailable' ? h : undefined;
      });
      expect(history.message).toMatch(/locked by another process/);
      await waitFor('live nodes despite the lock', () =>
        (latest<Nodes>('nodes')?.nodes.length ?? 0) > 0 ? true : undefined,
      );
      expect(latest<Connection>('connection')?.state).toBe('connected');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
