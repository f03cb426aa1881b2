import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../history/store.ts';
import { describe, expect, it } from 'vitest';
import type { NodeRisk, ReplyEnvelope, ValidRequest } from '../contract/index.ts';
import type { ClusterReader, SchedulingObjects } from '../kube/cluster-client.ts';
import type { ClusterAccess, WorkerDomainContext } from './domain.ts';
import { PlacementService } from './placement-domain.ts';
import { recordTwoFailures } from '../scheduling/testing/failing-node.ts';

const snapshot = JSON.parse(
  readFileSync(new URL('../../test/fixtures/placement/cluster.json', import.meta.url), 'utf8'),
) as SchedulingObjects;
const podSpec = readFileSync(new URL('../../test/fixtures/placement/pod.json', import.meta.url), 'utf8');

function service(
  risks: NodeRisk[] = [],
  connected = true,
  history?: HistoryStore,
  objects: () => SchedulingObjects = () => snapshot,
  now: () => number = () => Date.UTC(2026, 0, 1),
): PlacementService {
  const reader = {
    listSchedulingObjects: () => Promise.resolve(objects()),
    listWorkloads: () => [],
  } as unknown as ClusterReader;
  const cluster = { reader, context: 'test', server: 'https://test', demo: true } as unknown as ClusterAccess;
  const context = {
    cluster: () => (connected ? cluster : undefined),
    history: () => history,
    historyProblem: () => 'no history in this test',
    nodeRisks: () => new Map(risks.map((r) => [r.node, r])),
    now,
  } as unknown as WorkerDomainContext;
  return new PlacementService(context);
}

const advise = (s: PlacementService, source: unknown): Promise<ReplyEnvelope> =>
  Promise.resolve(s.handle({ id: 1, method: 'placement.advise', params: { source } } as ValidRequest));

