import { describe, expect, it } from 'vitest';
import { SCALING_SCENARIOS } from '../../../test/fixtures/scaling/scenarios.ts';
import { adviseWorkload } from './advisor.ts';

describe('adviseWorkload on the eight scenario fixtures', () => {
  it.each(SCALING_SCENARIOS)('$name → $expected', async ({ observation, expected, only }) => {
    const advice = await adviseWorkload(observation);
    const kinds = advice.recommendations.map((r) => r.kind);
    for (const kind of expected) expect(kinds).toContain(kind);
    if (only) expect(kinds).toEqual(expected);
    for (const r of advice.recommendations) {
      expect(r.explanation.length).toBeGreaterThan(40);
      expect(['low', 'medium', 'high']).toContain(r.confidence);
    }
  });

  it('gives a forecast band around the forecast, and predictive replicas at least what is needed now', async () => {
    const advice = await adviseWorkload(
      SCALING_SCENARIOS[0]?.observation ?? SCALING_SCENARIOS[1]!.observation,
    );
    expect(advice.forecast.values).toHaveLength(24); // 6 h of 15-minute steps
    advice.forecast.values.forEach((v, i) => {
      expect(advice.forecast.lower[i]).toBeLessThanOrEqual(v);
      expect(advice.forecast.upper[i]).toBeGreaterThanOrEqual(v);
    });
    expect(advice.replicas.predictive).toBeGreaterThanOrEqual(advice.replicas.neededNow);
    expect(advice.confidence).toBe('high');
  });

  it('asks for requests where none are set', async () => {
    const normal = SCALING_SCENARIOS[0]!.observation;
    const advice = await adviseWorkload({
      ...normal,
      requestCpuMillis: 0,
      requestMemoryBytes: 0,
      hpa: undefined,
    });
    const kinds = advice.recommendations.map((r) => r.kind);
    expect(kinds).toContain('set-requests');
    expect(kinds).not.toContain('reduce-requests');
  });

  it('prices the daily schedule below a fixed count sized for the peak', async () => {
    const daily = SCALING_SCENARIOS.find((s) => s.name === 'daily peaks');
    const advice = await adviseWorkload(daily!.observation);
    expect(advice.cost.scheduled).toBeLessThan(advice.cost.fixedAtPeak);
    expect(advice.schedule.peaks.length).toBeGreaterThan(0);
    expect(advice.schedule.quiet.length).toBeGreaterThan(0);
  });
});
