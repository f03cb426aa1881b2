import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleEventInfo, NodeRisk } from '../../core/contract/index.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import type { CollectorService } from '../../core/worker/collector-service.ts';
import { connectedTestCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

// A node that is already NotReady when Foresight first connects never changes while Foresight
// watches, so no condition transition is ever seen. It must still be recorded as down and
// called at risk, not healthy.

let server: DemoServer;
let service: CollectorService;
let down = '';

beforeAll(async () => {
  // A machine dies at the start and stays down (a hardware failure has no repair unless told);
  // at 60x its node is NotReady 40 simulated seconds later, before the collector starts.
  server = await startDemoServer({
    seed: 5,
    nodes: 4,
    podsPerNode: 2,
    speed: 60,
    scenarios: [{ family: 'hardwareFailure', onsetMs: 0 }],
  });
  down = await waitFor('a node NotReady on the server', () => {
    const node = server.backend.store.list(keys.nodes).find((n) => {
      const status = n['status'] as { conditions?: Array<{ type: string; status: string }> };
      return status.conditions?.some((c) => c.type === 'Ready' && c.status !== 'True');
    });
    return node?.metadata.name;
  });
  service = (await connectedTestCollector(server.kubeconfigYaml())).service;
});

afterAll(async () => {
  await service?.stop();
  await server?.close();
});

async function call<T>(method: string, params: Record<string, unknown>): Promise<T> {
  const reply = await service.handle({ id: 1, method, params } as never);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result as T;
}

describe('a node first seen down', () => {
  it('is recorded with its bad condition in history', async () => {
    const events = await waitFor('the first-sight condition event', async () => {
      const { events } = await call<{ events: LifecycleEventInfo[] }>('history.nodeEvents', {
        node: down,
        since: 0,
      });
      return events.some((e) => e.kind === 'NodeCondition') ? events : undefined;
    });
    expect(events.map((e) => `${e.kind} ${e.detail}`)).toContain('NodeCondition Ready=Unknown');
  });

  it('is called at risk, with NotReady as the reason, and the other nodes are not', async () => {
    const risks = await waitFor('a risk for every node', async () => {
      const { risks } = await call<{ risks: NodeRisk[] }>('risk.nodes', {});
      return risks.some((r) => r.node === down) ? risks : undefined;
    });
    const risk = risks.find((r) => r.node === down);
    expect(risk?.level).toBe('at-risk');
    expect(risk?.reasons.join('; ')).toMatch(/NotReady/);
  });
});
