import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../core/backend/index.ts';
import type { LlmExplanation, ReplyEnvelope, SettingsView } from '../../core/contract/index.ts';
import { historyPath } from '../../core/history/history-path.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { simulatorWorkloadSeries } from '../../core/scaling/sim-workloads.ts';

// The optional LLM explanation through the real backend (demo cluster, worker, history): off by
// default, the key set through settings.update and then never shown again — not in replies,
// settings.json, any file of the data directory, or console output. api.anthropic.com cannot be
// reached from here, so a local HTTP server answers in the Messages API's shape in its place.

const KEY = 'sk-ant-api03-INTEGRATION-secret-0123456789';
const STEP = 300_000;
const frontend = { namespace: 'shop', kind: 'Deployment', name: 'frontend' } as const;

let backend: Backend;
let server: Server;
let dataDir: string;
let answerStatus = 200;
const seenKeys: (string | undefined)[] = [];
const printed: string[] = [];
let id = 0;

function seedHistory(dir: string): void {
  const store = HistoryStore.open(historyPath(dir, { demo: true }));
  const now = Math.floor(Date.now() / STEP) * STEP;
  const start = now - 2 * 86_400_000;
  const series = simulatorWorkloadSeries({ seed: 1, days: 2, stepMs: STEP, startMs: start });
  for (let i = 0; i < (series[0]?.cpuMillis.length ?? 0); i++) {
    store.usage.insert(
      start + i * STEP,
      [],
      series.map((s) => {
        const [namespace = '', name = ''] = s.workload.split('/');
        const cpu = s.cpuMillis[i] ?? 0;
        const memory = s.podMemoryBytes[i] ?? 0;
        return {
          namespace,
          kind: s.kind,
          name,
          pods: s.replicas,
          cpuMillis: cpu,
          cpuMaxMillis: cpu / s.replicas,
          memoryBytes: memory * s.replicas,
          memoryMaxBytes: memory,
          cpuRequestMillis: s.requestCpuMillis * s.replicas,
          memoryRequestBytes: s.requestMemoryBytes * s.replicas,
        };
      }),
    );
  }
  store.close();
}

async function call(method: string, params: object = {}): Promise<ReplyEnvelope> {
  return backend.handle({ kind: 'request', id: ++id, method, params });
}

async function settings(change?: object): Promise<SettingsView> {
  const reply = change ? await call('settings.update', change) : await call('settings.get');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result as SettingsView;
}

async function explain(): Promise<LlmExplanation> {
  const reply = await call('scaling.explainWithLlm', { workload: frontend });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result as LlmExplanation;
}

/** Every file under the data directory, as text (the history database included). */
function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? everyFile(path) : [readFileSync(path).toString('latin1')];
  });
}

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
    );
  }
  server = createServer((req, res) => {
    seenKeys.push(req.headers['x-api-key'] as string | undefined);
    req.resume();
    req.on('end', () => {
      res.writeHead(answerStatus, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          answerStatus === 200
            ? {
                model: 'claude-sonnet-4-5',
                content: [{ type: 'text', text: 'Keep frontend as the advice says.' }],
              }
            : { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${KEY}` } },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dataDir = mkdtempSync(join(tmpdir(), 'foresight-llm-'));
  seedHistory(dataDir);
  backend = await createBackend({
    host: 'test',
    dataDir,
    demo: { seed: 1, nodes: 3 },
    collectIntervalMs: 1000,
    anthropicBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  });
});

afterAll(async () => {
  await backend?.stop();
  await new Promise((resolve) => server?.close(resolve));
  vi.restoreAllMocks();
});

describe('LLM explanations through the backend', () => {
  it('are off by default, and then the plain explanation is all there is', async () => {
    expect((await settings()).llm).toEqual({
      enabled: false,
      model: 'claude-sonnet-4-5',
      keySet: false,
      keyStorage: 'session',
    });
    const off = await explain();
    expect(off.status).toBe('off');
    expect(off.plain.length).toBeGreaterThan(0);
    expect(seenKeys).toEqual([]);
  });

  it('take a key once and never show it again; a refused key falls back to the plain explanation', async () => {
    const view = await settings({ llm: { enabled: true, apiKey: KEY } });
    expect(view.llm).toMatchObject({ enabled: true, keySet: true, keyStorage: 'session' });
    expect(JSON.stringify(view)).not.toContain(KEY);

    const written = await explain();
    expect(written).toMatchObject({ status: 'written', text: 'Keep frontend as the advice says.' });
    expect(seenKeys).toEqual([KEY]);

    answerStatus = 401;
    const refused = await explain();
    expect(refused.status).toBe('failed');
    expect(refused.message).toMatch(/refused the API key \(401\)/);
    // The advice itself stays (the live collector may have changed it since).
    expect(refused.plain.length).toBeGreaterThan(0);
    expect(JSON.stringify(refused)).not.toContain(KEY);

    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      llmEnabled: true,
    });
    for (const text of everyFile(dataDir)) expect(text).not.toContain(KEY);
    for (const line of printed) expect(line).not.toContain(KEY);

    const cleared = await settings({ llm: { clearKey: true } });
    expect(cleared.llm.keySet).toBe(false);
    expect((await explain()).status).toBe('no-key');
  });

  it('bad settings input gets a clear error, not a crash, and does not echo the key', async () => {
    const reply = await call('settings.update', { llm: { model: 'not a model id', apiKey: `${KEY}\u0000` } });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.message).toMatch(/llm\.model/);
    expect(JSON.stringify(reply)).not.toContain(KEY);
  });
});
