import { describe, expect, it } from 'vitest';
import { buildCluster } from './cluster.ts';
import type { SimCluster, SimPod } from './types.ts';
import {
  DAY_MS,
  nodeOverheadAt,
  nodeUsageAt,
  nodeUsageTableAt,
  podContainerUsageAt,
  podUsageAt,
} from './usage.ts';

const HOUR_MS = 3_600_000;
/** Midnight UTC, so hour-of-day arithmetic in the tests is plain. */
const MIDNIGHT = Date.UTC(2025, 2, 3);

const cluster = buildCluster({ seed: 21, nodes: 30, podsPerNode: 10, nowMs: MIDNIGHT });

function series(c: SimCluster, pod: SimPod, from: number, step: number, count: number) {
  return Array.from({ length: count }, (_, i) => podUsageAt(pod, c.seed, from + i * step));
}

function meanCpu(pod: SimPod, hours: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const hour of hours) {
    for (let minute = 0; minute < 60; minute += 5) {
      sum += podUsageAt(pod, cluster.seed, MIDNIGHT + hour * HOUR_MS + minute * 60_000).cpuMillis;
      n++;
    }
  }
  return sum / n;
}

describe('podUsageAt', () => {
  it('gives the same series for the same seed and another for a different seed', () => {
    const twin = buildCluster({ seed: 21, nodes: 30, podsPerNode: 10, nowMs: MIDNIGHT });
    const other = buildCluster({ seed: 22, nodes: 30, podsPerNode: 10, nowMs: MIDNIGHT });
    const pod = cluster.pods[17]!;
    const expected = series(cluster, pod, MIDNIGHT, 5000, 200);
    expect(series(twin, twin.pods[17]!, MIDNIGHT, 5000, 200)).toEqual(expected);
    expect(series(other, other.pods[17]!, MIDNIGHT, 5000, 200)).not.toEqual(expected);
  });

  it('is a pure function of time: evaluation order does not matter', () => {
    const pod = cluster.pods[3]!;
    const t = MIDNIGHT + 5 * HOUR_MS;
    const first = podUsageAt(pod, cluster.seed, t);
    series(cluster, pod, MIDNIGHT, 1000, 50);
    expect(podUsageAt(pod, cluster.seed, t)).toEqual(first);
  });

  it.each([
    { gapMs: 5000, label: 'two collections 5 s apart' },
    { gapMs: 15_000, label: 'two samples one noise bucket apart' },
  ])('changes between $label', ({ gapMs }) => {
    let changedCpu = 0;
    let changedMemory = 0;
    const relativeCpuChange: number[] = [];
    for (const pod of cluster.pods) {
      const a = podUsageAt(pod, cluster.seed, MIDNIGHT + 7_000);
      const b = podUsageAt(pod, cluster.seed, MIDNIGHT + 7_000 + gapMs);
      // In the units metrics.k8s.io reports (nanocores, KiB), not in the last floating-point digit.
      if (Math.round(a.cpuMillis * 1e6) !== Math.round(b.cpuMillis * 1e6)) changedCpu++;
      if (Math.round(a.memoryBytes / 1024) !== Math.round(b.memoryBytes / 1024)) changedMemory++;
      relativeCpuChange.push(Math.abs(a.cpuMillis - b.cpuMillis) / a.cpuMillis);
    }
    expect(changedCpu).toBeGreaterThan(cluster.pods.length * 0.95);
    expect(changedMemory).toBeGreaterThan(cluster.pods.length * 0.9);
    // Visibly: the typical pod moves by more than 1% between the two samples.
    relativeCpuChange.sort((x, y) => x - y);
    expect(relativeCpuChange[relativeCpuChange.length >> 1]).toBeGreaterThan(0.01);
  });

  it('moves continuously: no jumps at bucket edges', () => {
    for (const pod of cluster.pods.slice(0, 50)) {
      const edge = MIDNIGHT + 15_000 * 1000;
      const before = podUsageAt(pod, cluster.seed, edge - 1).cpuMillis;
      const after = podUsageAt(pod, cluster.seed, edge + 1).cpuMillis;
      expect(Math.abs(after - before)).toBeLessThan(pod.usage.cpuBaseMillis * 0.01);
    }
  });

  it('has a daily shape: each pod is busier around its peak hour than twelve hours later', () => {
    for (const pod of cluster.pods.filter((p) => p.usage.dailyAmplitude >= 0.3).slice(0, 40)) {
      const peak = Math.round(pod.usage.peakHour);
      const peakHours = [-1, 0, 1].map((d) => (peak + d + 24) % 24);
      const troughHours = peakHours.map((h) => (h + 12) % 24);
      expect(meanCpu(pod, peakHours)).toBeGreaterThan(meanCpu(pod, troughHours) * 1.3);
    }
  });

  it('makes the whole cluster busier in the US afternoon than in the early morning', () => {
    const total = (hour: number) => {
      const table = nodeUsageTableAt(cluster, MIDNIGHT + hour * HOUR_MS);
      return table.cpuMillis.reduce((a, b) => a + b, 0);
    };
    const afternoon = (total(16) + total(17) + total(18)) / 3;
    const morning = (total(7) + total(8) + total(9)) / 3;
    expect(afternoon).toBeGreaterThan(morning * 1.1);
  });

  it('never goes below zero nor above a limit', () => {
    for (const pod of cluster.pods) {
      for (let t = MIDNIGHT; t < MIDNIGHT + DAY_MS; t += 47 * 60_000) {
        const usage = podUsageAt(pod, cluster.seed, t);
        expect(usage.cpuMillis).toBeGreaterThanOrEqual(0);
        expect(usage.memoryBytes).toBeGreaterThanOrEqual(0);
        const limits = pod.workload.podLimits;
        if (limits.cpuMillis !== undefined) expect(usage.cpuMillis).toBeLessThanOrEqual(limits.cpuMillis);
        if (limits.memoryBytes !== undefined)
          expect(usage.memoryBytes).toBeLessThanOrEqual(limits.memoryBytes);
      }
    }
  });

  it('actually reaches the memory limit for some pods (the clamp is exercised)', () => {
    const clamped = cluster.pods.some((pod) => {
      const limit = pod.workload.podLimits.memoryBytes;
      if (limit === undefined) return false;
      for (let t = MIDNIGHT; t < MIDNIGHT + DAY_MS; t += 10 * 60_000) {
        if (podUsageAt(pod, cluster.seed, t).memoryBytes === limit) return true;
      }
      return false;
    });
    expect(clamped).toBe(true);
  });
});

