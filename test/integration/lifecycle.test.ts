import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleEventInfo } from '../../core/contract/index.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import type { KubeObject } from '../../core/sim/store/kube-object.ts';
import type { CollectorService } from '../../core/worker/collector-service.ts';
import { connectedTestCollector } from './support/collector.ts';

// Changes made on the demo API server's store (as its controllers or kubelet would make them)
// reach the collector through its watches and land in history as lifecycle events.

let server: DemoServer;
let service: CollectorService;

beforeAll(async () => {
  server = await startDemoServer({ seed: 5, nodes: 4, podsPerNode: 2 });
  service = (await connectedTestCollector(server.kubeconfigYaml())).service;
});

afterAll(async () => {
  await service?.stop();
  await server?.close();
});

async function nodeEvents(node: string): Promise<LifecycleEventInfo[]> {
  const reply = await service.handle({ id: 1, method: 'history.nodeEvents', params: { node, since: 0 } });
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.result as { events: LifecycleEventInfo[] }).events;
}

describe('lifecycle events in history', () => {
  it('records a cordon, an OOMKill and a node condition change, by node', async () => {
    const pod = server.backend.store
      .list(keys.pods)
      .find((p) => (p['spec'] as { nodeName?: string }).nodeName) as KubeObject;
    const node = (pod['spec'] as { nodeName: string }).nodeName;

    server.backend.store.mutate(keys.nodes, undefined, node, (draft) => {
      (draft['spec'] as Record<string, unknown>)['unschedulable'] = true;
      const status = draft['status'] as { conditions: Array<{ type: string; status: string }> };
      const pressure = status.conditions.find((c) => c.type === 'MemoryPressure');
      if (pressure) pressure.status = 'True';
      else status.conditions.push({ type: 'MemoryPressure', status: 'True' });
    });
    server.backend.store.mutate(keys.pods, pod.metadata.namespace, pod.metadata.name ?? '', (draft) => {
      const status = draft['status'] as {
        containerStatuses: Array<{ restartCount: number; lastState?: { terminated?: { reason: string } } }>;
      };
      const container = status.containerStatuses[0];
      if (!container) throw new Error('pod without container status');
      container.restartCount += 1;
      container.lastState = { terminated: { reason: 'OOMKilled' } };
    });

    let found: LifecycleEventInfo[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      found = await nodeEvents(node);
      if (found.length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(found.map((e) => e.kind).sort()).toEqual(['NodeCondition', 'NodeCordoned', 'PodOOMKilled']);
    expect(found.find((e) => e.kind === 'NodeCondition')?.detail).toBe('MemoryPressure=True');
    expect(found.find((e) => e.kind === 'PodOOMKilled')).toMatchObject({
      namespace: pod.metadata.namespace,
      pod: pod.metadata.name,
      node,
    });
  });
});
