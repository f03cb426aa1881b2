import type { V1Node } from '@kubernetes/client-node';
import { ApiException } from '@kubernetes/client-node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../contract/index.ts';
import type { ClusterReader, NodeMetrics, PodPlacement } from '../kube/cluster-client.ts';
import { reduceNode } from '../kube/node-facts.ts';
import type { RawObject } from '../kube/resource-mirror.ts';
import { CollectorService } from './collector-service.ts';
import type { WorkerConfig } from './config.ts';

// The reader is scripted here because these tests are about how the service reacts to each
// kind of failure; the real client-node reader against the real demo server is covered by
// test/integration/data-path.test.ts.

function kubeconfigFile(dir: string): string {
  const path = join(dir, 'kubeconfig.yaml');
  writeFileSync(
    path,
    `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: 'https://10.0.0.1:6443'}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: ctx, context: {cluster: c, user: u}}]
current-context: ctx
`,
  );
  return path;
}

const node = (name: string): V1Node => ({
  metadata: { name, labels: { 'node-role.kubernetes.io/worker': '' } },
  status: {
    allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
});
const pod = (nodeName: string, phase = 'Running'): PodPlacement => ({ nodeName, phase });

type Script = {
  nodes?: () => Promise<V1Node[]>;
  pods?: () => Promise<PodPlacement[]>;
  metrics?: () => Promise<NodeMetrics[]>;
};

function scriptedReader(script: Script): ClusterReader {
  return {
    context: 'ctx',
    server: 'https://10.0.0.1:6443',
    // The raw Node JSON goes through the same reduction the list+watch mirror applies.
    listNodes: async () =>
      (await (script.nodes ?? (async () => [node('n1'), node('n2')]))()).map((n) =>
        reduceNode(n as RawObject),
      ),
    listPods: script.pods ?? (async () => [pod('n1'), pod('n1'), pod('n2', 'Succeeded')]),
    listNodeMetrics:
      script.metrics ??
      (async () => [
        { metadata: { name: 'n1' }, usage: { cpu: '500m', memory: '1Gi' } },
        { metadata: { name: 'n2' }, usage: { cpu: '250000000n', memory: '2048Ki' } },
      ]),
  };
}

const services: CollectorService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

function testConfig(kubeconfigPath: string, dataDir: string): WorkerConfig {
  return {
    host: 'test',
    version: '0.0.0',
    kubeconfigPath,
    demo: false,
    dataDir,
    // Long enough that the timer never fires during a test: each test drives collect() itself.
    collectIntervalMs: 60_000,
    retentionDays: 7,
  };
}

function serviceWith(script: Script) {
  const dir = mkdtempSync(join(tmpdir(), 'foresight-worker-'));
  const config = testConfig(kubeconfigFile(dir), dir);
  const events: EventEnvelope[] = [];
  const service = new CollectorService(config, (e) => events.push(e), {
    createReader: () => scriptedReader(script),
  });
  services.push(service);
  service.start();
  const last = (name: EventEnvelope['name']) => events.filter((e) => e.name === name).at(-1)?.payload;
  return { service, events, last, dir };
}

const connectionOf = (payload: unknown) => payload as { state: string; message?: string; context: string };

describe('CollectorService', () => {
  it('collects nodes, counts running pods, parses metrics, and records history', async () => {
    const { service, last } = serviceWith({});
    await service.collect();
    expect(connectionOf(last('connection'))).toMatchObject({ state: 'connected', context: 'ctx' });
    const nodes = last('nodes') as { nodes: Array<Record<string, unknown>>; metricsAvailable: boolean };
    expect(nodes.metricsAvailable).toBe(true);
    expect(nodes.nodes).toEqual([
      expect.objectContaining({
        name: 'n1',
        pods: 2,
        cpuMillis: 500,
        memoryBytes: 2 ** 30,
        roles: ['worker'],
      }),
      expect.objectContaining({ name: 'n2', pods: 0, cpuMillis: 250, memoryBytes: 2 ** 21, ready: true }),
    ]);
    expect(last('history')).toMatchObject({ state: 'ok', sampleCount: 2 });
    const series = service.handle({ id: 1, method: 'history.nodeSeries', params: { node: 'n1', since: 0 } });
    expect(series).toMatchObject({ ok: true, result: { points: [{ cpuMillis: 500, pods: 2 }] } });
  });

  it('reports an unreachable cluster as disconnected, in words, and recovers when it answers', async () => {
    let down = true;
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:6443'), { code: 'ECONNREFUSED' });
    const { service, last } = serviceWith({
      nodes: async () => {
        if (down) throw refused;
        return [node('n1')];
      },
    });
    await service.collect();
    expect(connectionOf(last('connection'))).toMatchObject({ state: 'disconnected' });
    expect(connectionOf(last('connection')).message).toMatch(
      /Cannot reach https:\/\/10\.0\.0\.1:6443: connection refused/,
    );
    down = false;
    await service.collect();
    expect(connectionOf(last('connection')).state).toBe('connected');
  });

  it('never shows credentials a kubeconfig put in the server URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foresight-worker-'));
    const path = join(dir, 'kubeconfig.yaml');
    writeFileSync(
      path,
      `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: 'https://admin:hunter2@10.0.0.1:6443'}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: ctx, context: {cluster: c, user: u}}]
current-context: ctx
`,
    );
    const events: EventEnvelope[] = [];
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const service = new CollectorService(testConfig(path, dir), (e) => events.push(e), {
      createReader: (loaded) => ({
        ...scriptedReader({ nodes: async () => Promise.reject(refused) }),
        server: loaded.server,
      }),
    });
    services.push(service);
    service.start();
    await service.collect();
    const shown = JSON.stringify(events);
    expect(shown).toContain('https://10.0.0.1:6443');
    expect(shown).not.toContain('hunter2');
  });

  it('degrades, not fails, when metrics-server is missing', async () => {
    const { service, last } = serviceWith({
      metrics: async () => {
        throw new ApiException(
          404,
          'not found',
          '{"message":"the server could not find the requested resource"}',
          {},
        );
      },
    });
    await service.collect();
    const status = connectionOf(last('connection'));
    expect(status.state).toBe('degraded');
    expect(status.message).toMatch(/Metrics unavailable/);
    const nodes = last('nodes') as { nodes: Array<{ cpuMillis: number | null }>; metricsAvailable: boolean };
    expect(nodes.metricsAvailable).toBe(false);
    expect(nodes.nodes.every((n) => n.cpuMillis === null)).toBe(true);
  });

  it('says a 403 on nodes is a permission problem', async () => {
    const { service, last } = serviceWith({
      nodes: async () => {
        throw new ApiException(
          403,
          'forbidden',
          '{"message":"nodes is forbidden: User \\"bob\\" cannot list"}',
          {},
        );
      },
    });
    await service.collect();
    expect(connectionOf(last('connection')).message).toMatch(/Forbidden \(403\).*cannot list.*RBAC/);
  });

  it('keeps collecting when the history database is corrupt, and says where the old file went', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foresight-worker-'));
    const { historyPath } = await import('../history/history-path.ts');
    const { mkdirSync } = await import('node:fs');
    const dbPath = historyPath(dir, { demo: false, server: 'https://10.0.0.1:6443' });
    mkdirSync(join(dbPath, '..'), { recursive: true });
    writeFileSync(dbPath, 'garbage '.repeat(1000));
    const events: EventEnvelope[] = [];
    const service = new CollectorService(testConfig(kubeconfigFile(dir), dir), (e) => events.push(e), {
      createReader: () => scriptedReader({}),
    });
    services.push(service);
    service.start();
    await service.collect();
    const history = events.filter((e) => e.name === 'history').at(-1)?.payload as {
      state: string;
      message: string;
    };
    expect(history.state).toBe('ok');
    expect(history.message).toMatch(/damaged; it was moved to .*\.corrupt-/);
  });

  it('answers a broken kubeconfig with a clear disconnected state, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'foresight-worker-'));
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'clusters: [this is: not: valid yaml');
    const events: EventEnvelope[] = [];
    const service = new CollectorService(testConfig(path, dir), (e) => events.push(e));
    services.push(service);
    service.start();
    const status = connectionOf(events.find((e) => e.name === 'connection')?.payload);
    expect(status.state).toBe('disconnected');
    expect(status.message).toContain(path);
    expect(service.handle({ id: 1, method: 'history.nodeSeries', params: { node: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'StoreError' },
    });
  });
});
