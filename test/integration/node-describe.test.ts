import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDetails, ReplyEnvelope } from '../../core/contract/index.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import type { CollectorService } from '../../core/worker/collector-service.ts';
import { connectedTestCollector, type TestCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

// nodes.describe against the demo API server, through the worker as the app runs it: the Node
// read live, the pods from the collector's mirror, and kubectl describe node as the referee.

let server: DemoServer;
let collector: TestCollector;
let service: CollectorService;
let kubeconfigPath: string;

beforeAll(async () => {
  server = await startDemoServer({ seed: 11, nodes: 3, podsPerNode: 3 });
  collector = await connectedTestCollector(server.kubeconfigYaml());
  service = collector.service;
  kubeconfigPath = join(collector.dataDir, 'kubectl.yaml');
  writeFileSync(kubeconfigPath, server.kubeconfigYaml());
});

afterAll(async () => {
  await service?.stop();
  await server?.close();
});

async function describeNode(node: string): Promise<ReplyEnvelope> {
  return service.handle({ id: 1, method: 'nodes.describe', params: { node } });
}

function nodeNames(): string[] {
  return server.backend.store.list(keys.nodes).map((n) => n.metadata.name ?? '');
}

// Asynchronous: the demo server runs in this process and must keep answering kubectl.
async function kubectlAllocatedCpu(node: string): Promise<{ requests: string; limits: string }> {
  const { stdout: out } = await promisify(execFile)('kubectl', [
    '--kubeconfig',
    kubeconfigPath,
    'describe',
    'node',
    node,
  ]);
  const allocated = out.slice(out.indexOf('Allocated resources:'));
  const match = /\n\s+cpu\s+(\S+) \(\d+%\)\s+(\S+) \(\d+%\)/.exec(allocated);
  if (!match) throw new Error(`no cpu line in kubectl describe node:\n${allocated}`);
  return { requests: match[1] ?? '', limits: match[2] ?? '' };
}

const asKubectlCpu = (millis: number) => (millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`);

describe('nodes.describe', () => {
  it('describes a node as kubectl does: system info, conditions, the pods on it and their sums', async () => {
    const node = nodeNames()[0] ?? '';
    const expectedPods = server.backend.store
      .list(keys.pods)
      .filter((p) => (p['spec'] as { nodeName?: string }).nodeName === node)
      .map((p) => p.metadata.name)
      .sort();
    // The mirror catches up with the store within a collection or two.
    const details = await waitFor('pods mirrored', async () => {
      const reply = await describeNode(node);
      if (!reply.ok) throw new Error(reply.error.message);
      const result = reply.result as NodeDetails;
      return result.pods
        .map((p) => p.name)
        .sort()
        .join() === expectedPods.join()
        ? result
        : undefined;
    });
    expect(details.name).toBe(node);
    expect(details.info?.kubeletVersion).toMatch(/^v1\.\d+/);
    expect(details.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', bad: false });
    expect(details.addresses.length).toBeGreaterThan(0);
    expect(details.allocated.cpuMillis.allocatable).toBeGreaterThan(0);
    expect(details.podCount).toBe(expectedPods.length);
    expect(details.allocated.cpuMillis.requests).toBeGreaterThan(0);
    const cpu = await kubectlAllocatedCpu(node);
    expect(asKubectlCpu(details.allocated.cpuMillis.requests)).toBe(cpu.requests);
    expect(asKubectlCpu(details.allocated.cpuMillis.limits)).toBe(cpu.limits);
  });

  it('says a node that is gone was removed from the cluster', async () => {
    const reply = await describeNode('node-that-was-removed');
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'ClusterError',
        message: 'node-that-was-removed no longer exists; it was removed from the cluster.',
      },
    });
  });

  it('names the missing `get nodes` permission when the API server forbids it', async () => {
    const node = nodeNames()[1] ?? '';
    server.faults.set({ forbidden: [{ resource: 'nodes', name: node, verbs: ['get'] }] });
    try {
      const reply = await describeNode(node);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.message).toMatch(/Forbidden \(403\).*`get nodes`/);
    } finally {
      server.faults.reset();
    }
  });
});
