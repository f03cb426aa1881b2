import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { keys } from '../sim/store/api-resources.ts';
import { TcpProxy } from '../../test/support/tcp-proxy.ts';
import { ResourceMirror, type MirrorState, type RawObject } from './resource-mirror.ts';

// Against the real demo API server (core/demo) with its fault-injection knobs: list, watch,
// 410 Gone, dropped watches, 500s, 429 with Retry-After, 403, and the server going away.

interface NodeFacts {
  name: string;
  unschedulable: boolean;
}

const servers: DemoServer[] = [];
const mirrors: ResourceMirror<NodeFacts>[] = [];

afterEach(async () => {
  for (const mirror of mirrors.splice(0)) mirror.stop();
  for (const server of servers.splice(0)) await server.close();
});

async function setup(serverOptions: { tlsPort?: number } = {}) {
  const server = await startDemoServer({ seed: 4, nodes: 4, podsPerNode: 2, ...serverOptions });
  servers.push(server);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(server.kubeconfigYaml());
  const changes: string[] = [];
  const states: MirrorState[] = [];
  const mirror = new ResourceMirror<NodeFacts>({
    kubeConfig,
    server: kubeConfig.getCurrentCluster()?.server ?? '',
    path: '/api/v1/nodes',
    reduce: (raw: RawObject) => ({
      name: raw.metadata?.name ?? '',
      unschedulable: (raw['spec'] as { unschedulable?: boolean } | undefined)?.unschedulable ?? false,
    }),
    onChange: (type, after) => changes.push(`${type} ${after.name} ${after.unschedulable}`),
    onState: (state) => states.push(state),
    baseBackoffMs: 50,
    maxBackoffMs: 200,
    pageSize: 2,
  });
  mirrors.push(mirror);
  mirror.start();
  await mirror.whenSynced();
  return { server, mirror, changes, states };
}

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function cordon(server: DemoServer, name: string): void {
  server.backend.store.mutate(keys.nodes, undefined, name, (node) => {
    (node['spec'] as Record<string, unknown>)['unschedulable'] = true;
  });
}

const firstNode = (mirror: ResourceMirror<NodeFacts>) => [...mirror.objects.keys()][0] ?? '';

