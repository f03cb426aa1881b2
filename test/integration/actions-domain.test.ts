import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, NodeRisk, PayloadOf, ReplyEnvelope } from '../../core/contract/index.ts';
import { startFixtureServer, type FixtureServer } from '../../core/demo/testing/fixture-server.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { createClusterReader, type ClusterReader } from '../../core/kube/cluster-client.ts';
import { loadKubeconfig } from '../../core/kube/kubeconfig.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import { ActionsService } from '../../core/worker/actions-domain.ts';
import type { WorkerDomainContext } from '../../core/worker/domain.ts';
import { recordTwoFailures } from '../../core/scheduling/testing/failing-node.ts';

/**
 * The actions domain as the worker runs it, with a real history file and the demo API server:
 * the autopilot is off by default, its settings are kept per cluster in the history database,
 * and once on it reads the risk the risk domain publishes (context.nodeRisks()) and acts.
 */

let fx: FixtureServer;
let dir: string;
let store: HistoryStore;
/** The cluster readers the services made (their watches stop after each test). */
let readers: ClusterReader[] = [];

beforeEach(async () => {
  fx = await startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'foresight-actions-domain-'));
  store = HistoryStore.open(join(dir, 'history.db'));
});
afterEach(async () => {
  for (const reader of readers) reader.stop?.();
  readers = [];
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
  const reader = createClusterReader(loaded);
  readers.push(reader);
  // As the collector does in the worker: the node advice reads the reader's mirrors.
  reader.start?.();
  await reader.whenSynced?.();
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
      reader,
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

  it("follows the node advice: a node whose Ready condition left True twice in history gets the autopilot's taint (dry run)", async () => {
    const events: { name: string; payload: unknown }[] = [];
    const now = { ms: Date.UTC(2026, 0, 5, 9, 0) };
    // History has watched the cluster for an hour, and node-3 failed twice in it; its risk is low.
    recordTwoFailures(store, 'node-3', now.ms);
    const risks = new Map<string, NodeRisk>([
      [
        'node-3',
        { node: 'node-3', at: now.ms, level: 'healthy', probability: 0.05, reasons: [], source: 'model' },
      ],
    ]);
    const svc = await service(risks, events, now);
    const configure = (config: object) => call(svc, 'autopilot.configure', { config });
    const decisions = () =>
      events.filter((e) => e.name === 'autopilotDecision').map((e) => e.payload as Record<string, unknown>);

    await configure({ enabled: true, dryRun: true, maxTaintedFraction: 0.25, followNodeAdvice: false });
    await svc.afterCollect();
    expect(decisions(), 'not following the advice: nothing').toEqual([]);

    await configure({ followNodeAdvice: true });
    now.ms += 60_000;
    await svc.afterCollect();
    expect(decisions()).toEqual([
      expect.objectContaining({
        node: 'node-3',
        decision: 'taint',
        dryRun: true,
        reason: expect.stringMatching(/^node advice: its Ready condition left True 2 times in the last 6 h/),
      }),
    ]);
    expect(
      (fx.backend.store.get(keys.nodes, undefined, 'node-3')?.spec as { taints?: unknown[] }).taints,
      'dry run: the node is untouched',
    ).toBeUndefined();
    const audit = await call(svc, 'actions.audit', {});
    expect(audit.records).toEqual([
      expect.objectContaining({ origin: 'autopilot', action: 'autopilot-taint', status: 'dry-run' }),
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
