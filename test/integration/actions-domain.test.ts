import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, NodeRisk, PayloadOf, ReplyEnvelope } from '../../core/contract/index.ts';
import { startFixtureServer, type FixtureServer } from '../../core/demo/testing/fixture-server.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { createClusterReader } from '../../core/kube/cluster-client.ts';
import { loadKubeconfig } from '../../core/kube/kubeconfig.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import { ActionsService } from '../../core/worker/actions-domain.ts';
import type { WorkerDomainContext } from '../../core/worker/domain.ts';

/**
 * The actions domain as the worker runs it, with a real history file and the demo API server:
 * the autopilot is off by default, its settings are kept per cluster in the history database,
 * and once on it reads the risk the risk domain publishes (context.nodeRisks()) and acts.
 */

let fx: FixtureServer;
let dir: string;
let store: HistoryStore;

beforeEach(async () => {
  fx = await startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'foresight-actions-domain-'));
  store = HistoryStore.open(join(dir, 'history.db'));
});
afterEach(async () => {
  store?.close();
  await fx?.close();
  await rm(dir, { recursive: true, force: true });
});

async function service(
  risks: Map<string, NodeRisk>,
  events: { name: string; payload: unknown }[],
  now: { ms: number },
) {
  const file = join(dir, 'kubeconfig.yaml');
  await fx.server.writeKubeconfig(file);
  const loaded = loadKubeconfig(file);
  const context: WorkerDomainContext = {
    config: {
      host: 'test',
      version: 'test',
      kubeconfigPath: file,
      demo: false,
      dataDir: dir,
      collectIntervalMs: 1000,
      retentionDays: 7,
    },
    now: () => now.ms,
    snapshot: () => undefined,
    history: () => store,
    historyProblem: () => '',
    cluster: () => ({
      kubeConfig: loaded.kubeConfig,
      context: loaded.context,
      server: loaded.server,
      demo: false,
      reader: createClusterReader(loaded),
    }),
    push: <E extends EventName>(name: E, payload: PayloadOf<E>) => events.push({ name, payload }),
    nodeRisks: () => risks,
    publishNodeRisks: () => undefined,
  };
  return new ActionsService(context);
}

const call = async (svc: ActionsService, method: string, params: unknown) => {
  const reply = (await svc.handle({ id: 1, method, params } as never)) as ReplyEnvelope;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result as Record<string, unknown>;
};

describe('the actions domain', { timeout: 60_000 }, () => {
  it('keeps the autopilot off by default, remembers its settings per cluster, and acts on published risk', async () => {
    const risks = new Map<string, NodeRisk>();
    const events: { name: string; payload: unknown }[] = [];
    const now = { ms: Date.UTC(2026, 0, 5) };
    const first = await service(risks, events, now);
    expect(await call(first, 'autopilot.status', {})).toMatchObject({
      config: { enabled: false },
      tainted: [],
      decisions: [],
    });

    const rounds = async (svc: ActionsService, n: number) => {
      for (let i = 0; i < n; i++) {
        now.ms += 60_000;
        risks.set('node-2', {
          node: 'node-2',
          at: now.ms,
          level: 'at-risk',
          probability: 0.9,
          reasons: ['disk pressure'],
          source: 'model',
        });
        await svc.afterCollect();
        await svc.autopilot.idle();
      }
    };
    await rounds(first, 3);
    const taints = () =>
      (fx.backend.store.get(keys.nodes, undefined, 'node-2')?.spec as { taints?: unknown[] }).taints;
    expect(taints(), 'off by default: nothing happens').toBeUndefined();

    // Four nodes: allow the one taint 10% would forbid.
    await call(first, 'autopilot.configure', { config: { enabled: true, maxTaintedFraction: 0.25 } });
    const second = await service(risks, events, now);
    expect(await call(second, 'autopilot.status', {})).toMatchObject({
      config: { enabled: true, maxTaintedFraction: 0.25 },
    });
    await rounds(second, 3);
    expect(taints()).toEqual([{ key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' }]);
    const decision = events.find((e) => e.name === 'autopilotDecision')?.payload;
    expect(decision).toMatchObject({
      node: 'node-2',
      decision: 'taint',
      reason: expect.stringContaining('disk pressure'),
    });
    const status = await call(second, 'autopilot.status', {});
    expect(status.tainted).toEqual(['node-2']);
    const audit = await call(second, 'actions.audit', {});
    expect(audit.records).toEqual([
      expect.objectContaining({ origin: 'autopilot', action: 'taint', status: 'succeeded' }),
    ]);
  });

  it('bad input is a typed error, not a crash', async () => {
    const svc = await service(new Map(), [], { ms: 0 });
    const reply = (await svc.handle({
      id: 2,
      method: 'actions.undo',
      params: { auditId: 999 },
    } as never)) as ReplyEnvelope;
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'BadRequest', message: 'There is no action 999.' },
    });
  });
});
