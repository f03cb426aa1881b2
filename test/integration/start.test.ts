import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitFor } from './support/wait.ts';

// `npm start` exactly as a newcomer runs it, on a machine with no kubeconfig (HOME is a fresh
// folder) and no Electron binary (it cannot download here): it must fall back to the browser
// host, connected to the demo cluster.

const root = join(import.meta.dirname, '..', '..');
const home = mkdtempSync(join(tmpdir(), 'foresight-home-'));
let child: ChildProcess | undefined;
let output = '';

afterAll(() => {
  // The app runs in its own process group: stop npm, node and the host together.
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

describe('npm start on a machine without Electron or a kubeconfig', () => {
  it(
    'serves the UI on 127.0.0.1 with a token, connected to the demo cluster',
    { timeout: 180_000 },
    async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, FORESIGHT_DATA_DIR: join(home, 'data') };
      delete env.KUBECONFIG;
      delete env.FORESIGHT_HOST;
      child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

      const url = await waitFor(
        'the "Foresight is running at" line',
        () => /Foresight is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)?.[1],
        150_000,
      );
      expect(output).toMatch(/Electron is not installed .*starting the browser host instead/);
      expect(output).toMatch(/No kubeconfig found: starting the demo cluster/);

      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const { origin, searchParams } = new URL(url);
      expect((await fetch(origin + '/')).status).toBe(401);

      const ws = new WebSocket(
        `${origin.replace('http', 'ws')}/contract?token=${searchParams.get('token')}`,
        {
          headers: { Origin: origin },
        },
      );
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const call = (id: number) =>
        new Promise<{
          ok: boolean;
          result?: { connection: { state: string; demo: boolean; context: string } };
        }>((resolve) => {
          ws.on('message', function onMessage(data) {
            const message = JSON.parse(data.toString());
            if (message.kind !== 'reply' || message.id !== id) return;
            ws.off('message', onMessage);
            resolve(message);
          });
          ws.send(JSON.stringify({ kind: 'request', id, method: 'app.status' }));
        });
      try {
        let reply = await call(1);
        for (let id = 2; reply.result?.connection.state !== 'connected' && id < 120; id++) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          reply = await call(id);
        }
        expect(reply.ok).toBe(true);
        expect(reply.result?.connection).toMatchObject({
          state: 'connected',
          demo: true,
          context: 'foresight-demo',
        });
      } finally {
        ws.close();
      }
    },
  );
});
