import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  methods,
  nodeRiskSchema,
  type NodeRisk,
  type ReplyEnvelope,
  type RiskEvent,
  type ValidRequest,
} from '../../core/contract/index.ts';
import type { HistoryStore } from '../../core/history/store.ts';
import { incidentEpisodes } from '../../core/risk/incident-labels.ts';
import type { SimHistory } from '../../core/risk/sim-history.ts';
import type { WorkerDomainContext } from '../../core/worker/domain.ts';
import { RiskService } from '../../core/worker/risk-domain.ts';
import { driveSimulated, type DrivenRiskDomain } from './support/risk-domain-driver.ts';

const HOUR = 3_600_000;

let dir: string;
let sim: SimHistory;
let store: HistoryStore;
let service: RiskService;
let now = 0;
let pushed: DrivenRiskDomain['pushed'] = [];
let published: NodeRisk[][] = [];

const call = async (method: string, params: unknown): Promise<ReplyEnvelope> =>
  service.handle({ id: 1, method, params } as ValidRequest);
const resultOf = <T>(reply: ReplyEnvelope): T => {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.result as T;
};

beforeAll(() => {
  // A memory leak on a node without a limit: the node fills, MemoryPressure, then eviction.
  let driven: DrivenRiskDomain;
  ({ dir, sim, driven } = driveSimulated(
    {
      seed: 21,
      nodes: 6,
      durationMs: 3 * HOUR,
      preset: 'quiet',
      scenarios: [
        { family: 'memoryLeak', variant: 'pressure', onsetMs: 2 * HOUR, severity: 0.2, precursor: 'strong' },
      ],
    },
    'foresight-risk-domain-',
  ));
  ({ store, service, pushed, published } = driven);
  now = driven.clock.now;
}, 120_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the risk domain in the worker', () => {
  it('publishes a valid risk for every node after every collection, for placement and the autopilot', () => {
    expect(published).toHaveLength(sim.nodes[0]?.samples.length ?? -1);
    for (const round of published) {
      expect(round).toHaveLength(sim.nodes.length);
      for (const risk of round) expect(nodeRiskSchema.safeParse(risk).success).toBe(true);
    }
    expect(pushed.filter((p) => p.name === 'nodeRisks')).toHaveLength(published.length);
  });

  it('uses the detector in the first hour and the model after it', () => {
    expect(published[30]?.[0]?.source).toBe('detector');
    expect(published.at(-1)?.[0]?.source).toBe('model');
  });

  it('warns about the leaking node, with reasons, before the incident is observed', () => {
    const incident = sim.incidents[0];
    const stream = pushed.filter((p) => p.name === 'riskEvent').map((p) => p.payload as RiskEvent);
    const observed = stream.find((e) => e.type === 'incident-observed' && e.node === incident?.node);
    expect(observed, JSON.stringify(stream)).toBeDefined();
    const detected = stream.find((e) => e.type === 'risk-detected' && e.node === incident?.node);
    expect(detected, JSON.stringify(stream)).toBeDefined();
    expect(detected!.at).toBeLessThan(observed!.at);
    expect(detected!.at).toBeGreaterThanOrEqual(incident!.onsetMs);
    expect(detected!.reasons.length).toBeGreaterThan(0);
    expect(observed!.reasons).toEqual(['predicted by Foresight before it happened']);
    // Quiet nodes stay quiet.
    expect(
      stream.filter((e) => e.type === 'risk-detected' && e.node !== incident?.node).length,
    ).toBeLessThanOrEqual(1);
  });

  it('answers the node page: risk over time, the incident, the node’s events', async () => {
    const node = sim.incidents[0]?.node ?? '';
    const reply = await call('risk.node', { node, since: 0 });
    const result = resultOf<{
      points: unknown[];
      incidents: { startMs: number; kind: string }[];
      events: RiskEvent[];
    }>(reply);
    expect(methods['risk.node'].result.safeParse(result).success).toBe(true);
    expect(result.points.length).toBeGreaterThan(100);
    expect(result.incidents[0]?.kind).toBe('resource-exhaustion');
    expect(result.events.map((e) => e.type)).toContain('risk-detected');
  });

  it('describes the model with its evaluation, and stores feedback', async () => {
    const info = resultOf<{ origin: string; evaluations: unknown[] }>(await call('risk.model', {}));
    expect(methods['risk.model'].result.safeParse(info).success).toBe(true);
    expect(info.origin).toBe('default');
    expect(info.evaluations.length).toBeGreaterThan(0);
    const node = sim.nodes[1]?.node ?? '';
    const feedback = resultOf<{ falseAlarm: number }>(
      await call('risk.feedback', { node, at: now, verdict: 'false-alarm' }),
    );
    expect(feedback.falseAlarm).toBe(1);
    const after = resultOf<{ feedback: { falseAlarm: number } }>(await call('risk.model', {}));
    expect(after.feedback.falseAlarm).toBe(1);
  });

  it('retrains on the cluster’s own history and records the champion/challenger decision', async () => {
    const result = resultOf<{ replaced: boolean; reason: string }>(await call('risk.train', {}));
    expect(methods['risk.train'].result.safeParse(result).success).toBe(true);
    expect(result.reason).toMatch(/^(Replaced|Kept the champion)/);
    const info = resultOf<{
      origin: string;
      decisions: { replaced: boolean; reason: string }[];
      trainedOn: string;
    }>(await call('risk.model', {}));
    expect(info.decisions).toEqual([
      expect.objectContaining({ replaced: result.replaced, reason: result.reason }),
    ]);
    expect(info.origin).toBe(result.replaced ? 'trained' : 'default');
    if (result.replaced)
      expect(info.trainedOn).toMatch(/1 judged by operators’ feedback|judged by operators' feedback/);
  });

  it('refuses bad requests with a typed error, never a crash', async () => {
    const blank = new RiskService({
      now: () => 0,
      history: () => undefined,
      historyProblem: () => 'The history database is locked by another process.',
      push: () => {},
      publishNodeRisks: () => {},
    } as unknown as WorkerDomainContext);
    const reply = await blank.handle({
      id: 2,
      method: 'risk.feedback',
      params: { node: 'x', at: 1, verdict: 'useful' },
    } as ValidRequest);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'StoreError', message: expect.stringMatching(/locked/) },
    });
    expect(methods['risk.feedback'].params.safeParse({ node: '', at: 1, verdict: 'meh' }).success).toBe(
      false,
    );
  });
});