describe('podContainerUsageAt', () => {
  it('splits the pod usage over its containers, each within its own limit', () => {
    const multi = cluster.pods.filter((p) => p.workload.containers.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const pod of [...multi, ...cluster.pods.slice(0, 20)]) {
      const t = MIDNIGHT + 15 * HOUR_MS;
      const total = podUsageAt(pod, cluster.seed, t);
      const parts = podContainerUsageAt(pod, cluster.seed, t);
      expect(parts.map((p) => p.name)).toEqual(pod.workload.containers.map((c) => c.name));
      expect(parts.reduce((s, p) => s + p.cpuMillis, 0)).toBeCloseTo(total.cpuMillis, 6);
      expect(Math.abs(parts.reduce((s, p) => s + p.memoryBytes, 0) - total.memoryBytes)).toBeLessThanOrEqual(
        parts.length,
      );
      parts.forEach((part, i) => {
        const limits = pod.workload.containers[i]!.limits;
        if (limits.cpuMillis !== undefined)
          expect(part.cpuMillis).toBeLessThanOrEqual(limits.cpuMillis + 1e-9);
        if (limits.memoryBytes !== undefined)
          expect(part.memoryBytes).toBeLessThanOrEqual(limits.memoryBytes + 1);
      });
    }
  });
});

describe('node usage', () => {
  const t = MIDNIGHT + 13 * HOUR_MS + 4321;

  it('is the sum of its pods plus the system overhead', () => {
    for (const node of cluster.nodes) {
      const expected = nodeOverheadAt(node, cluster.seed, t);
      for (const index of cluster.podIndicesByNode[node.index]!) {
        const usage = podUsageAt(cluster.pods[index]!, cluster.seed, t);
        expected.cpuMillis += usage.cpuMillis;
        expected.memoryBytes += usage.memoryBytes;
      }
      const actual = nodeUsageAt(cluster, node, t);
      expect(actual.cpuMillis).toBeCloseTo(expected.cpuMillis, 6);
      expect(actual.memoryBytes).toBe(expected.memoryBytes);
      expect(actual.cpuMillis).toBeGreaterThan(node.systemOverhead.cpuMillis * 0.8);
    }
  });

  it('agrees between the one-node and the whole-cluster computation', () => {
    const table = nodeUsageTableAt(cluster, t);
    expect(table.tMs).toBe(t);
    for (const node of cluster.nodes) {
      const single = nodeUsageAt(cluster, node, t);
      expect(table.cpuMillis[node.index]).toBeCloseTo(single.cpuMillis, 6);
      expect(table.memoryBytes[node.index]).toBe(single.memoryBytes);
    }
  });

  it('stays within what the node has, at the busiest hour', () => {
    for (let hour = 0; hour < 24; hour += 3) {
      const table = nodeUsageTableAt(cluster, MIDNIGHT + hour * HOUR_MS);
      for (const node of cluster.nodes) {
        expect(table.memoryBytes[node.index]).toBeLessThan(node.capacity.memoryBytes);
      }
    }
  });
});
