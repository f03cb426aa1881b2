import { describe, expect, it } from 'vitest';
import { rightSize } from './right-sizing.ts';
import type { WorkloadObservation } from './types.ts';

const MIB = 1024 ** 2;

function observed(
  cpuPerPod: number,
  memoryMiB: number,
  overrides: Partial<WorkloadObservation> = {},
): WorkloadObservation {
  return {
    workload: 'shop/x',
    kind: 'Deployment',
    replicas: 2,
    requestCpuMillis: 200,
    requestMemoryBytes: 256 * MIB,
    limitMemoryBytes: 256 * MIB,
    startMs: 0,
    stepMs: 3_600_000,
    cpuMillis: Array.from({ length: 200 }, (_, i) => 2 * cpuPerPod * (i < 195 ? 1 : 2)),
    podMemoryBytes: Array.from({ length: 200 }, () => memoryMiB * MIB),
    oomKills: 0,
    ...overrides,
  };
}

describe('rightSize', () => {
  it.each([
    // CPU at p95 of per-pod usage (the top 5% excluded) + 15%, rounded up to 5m.
    { name: 'fits', cpu: 174, mem: 213, cpuRec: 205, memRec: 256, severity: 'none' },
    { name: 'oversized', cpu: 40, mem: 60, cpuRec: 50, memRec: 72, severity: 'high' },
    { name: 'undersized', cpu: 300, mem: 213, cpuRec: 345, memRec: 256, severity: 'high' },
  ])('$name', ({ cpu, mem, cpuRec, memRec, severity }) => {
    const r = rightSize(observed(cpu, mem));
    expect(r.cpuRequestMillis.recommended).toBe(cpuRec);
    expect(Math.round(r.memoryRequestBytes.recommended / MIB)).toBe(memRec);
    expect(r.severity).toBe(severity);
    expect(r.confidence).toBe('high'); // 200 hours observed
  });

  it('raises memory by half again after OOMKills, and says so', () => {
    const r = rightSize(observed(174, 250, { oomKills: 2 }));
    expect(Math.round(r.memoryLimitBytes.recommended / MIB)).toBe(450); // 250 × 1.2 × 1.5
    expect(r.severity).toBe('high');
    expect(r.reasoning).toMatch(/2 OOMKills/);
  });

  it('has low confidence on less than a day of data', () => {
    expect(rightSize(observed(100, 100, { stepMs: 60_000 })).confidence).toBe('low');
  });
});
