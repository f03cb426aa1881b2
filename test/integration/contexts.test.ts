import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoThread, type RunningDemo } from '../../core/backend/demo-thread.ts';
import { createBackend, type Backend } from '../../core/backend/index.ts';
import type {
  AppStatus,
  ContextCheckResult,
  ContextsList,
  EventEnvelope,
  NodesSnapshot,
  SettingsView,
} from '../../core/contract/index.ts';
import { contextFrom, writeKubeconfig, type ContextParts } from '../support/kubeconfig-contexts.ts';
import { waitFor } from './support/wait.ts';

// Two real demo clusters (each its own API server thread) behind one kubeconfig with two
// contexts, alpha and beta: the backend connects to one, switches to the other without a
// restart, remembers the choice, and notices when the kubeconfig file changes.

const dir = mkdtempSync(join(tmpdir(), 'foresight-contexts-'));
const merged = join(dir, 'kubeconfig.yaml');
const demos: RunningDemo[] = [];
const backends: Backend[] = [];
let requestId = 0;

let alpha: ContextParts;
let beta: ContextParts;

beforeAll(async () => {
  demos.push(await startDemoThread({ seed: 1, nodes: 3, podsPerNode: 2 }, join(dir, 'a.yaml')));
  demos.push(await startDemoThread({ seed: 2, nodes: 5, podsPerNode: 2 }, join(dir, 'b.yaml')));
  alpha = contextFrom(join(dir, 'a.yaml'), 'alpha');
  beta = contextFrom(join(dir, 'b.yaml'), 'beta');
  writeKubeconfig(merged, [alpha, beta], 'alpha');
});

afterAll(async () => {
  for (const backend of backends) await backend.stop();
  for (const demo of demos) await demo.stop();
});

async function start(dataDir: string) {
  const backend = await createBackend({
    host: 'test',
    dataDir,
    kubeconfigPath: [merged],
    collectIntervalMs: 300,
  });
  backends.push(backend);
  const events: EventEnvelope[] = [];
  backend.onEvent((e) => events.push(e));
  const nodesCount = (count: number) =>
    waitFor(`a snapshot of ${count} nodes`, () => {
      const last = events.filter((e) => e.name === 'nodes').at(-1)?.payload as NodesSnapshot | undefined;
      return last?.nodes.length === count ? last : undefined;
    });
  const call = async (method: string, params: object = {}) =>
    backend.handle({ kind: 'request', id: ++requestId, method, params });
  return { backend, events, nodesCount, call };
}

