import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation.ts';
import { keys } from '../sim/store/api-resources.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { kubectlFor, type Kubectl } from './testing/kubectl.ts';

/** The kubelet Summary API through the node proxy, read by real kubectl as an operator would. */

let server: DemoServer;
let kubectl: Kubectl;
let nodes: string[];

beforeAll(async () => {
  server = await startDemoServer({ seed: 4, nodes: 3, podsPerNode: 3 });
  kubectl = await kubectlFor(server);
  nodes = server.backend.store.list(keys.nodes).map((n) => n.metadata.name ?? '');
});
afterAll(async () => {
  await kubectl?.dispose();
  await server?.close();
});

const summaryPath = (node: string) => `/api/v1/nodes/${node}/proxy/stats/summary`;

describe('nodes/{node}/proxy/stats/summary', { timeout: 60_000 }, () => {
  it('serves the node filesystem and every pod’s containers from the simulator', async () => {
    const node = nodes[0] ?? '';
    const summary = JSON.parse(await kubectl.ok('get', '--raw', summaryPath(node))) as {
      node: { nodeName: string; fs: { usedBytes: number; capacityBytes: number; availableBytes: number } };
      pods: Array<{ podRef: { namespace: string; name: string }; containers: Array<{ name: string }> }>;
    };
    expect(summary.node.nodeName).toBe(node);
    expect(summary.node.fs.capacityBytes).toBeGreaterThan(summary.node.fs.usedBytes);
    expect(summary.node.fs.usedBytes + summary.node.fs.availableBytes).toBe(summary.node.fs.capacityBytes);
    const running = server.backend.store
      .list(keys.pods)
      .filter((p) => (p['spec'] as { nodeName?: string }).nodeName === node)
      .filter((p) => (p['status'] as { phase?: string }).phase === 'Running')
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
      .sort();
    expect(summary.pods.map((p) => `${p.podRef.namespace}/${p.podRef.name}`).sort()).toEqual(running);
    expect(summary.pods.every((p) => p.containers.length > 0)).toBe(true);
  });

  it.each([
    ['an unknown node is the API server’s 404', summaryPath('nope'), /nodes "nope" not found/],
    [
      'another kubelet path is not served',
      `/api/v1/nodes/NODE/proxy/metrics/cadvisor`,
      /serves no \/metrics\/cadvisor/,
    ],
  ])('%s', async (_what, path, message) => {
    const result = await kubectl.run('get', '--raw', path.replace('NODE', nodes[0] ?? ''));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });

  it('answers 503 for a node whose kubelet is down', async () => {
    const sim = server.backend;
    if (!(sim instanceof Simulation)) throw new Error('the demo backend is not the simulator');
    const node = nodes[1] ?? '';
    sim.setKubeletRunning(node, false);
    try {
      const deadline = Date.now() + 10_000;
      while (sim.kubeletUp(node) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const result = await kubectl.run('get', '--raw', summaryPath(node));
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/ServiceUnavailable|does not answer/);
    } finally {
      sim.setKubeletRunning(node, true);
    }
  });

  it('is read-only access (the viewer may get it) and a 403 on nodes/proxy leaves nodes readable', async () => {
    const node = nodes[2] ?? '';
    expect((await kubectl.viewer('get', '--raw', summaryPath(node))).code).toBe(0);
    server.faults.set({ forbidden: [{ resource: 'nodes/proxy' }] });
    try {
      const denied = await kubectl.run('get', '--raw', summaryPath(node));
      expect(denied.stderr).toMatch(/cannot get resource "nodes\/proxy"/);
      expect((await kubectl.run('get', 'nodes')).code).toBe(0);
    } finally {
      server.faults.reset();
    }
  });
});
