import { describe, expect, it } from 'vitest';
import { observationFromHistory } from './from-history.ts';

const sample = (at: number, pods: number, cpu: number, memMax: number) => ({
  at,
  pods,
  cpuMillis: cpu,
  cpuMaxMillis: cpu / pods,
  memoryBytes: memMax * pods,
  memoryMaxBytes: memMax,
  cpuRequestMillis: 100 * pods,
  memoryRequestBytes: 1000 * pods,
});

describe('observationFromHistory', () => {
  it('averages CPU per bucket, keeps the largest pod’s memory, leaves gaps as NaN', () => {
    const o = observationFromHistory(
      {
        namespace: 'shop',
        kind: 'Deployment',
        name: 'web',
        samples: [sample(0, 2, 100, 10), sample(50, 2, 300, 30), sample(250, 3, 600, 20)],
      },
      100,
    );
    expect(o?.workload).toBe('shop/web');
    expect([...(o?.cpuMillis as Float64Array)]).toEqual([200, NaN, 600]);
    expect([...(o?.podMemoryBytes as Float64Array)]).toEqual([30, NaN, 20]);
    expect(o?.replicas).toBe(3);
    expect(o?.requestCpuMillis).toBe(100);
    expect(o?.requestMemoryBytes).toBe(1000);
  });

  it('says nothing without samples', () => {
    expect(
      observationFromHistory({ namespace: 'a', kind: 'Deployment', name: 'b', samples: [] }),
    ).toBeUndefined();
  });
});
