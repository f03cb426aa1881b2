import { describe, expect, it } from 'vitest';
import { compareCost, DEFAULT_PRICES, HOURS_PER_MONTH, podHourCost } from './cost.ts';

const GIB = 1024 ** 3;

describe('cost', () => {
  it('prices a pod hour from its requests', () => {
    expect(podHourCost(1000, GIB, DEFAULT_PRICES)).toBeCloseTo(0.04048 + 0.004445, 10);
    expect(podHourCost(500, 2 * GIB, { vcpuHour: 1, gibHour: 1, currency: 'X' })).toBe(2.5);
  });

  it('compares today, the schedule and a fixed count at the peak', () => {
    const prices = { vcpuHour: 1, gibHour: 0, currency: 'EUR' };
    const weekdays = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 4 : 1));
    const weekends = Array.from({ length: 24 }, () => 1);
    const cost = compareCost(
      { replicas: 4, cpuMillis: 1000, memoryBytes: GIB },
      { cpuMillis: 1000, memoryBytes: GIB, weekdays, weekends },
      prices,
    );
    const weeks = HOURS_PER_MONTH / 168;
    expect(cost.today).toBeCloseTo(4 * HOURS_PER_MONTH, 2);
    expect(cost.scheduled).toBeCloseTo((5 * (8 * 4 + 16) + 2 * 24) * weeks, 1);
    expect(cost.fixedAtPeak).toBeCloseTo(4 * HOURS_PER_MONTH, 2);
    expect(cost.monthlySavings).toBeCloseTo(cost.today - cost.recommended, 1);
    expect(cost.currency).toBe('EUR');
  });
});
