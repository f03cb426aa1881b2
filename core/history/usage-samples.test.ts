import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PodUsage } from '../kube/pod-usage.ts';
import { workloadUsage } from '../kube/pod-usage.ts';
import { HistoryStore } from './store.ts';

const hour = 3_600_000;
const day = 24 * hour;

function usage(podName: string, at: number, cpu: number): PodUsage {
  return {
    namespace: 'shop',
    pod: podName,
    node: 'node-1',
    workload: { kind: 'Deployment', name: 'web' },
    cpuMillis: cpu + at / hour,
    memoryBytes: 1000,
    cpuRequestMillis: 100,
    memoryRequestBytes: 2000,
  };
}

describe('UsageSampleStore', () => {
  let dir: string;
  let store: HistoryStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'foresight-usage-'));
    store = HistoryStore.open(path.join(dir, 'history.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function record(at: number): void {
    const pods = [usage('web-1', at, 10), usage('web-2', at, 30)];
    store.usage.insert(at, pods, workloadUsage(pods));
  }

  it('answers a workload’s and a pod’s series, oldest first', () => {
    for (let h = 0; h < 5; h++) record(h * hour);
    const series = store.usage.workloadSeries(
      { namespace: 'shop', kind: 'Deployment', name: 'web' },
      2 * hour,
      100,
    );
    expect(series.map((s) => s.at)).toEqual([2 * hour, 3 * hour, 4 * hour]);
    expect(series[0]).toMatchObject({ pods: 2, cpuMillis: 44, cpuMaxMillis: 32, cpuRequestMillis: 200 });
    expect(store.usage.podSeries('shop', 'web-2', 0, 2).map((s) => s.cpuMillis)).toEqual([33, 34]);
    expect(store.usage.workloads(0)).toEqual([{ namespace: 'shop', kind: 'Deployment', name: 'web' }]);
  });

  it('keeps a pod’s node once it is known, even if its first sample had none', () => {
    const unscheduled = { ...usage('web-3', 0, 5), node: undefined };
    store.usage.insert(0, [unscheduled], []);
    store.usage.insert(hour, [usage('web-3', hour, 5)], []);
    expect(store.usage.podSeries('shop', 'web-3', 0, 10).map((s) => s.node)).toEqual(['node-1', 'node-1']);
  });

  it('answers empty for a workload or pod it never saw', () => {
    expect(store.usage.workloadSeries({ namespace: 'x', kind: 'Deployment', name: 'y' }, 0, 10)).toEqual([]);
    expect(store.usage.podSeries('x', 'y', 0, 10)).toEqual([]);
  });

  it('keeps pod samples a day and workload samples for the retention, then records again', () => {
    const now = 10 * day;
    record(now - 8 * day);
    record(now - 2 * day);
    record(now - hour);
    store.applyRetention(now, 7);
    const web = { namespace: 'shop', kind: 'Deployment', name: 'web' };
    expect(store.usage.workloadSeries(web, 0, 10).map((s) => s.at)).toEqual([now - 2 * day, now - hour]);
    expect(store.usage.podSeries('shop', 'web-1', 0, 10).map((s) => s.at)).toEqual([now - hour]);
    record(now);
    expect(store.usage.podSeries('shop', 'web-1', 0, 10).map((s) => s.at)).toEqual([now - hour, now]);
  });
});