describe('PlacementService', () => {
  it('ranks a pasted spec on the connected cluster', async () => {
    const reply = await advise(service(), { kind: 'spec', text: podSpec });
    expect(reply.ok).toBe(true);
    const result = (reply as { result: { kubeSchedulerChoice: { node: string }; nodes: unknown[] } }).result;
    expect(result.kubeSchedulerChoice.node).toBe('node-a');
    expect(result.nodes).toHaveLength(5);
  });

  it('feeds the risk domain predictions to the risk-aware plugin', async () => {
    const risk: NodeRisk = {
      node: 'node-a',
      at: 0,
      level: 'at-risk',
      probability: 0.9,
      reasons: ['memory rising'],
      source: 'rules',
    };
    const reply = await advise(
      service([
        risk,
        { ...risk, node: 'node-d', probability: 0.1, level: 'healthy' },
        { ...risk, node: 'node-e', probability: 0.1, level: 'healthy' },
      ]),
      { kind: 'spec', text: podSpec },
    );
    const result = (
      reply as {
        result: { advice: { node: string; reasons: string[] }; plugins: { name: string; active: boolean }[] };
      }
    ).result;
    expect(result.plugins.find((p) => p.name === 'RiskAware')?.active).toBe(true);
    expect(result.advice.node).not.toBe('node-a');
    expect(result.advice.reasons.join(' ')).toContain('risk 0.90');
  });

  it('a spec that does not parse is a BadRequest that says what to paste', async () => {
    const reply = await advise(service(), { kind: 'spec', text: 'kind: Pod\nspec: {containers: [\n' });
    expect(reply.ok).toBe(false);
    const error = (reply as { error: { code: string; message: string; hint: string } }).error;
    expect(error.code).toBe('BadRequest');
    expect(error.message).toContain('does not parse as YAML');
    expect(error.hint).toContain('Paste a Pod');
  });

  it('an unknown pending pod, and no cluster, are clear errors', async () => {
    const missing = await advise(service(), { kind: 'pending', namespace: 'shop', name: 'ghost' });
    expect((missing as { error: { message: string } }).error.message).toContain('There is no pod shop/ghost');
    const offline = await advise(service([], false), { kind: 'spec', text: podSpec });
    expect((offline as { error: { code: string } }).error.code).toBe('Unavailable');
  });

  it('lists pending pods as candidates', async () => {
    const reply = await service().handle({
      id: 2,
      method: 'placement.candidates',
      params: {},
    } as ValidRequest);
    expect((reply as { result: { pending: unknown[] } }).result.pending).toEqual([
      { namespace: 'shop', name: 'web-pending' },
    ]);
  });

  it('advises every pending pod for a report, as the page would, without recording the advice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foresight-placement-report-'));
    const history = HistoryStore.open(join(dir, 'history.db'));
    try {
      const s = service([], true, history);
      const report = await s.pendingAdviceForReport(10);
      expect(report.pending).toBe(1);
      expect(report.advised.map(({ namespace, name }) => `${namespace}/${name}`)).toEqual([
        'shop/web-pending',
      ]);
      const page = await advise(s, { kind: 'pending', namespace: 'shop', name: 'web-pending' });
      expect(report.advised[0]?.answer).toEqual((page as { result: unknown }).result);
      const outcomes = await s.handle({ id: 4, method: 'placement.outcomes', params: {} } as ValidRequest);
      // Only the page's advice was recorded.
      expect((outcomes as { result: unknown }).result).toMatchObject({ advised: 1 });
      expect((await s.pendingAdviceForReport(0)).advised).toEqual([]);
    } finally {
      history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the node advice without a pod, the same as the ranking carries, and records nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foresight-node-advice-'));
    const history = HistoryStore.open(join(dir, 'history.db'));
    try {
      const now = Date.UTC(2026, 0, 1);
      // The history has watched the cluster for an hour; node-b failed twice in it.
      recordTwoFailures(history, 'node-b', now);
      const s = service(
        [],
        true,
        history,
        () => snapshot,
        () => now,
      );
      const reply = await s.handle({ id: 5, method: 'placement.nodeAdvice', params: {} } as ValidRequest);
      const advice = (reply as { result: { node: string; action: string; reasons: string[] }[] }).result;
      expect(advice.map(({ node, action }) => `${action} ${node}`)).toEqual(['cordon node-b']);
      expect(advice[0]?.reasons[0]).toContain('left True 2 times in the last 6 h');
      const outcomes = await s.handle({ id: 6, method: 'placement.outcomes', params: {} } as ValidRequest);
      expect((outcomes as { result: unknown }).result).toMatchObject({ advised: 0 });
      const page = await advise(s, { kind: 'spec', text: podSpec });
      expect((page as { result: { nodeAdvice: unknown } }).result.nodeAdvice).toEqual(advice);
      const offline = await service([], false).handle({
        id: 7,
        method: 'placement.nodeAdvice',
        params: {},
      } as ValidRequest);
      expect((offline as { error: { code: string } }).error.code).toBe('Unavailable');
    } finally {
      history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records advice for a pending pod, then where it ran and how it fared a day later', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foresight-placement-'));
    const history = HistoryStore.open(join(dir, 'history.db'));
    try {
      let clock = Date.UTC(2026, 0, 1);
      let objects = snapshot;
      const s = service(
        [],
        true,
        history,
        () => objects,
        () => clock,
      );
      await advise(s, { kind: 'pending', namespace: 'shop', name: 'web-pending' });
      const outcomes = async () =>
        (
          (await s.handle({ id: 3, method: 'placement.outcomes', params: {} } as ValidRequest)) as {
            result: unknown;
          }
        ).result;
      expect(await outcomes()).toMatchObject({ advised: 1, placed: 0 });
      // kube-scheduler binds it where Foresight advised; an OOMKill follows within the day.
      objects = {
        ...snapshot,
        pods: snapshot.pods.map((p) =>
          p.metadata.name === 'web-pending' ? { ...p, spec: { ...p.spec, nodeName: 'node-a' } } : p,
        ),
      };
      clock += 60_000;
      await s.afterCollect();
      expect(await outcomes()).toMatchObject({ placed: 1, followed: 1, resolvedFollowed: 0 });
      history.lifecycle.insert([
        {
          at: clock + 3_600_000,
          kind: 'PodOOMKilled',
          node: 'node-a',
          namespace: 'shop',
          pod: 'web-pending',
          detail: '1 restart(s)',
        },
      ]);
      clock += 25 * 3_600_000;
      await s.afterCollect();
      expect(await outcomes()).toMatchObject({ resolvedFollowed: 1, disruptedFollowed: 1 });
    } finally {
      history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
