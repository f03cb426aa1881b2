import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulation } from '../../sim/simulation.ts';
import { startDemoServer, type DemoServer } from '../server.ts';
import { legacySimulationBackend } from './sim-backend.ts';
import { asArray, asRecord, frozenSimulation, httpGet, itemsOf, nameOf } from '../testing/http.ts';

let server: DemoServer;
let sim: Simulation;
const get = (path: string, accept?: string) =>
  httpGet(`${server.url}${path}`, { token: server.token, ...(accept ? { accept } : {}) });

beforeAll(async () => {
  // 100 nodes x 20 pods: usage compared with the frozen simulation.
  sim = frozenSimulation({ seed: 4, nodes: 100, podsPerNode: 20 });
  server = await startDemoServer({ backend: legacySimulationBackend(sim) });
});
afterAll(async () => {
  await server.close();
});

describe('metrics.k8s.io', () => {
  const parseCpu = (q: string) =>
    q.endsWith('n')
      ? Number(q.slice(0, -1)) / 1e6
      : q.endsWith('u')
        ? Number(q.slice(0, -1)) / 1e3
        : q.endsWith('m')
          ? Number(q.slice(0, -1))
          : Number(q) * 1000;
  const parseKi = (q: string) => {
    const units: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };
    const match = /^(\d+)(Ki|Mi|Gi)?$/.exec(q);
    if (!match) throw new Error(`not a memory quantity: ${q}`);
    return Number(match[1]) * (match[2] ? units[match[2]]! : 1);
  };

  it('reports node usage in metrics-server formats, equal to the simulation', async () => {
    const body = asRecord((await get('/apis/metrics.k8s.io/v1beta1/nodes')).json);
    expect(body).toMatchObject({ kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1' });
    const items = itemsOf(body);
    expect(items).toHaveLength(100);
    for (const item of items) {
      const usage = asRecord(item.usage);
      expect(usage.cpu).toMatch(/^\d+(n|u|m)?$/);
      expect(usage.memory).toMatch(/^\d+(Ki|Mi|Gi)$/);
      expect(item.window).toMatch(/^\d+(\.\d+)?s$/);
      const expected = sim.nodeUsage(nameOf(item), sim.now())!;
      expect(parseCpu(String(usage.cpu))).toBeCloseTo(expected.cpuMillis, 3);
      expect(Math.abs(parseKi(String(usage.memory)) - expected.memoryBytes)).toBeLessThanOrEqual(512);
    }
  });

  it('reports one node and answers 404 for an unknown one', async () => {
    const one = asRecord((await get('/apis/metrics.k8s.io/v1beta1/nodes/node-01')).json);
    expect(one.kind).toBe('NodeMetrics');
    expect(nameOf(one)).toBe('node-01');
    const missing = await get('/apis/metrics.k8s.io/v1beta1/nodes/node-999');
    expect(missing.status).toBe(404);
    expect(asRecord(missing.json).message).toBe('nodes.metrics.k8s.io "node-999" not found');
  });

  it('reports pod usage per container, across and within namespaces', async () => {
    const all = itemsOf((await get('/apis/metrics.k8s.io/v1beta1/pods')).json);
    expect(all).toHaveLength(2000);
    const inShop = itemsOf((await get('/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods')).json);
    expect(inShop.length).toBe(sim.cluster.pods.filter((p) => p.namespace === 'shop').length);
    const pod = sim.cluster.pods.find((p) => p.workload.containers.length === 2)!;
    const one = asRecord(
      (await get(`/apis/metrics.k8s.io/v1beta1/namespaces/${pod.namespace}/pods/${pod.name}`)).json,
    );
    expect(one.kind).toBe('PodMetrics');
    const containers = asArray(one.containers).map((c) => asRecord(c));
    expect(containers.map((c) => c.name)).toEqual(pod.workload.containers.map((c) => c.name));
    const total = containers.reduce((sum, c) => sum + parseCpu(String(asRecord(c.usage).cpu)), 0);
    expect(total).toBeCloseTo(sim.podUsage(pod.namespace, pod.name, sim.now())!.cpuMillis, 3);
  });

  it('changes between two collections as simulated time passes', async () => {
    const moving = await startDemoServer({ nodes: 5, podsPerNode: 10, speed: 3600 });
    try {
      const read = async () =>
        itemsOf(
          (await httpGet(`${moving.url}/apis/metrics.k8s.io/v1beta1/nodes`, { token: moving.token })).json,
        ).map((i) => asRecord(i.usage).cpu);
      const first = await read();
      await new Promise((resolve) => setTimeout(resolve, 50)); // 3 simulated minutes
      expect(await read()).not.toEqual(first);
    } finally {
      await moving.close();
    }
  });
});