describe("the risk domain's incident stream", () => {
  let trouble: SimHistory;
  let observed: RiskEvent[] = [];
  let troubleDir: string;
  beforeAll(() => {
    // A network degradation: readiness probes fail every few seconds for as long as it lasts, so
    // every collection brings more of the same signal.
    let driven: DrivenRiskDomain;
    ({
      dir: troubleDir,
      sim: trouble,
      driven,
    } = driveSimulated(
      {
        seed: 5,
        nodes: 4,
        durationMs: 3 * HOUR,
        preset: 'quiet',
        scenarios: [{ family: 'networkDegradation', onsetMs: HOUR, severity: 0.8, precursor: 'strong' }],
      },
      'foresight-risk-incidents-',
    ));
    driven.store.close();
    observed = driven.pushed
      .filter((p) => p.name === 'riskEvent')
      .map((p) => p.payload as RiskEvent)
      .filter((e) => e.type === 'incident-observed');
  }, 120_000);
  afterAll(() => rmSync(troubleDir, { recursive: true, force: true }));

  it('reports each incident episode once, when it starts, as the history labels count them', () => {
    expect(observed.length).toBeGreaterThan(0);
    for (const n of trouble.nodes) {
      const starts = incidentEpisodes(n.node, n.events).map((e) => e.startMs);
      expect(observed.filter((e) => e.node === n.node).map((e) => e.at)).toEqual(starts);
    }
  });

  it('says each signal once, with how often it came', () => {
    for (const e of observed) {
      const parts = e.message.replace(/^[^:]+: /, '').split('; ');
      expect(new Set(parts).size, e.message).toBe(parts.length);
    }
  });
});