describe('contexts: pick, switch without a restart, remember', () => {
  it('connects to the current context, switches to another, and remembers it next time', async () => {
    const dataDir = join(dir, 'data');
    const first = await start(dataDir);
    await first.nodesCount(3);
    const listed = await first.call('contexts.list');
    expect(listed).toMatchObject({ ok: true });
    const list = (listed as { result: ContextsList }).result;
    expect(list.contexts.map((c) => `${c.source}:${c.name}`)).toEqual([
      'kubeconfig:alpha',
      'kubeconfig:beta',
      'demo:foresight-demo',
    ]);
    expect(list.selected).toEqual({ source: 'kubeconfig', name: 'alpha' });

    const switched = await first.call('contexts.select', { source: 'kubeconfig', name: 'beta' });
    expect(switched).toMatchObject({ ok: true, result: { selected: { name: 'beta' } } });
    await first.nodesCount(5);
    const status = await first.call('app.status');
    expect(status).toMatchObject({ ok: true, result: { connection: { context: 'beta' } } });

    await first.backend.stop();
    const second = await start(dataDir);
    await second.nodesCount(5);
  });

  it('refuses a context that does not exist, and stays connected', async () => {
    const { call, nodesCount } = await start(join(dir, 'data-2'));
    await nodesCount(3);
    const reply = await call('contexts.select', { source: 'kubeconfig', name: 'gamma' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BadRequest' } });
    expect(await call('app.status')).toMatchObject({
      ok: true,
      result: { connection: { context: 'alpha' } },
    });
  });

  it('notices a changed kubeconfig file and pushes the new context list', async () => {
    const { events, nodesCount } = await start(join(dir, 'data-3'));
    await nodesCount(3);
    const gamma = { ...beta, context: { name: 'gamma', context: beta.context.context } };
    writeKubeconfig(merged, [alpha, beta, gamma], 'alpha');
    const pushed = await waitFor('a contexts event naming gamma', () => {
      const last = events.filter((e) => e.name === 'contexts').at(-1)?.payload as ContextsList | undefined;
      return last?.contexts.some((c) => c.name === 'gamma') ? last : undefined;
    });
    expect(pushed.selected).toEqual({ source: 'kubeconfig', name: 'alpha' });
    writeKubeconfig(merged, [alpha, beta], 'alpha');
  });
});

describe('settings: extra kubeconfig folders, retention, and checking contexts on request', () => {
  it('merges an extra folder after KUBECONFIG, names a missing path, and checks a context only when asked', async () => {
    const { call, nodesCount, events } = await start(join(dir, 'data-4'));
    await nodesCount(3);
    const extraDir = join(dir, 'more');
    mkdirSync(extraDir);
    const delta = { ...beta, context: { name: 'delta', context: beta.context.context } };
    writeKubeconfig(join(extraDir, 'delta.yaml'), [delta], 'delta');
    // Nothing listens on port 1: this context's server refuses connections.
    const dead = {
      cluster: { name: 'dead-cluster', cluster: { server: 'https://127.0.0.1:1' } },
      user: { name: 'dead-user', user: { token: 'x' } },
      context: { name: 'dead', context: { cluster: 'dead-cluster', user: 'dead-user' } },
    };
    writeKubeconfig(join(extraDir, 'dead.yaml'), [dead], 'dead');

    const missing = join(dir, 'nope');
    const updated = await call('settings.update', { extraKubeconfigPaths: [extraDir, missing] });
    expect(updated).toMatchObject({ ok: true });
    const view = (updated as { result: SettingsView }).result;
    expect(view.kubeconfigFiles).toEqual([merged, join(extraDir, 'dead.yaml'), join(extraDir, 'delta.yaml')]);
    expect(view.problems).toEqual([{ file: missing, message: expect.stringMatching(/nope does not exist/) }]);

    const list = ((await call('contexts.list')) as { result: ContextsList }).result;
    expect(list.contexts.map((c) => c.name)).toEqual(['alpha', 'beta', 'dead', 'delta', 'foresight-demo']);
    // KUBECONFIG's current-context still wins over the extra files'.
    expect(list.selected).toEqual({ source: 'kubeconfig', name: 'alpha' });

    const reachable = (await call('contexts.check', { source: 'kubeconfig', name: 'delta' })) as {
      result: ContextCheckResult;
    };
    expect(reachable.result).toMatchObject({
      context: 'delta',
      reachable: true,
      version: expect.stringMatching(/^v1\./),
    });
    const refused = (await call('contexts.check', { source: 'kubeconfig', name: 'dead' })) as {
      result: ContextCheckResult;
    };
    expect(refused.result).toMatchObject({ reachable: false, message: expect.stringMatching(/refused/i) });
    expect(await call('contexts.check', { source: 'kubeconfig', name: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'BadRequest' },
    });

    // A file dropped into the added folder is a new kubeconfig: its context appears by itself.
    const epsilon = { ...beta, context: { name: 'epsilon', context: beta.context.context } };
    writeKubeconfig(join(extraDir, 'epsilon.yaml'), [epsilon], 'epsilon');
    await waitFor('a contexts event naming epsilon', () => {
      const last = events.filter((e) => e.name === 'contexts').at(-1)?.payload as ContextsList | undefined;
      return last?.contexts.some((c) => c.name === 'epsilon') ? true : undefined;
    });
  });

  it('a new retention is saved and collection restarts with it; a bad one is refused', async () => {
    const dataDir = join(dir, 'data-5');
    const { call, nodesCount } = await start(dataDir);
    await nodesCount(3);
    expect(await call('settings.update', { retentionDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'BadRequest' },
    });
    expect(await call('settings.update', { retentionDays: 3 })).toMatchObject({
      ok: true,
      result: { retentionDays: 3 },
    });
    const retention = async () =>
      ((await call('app.status')) as { result?: AppStatus }).result?.history.retentionDays;
    const deadline = Date.now() + 20_000;
    while ((await retention()) !== 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await retention()).toBe(3);
    const again = await start(dataDir);
    expect(await again.call('settings.get')).toMatchObject({ ok: true, result: { retentionDays: 3 } });
  });
});