describe('ResourceMirror', () => {
  it('lists in pages, then follows changes through the watch', async () => {
    const { server, mirror, changes } = await setup();
    expect(mirror.objects.size).toBe(server.backend.store.count(keys.nodes));
    const name = firstNode(mirror);
    cordon(server, name);
    await until('the cordon to arrive', () => mirror.objects.get(name)?.unschedulable === true);
    expect(changes).toContain(`MODIFIED ${name} true`);
    server.backend.store.delete(keys.nodes, undefined, name);
    await until('the deletion to arrive', () => !mirror.objects.has(name));
  });

  it('relists on 410 Gone and misses nothing', async () => {
    const { server, mirror } = await setup();
    const lists = mirror.state.lists;
    server.faults.set({ watchGone: 1 });
    // Force the current watch to end so the next one meets the 410.
    server.faults.set({ dropWatchAfterSeconds: 0.1 });
    await until('a relist', () => mirror.state.lists > lists);
    server.faults.set({ dropWatchAfterSeconds: 0 });
    const name = firstNode(mirror);
    cordon(server, name);
    await until('the change after the relist', () => mirror.objects.get(name)?.unschedulable === true);
  });

  it('re-opens dropped watches from where it was', async () => {
    const { server, mirror } = await setup();
    server.faults.set({ dropWatchAfterSeconds: 0.2 });
    const watches = mirror.state.watches;
    await until('two more watches', () => mirror.state.watches >= watches + 2);
    const name = firstNode(mirror);
    cordon(server, name);
    await until('a change across drops', () => mirror.objects.get(name)?.unschedulable === true);
  });

  it('retries through 500s, saying why, and recovers', async () => {
    const { server, mirror, states } = await setup();
    server.faults.set({ errorRate: 1, dropWatchAfterSeconds: 0.1 });
    await until('a retrying state', () => states.some((s) => s.phase === 'retrying'));
    expect(states.find((s) => s.phase === 'retrying')?.problem?.message).toMatch(/500/);
    server.faults.set({ errorRate: 0, dropWatchAfterSeconds: 0 });
    await until('synced again', () => mirror.state.phase === 'synced');
  });

  it('waits out a 429 for its Retry-After', async () => {
    const { server, mirror, states } = await setup();
    server.faults.set({ throttleRate: 1, retryAfterSeconds: 1, dropWatchAfterSeconds: 0.1 });
    await until('a throttled state', () => states.some((s) => s.problem?.status === 429));
    const throttledAt = Date.now();
    server.faults.set({ throttleRate: 0, dropWatchAfterSeconds: 0 });
    await until('synced again', () => mirror.state.phase === 'synced' && Date.now() - throttledAt > 0);
    // It did not hammer the server: at most a couple of attempts within the Retry-After second.
    const throttled = states.filter((s) => s.problem?.status === 429).length;
    expect(throttled).toBeLessThanOrEqual(3);
  });

  it('mirrors only what its field selector matches, in the list and in the watch', async () => {
    const { server } = await setup();
    const event = (name: string, type: string) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' },
      type,
      reason: 'Test',
      message: name,
      involvedObject: { kind: 'Node', name: 'n' },
    });
    server.backend.store.create(keys.events, event('listed-warning', 'Warning'));
    server.backend.store.create(keys.events, event('listed-normal', 'Normal'));
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(server.kubeconfigYaml());
    const seen: string[] = [];
    const warnings = new ResourceMirror<string>({
      kubeConfig,
      server: kubeConfig.getCurrentCluster()?.server ?? '',
      path: '/api/v1/events',
      fieldSelector: 'type=Warning',
      reduce: (raw) => raw.metadata?.name ?? '',
      onChange: (type, name) => seen.push(`${type} ${name}`),
    });
    mirrors.push(warnings as unknown as ResourceMirror<NodeFacts>);
    warnings.start();
    await warnings.whenSynced();
    const listed = [...warnings.objects.values()].filter((name) => name.startsWith('listed-'));
    expect(listed).toEqual(['listed-warning']);
    server.backend.store.create(keys.events, event('watched-normal', 'Normal'));
    server.backend.store.create(keys.events, event('watched-warning', 'Warning'));
    await until('the watched warning', () => seen.includes('ADDED watched-warning'));
    expect(seen.filter((line) => line.includes('normal'))).toEqual([]);
  });

  it('reports a 403 as a permission problem', async () => {
    const { server, states } = await setup();
    server.faults.set({ forbidden: [{ resource: 'nodes' }], dropWatchAfterSeconds: 0.1 });
    await until('a forbidden state', () => states.some((s) => s.problem?.status === 403));
    expect(states.find((s) => s.problem?.status === 403)?.problem?.message).toMatch(/Forbidden \(403\)/);
  });

  it('survives the server going away and coming back on the same address', async () => {
    const server = await startDemoServer({ seed: 4, nodes: 4, podsPerNode: 2 });
    servers.push(server);
    const proxy = new TcpProxy(server.tlsPort);
    const port = await proxy.start();
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(server.kubeconfigYaml().replace(`:${server.tlsPort}`, `:${port}`));
    const states: MirrorState[] = [];
    const mirror = new ResourceMirror<NodeFacts>({
      kubeConfig,
      server: `https://127.0.0.1:${port}`,
      path: '/api/v1/nodes',
      reduce: (raw: RawObject) => ({
        name: raw.metadata?.name ?? '',
        unschedulable: (raw['spec'] as { unschedulable?: boolean } | undefined)?.unschedulable ?? false,
      }),
      onState: (state) => states.push(state),
      baseBackoffMs: 50,
      maxBackoffMs: 200,
    });
    mirrors.push(mirror);
    mirror.start();
    await mirror.whenSynced();
    await proxy.stop();
    await until('an unreachable state', () =>
      states.some((s) => /Cannot reach/.test(s.problem?.message ?? '')),
    );
    const name = firstNode(mirror);
    cordon(server, name); // happens while the mirror cannot see the server
    await proxy.start(port);
    await until('the change made during the outage', () => mirror.objects.get(name)?.unschedulable === true);
    expect(mirror.state.phase).toBe('synced');
    await proxy.stop();
  });
});
