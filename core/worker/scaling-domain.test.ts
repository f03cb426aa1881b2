import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scalingAdviceSchema, type ReplyEnvelope, type ValidRequest } from '../contract/index.ts';
import { HistoryStore } from '../history/store.ts';
import type { WorkerDomainContext } from './domain.ts';
import { ScalingService } from './scaling-domain.ts';

const NOW = Date.UTC(2026, 0, 12);
const STEP = 300_000;

/** Two days of a daily wave for shop/web (4 pods) and ten minutes for shop/new. */
function historyWithUsage(): HistoryStore {
  const store = HistoryStore.open(join(mkdtempSync(join(tmpdir(), 'foresight-scaling-')), 'h.db'));
  const row = (name: string, cpu: number) => ({
    namespace: 'shop',
    kind: 'Deployment',
    name,
    pods: 4,
    cpuMillis: cpu,
    cpuMaxMillis: cpu / 4,
    memoryBytes: 4 * 100 * 2 ** 20,
    memoryMaxBytes: 100 * 2 ** 20,
    cpuRequestMillis: 4 * 200,
    memoryRequestBytes: 4 * 256 * 2 ** 20,
  });
  for (let at = NOW - 2 * 86_400_000; at < NOW; at += STEP) {
    const wave = 400 + 300 * Math.sin((2 * Math.PI * at) / 86_400_000);
    store.usage.insert(at, [], at >= NOW - 600_000 ? [row('web', wave), row('new', 50)] : [row('web', wave)]);
  }
  return store;
}

function service(history: HistoryStore | undefined): ScalingService {
  const context = {
    cluster: () => undefined,
    history: () => history,
    historyProblem: () => 'the history database is locked',
    now: () => NOW,
  } as unknown as WorkerDomainContext;
  return new ScalingService(context);
}

const call = (s: ScalingService, method: string, params: unknown): Promise<ReplyEnvelope> =>
  Promise.resolve(s.handle({ id: 1, method, params } as ValidRequest));

describe('ScalingService', () => {
  const store = historyWithUsage();

  it('lists the workloads with recorded usage', async () => {
    const reply = await call(service(store), 'scaling.workloads', {});
    expect(reply).toMatchObject({
      ok: true,
      result: { workloads: [{ namespace: 'shop', kind: 'Deployment', name: 'new' }, { name: 'web' }] },
    });
  });

  it('advises a workload with a reply the contract accepts, YAML included', async () => {
    const reply = await call(service(store), 'scaling.advise', {
      workload: { namespace: 'shop', kind: 'Deployment', name: 'web' },
    });
    expect(reply.kind === 'reply' && reply.ok).toBe(true);
    const advice = scalingAdviceSchema.parse((reply as { result: unknown }).result);
    expect(advice.history.at.length).toBe(288);
    expect(advice.forecast.values.length).toBeGreaterThan(0);
    expect(advice.schedule.cronJobYaml).toMatch(/kind: CronJob/);
    expect(advice.recommendations.length).toBeGreaterThan(0);
    expect(advice.currentHpa).toBeNull(); // no cluster in this test, so no HPA was read
  });

  it.each([
    { name: 'new', message: /Only 2 five-minute buckets/ },
    { name: 'absent', message: /Only 0 five-minute buckets/ },
  ])('says when $name has too little history', async ({ name, message }) => {
    const reply = await call(service(store), 'scaling.advise', {
      workload: { namespace: 'shop', kind: 'Deployment', name },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'BadRequest', message: expect.stringMatching(message) },
    });
  });

  it('without history says why', async () => {
    const reply = await call(service(undefined), 'scaling.workloads', {});
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'StoreError', message: 'the history database is locked' },
    });
  });
});
