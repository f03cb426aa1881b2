import { load as parseYaml, dump as toYaml } from 'js-yaml';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoThread, type RunningDemo } from '../../core/backend/demo-thread.ts';
import { createBackend, type Backend } from '../../core/backend/index.ts';
import type { ContextsList, EventEnvelope, NodesSnapshot } from '../../core/contract/index.ts';
import { waitFor } from './support/wait.ts';

// Two real demo clusters (each its own API server thread) behind one kubeconfig with two
// contexts, alpha and beta: the backend connects to one, switches to the other without a
// restart, remembers the choice, and notices when the kubeconfig file changes.

interface Kubeconfig {
  clusters: Array<{ name: string; cluster: unknown }>;
  users: Array<{ name: string; user: unknown }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  'current-context'?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'foresight-contexts-'));
const merged = join(dir, 'kubeconfig.yaml');
const demos: RunningDemo[] = [];
const backends: Backend[] = [];
let requestId = 0;

function contextFrom(kubeconfigPath: string, name: string) {
  const config = parseYaml(readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig;
  const context = config.contexts.find((c) => c.name === config['current-context']) ?? config.contexts[0];
  if (!context) throw new Error(`no context in ${kubeconfigPath}`);
  const cluster = config.clusters.find((c) => c.name === context.context.cluster);
  const user = config.users.find((u) => u.name === context.context.user);
  return {
    cluster: { name: `${name}-cluster`, cluster: cluster?.cluster },
    user: { name: `${name}-user`, user: user?.user },
    context: { name, context: { cluster: `${name}-cluster`, user: `${name}-user` } },
  };
}

function writeKubeconfig(parts: Array<ReturnType<typeof contextFrom>>, current: string): void {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: parts.map((p) => p.cluster),
    users: parts.map((p) => p.user),
    contexts: parts.map((p) => p.context),
    'current-context': current,
  };
  writeFileSync(merged, toYaml(config));
}

let alpha: ReturnType<typeof contextFrom>;
let beta: ReturnType<typeof contextFrom>;

beforeAll(async () => {
  demos.push(await startDemoThread({ seed: 1, nodes: 3, podsPerNode: 2 }, join(dir, 'a.yaml')));
  demos.push(await startDemoThread({ seed: 2, nodes: 5, podsPerNode: 2 }, join(dir, 'b.yaml')));
  alpha = contextFrom(join(dir, 'a.yaml'), 'alpha');
  beta = contextFrom(join(dir, 'b.yaml'), 'beta');
  writeKubeconfig([alpha, beta], 'alpha');
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
    writeKubeconfig([alpha, beta, gamma], 'alpha');
    const pushed = await waitFor('a contexts event naming gamma', () => {
      const last = events.filter((e) => e.name === 'contexts').at(-1)?.payload as ContextsList | undefined;
      return last?.contexts.some((c) => c.name === 'gamma') ? last : undefined;
    });
    expect(pushed.selected).toEqual({ source: 'kubeconfig', name: 'alpha' });
    writeKubeconfig([alpha, beta], 'alpha');
  });
});
