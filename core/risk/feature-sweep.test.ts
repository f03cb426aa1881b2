import { describe, expect, it } from 'vitest';
import type { SideBySide } from './experiment.ts';
import { pickCandidate, worstCase, type SweepCandidate } from './feature-sweep.ts';

function side(auc: number, lead: number, falseAlarms: number): SideBySide {
  const scorer = (a: number, l: number, fa: number) =>
    ({
      incidentPr: { auc: a, points: [] },
      alarms: { medianLeadMinutes: l, falseAlarmsPerNodeDay: fa },
    }) as unknown as SideBySide['model'];
  return { model: scorer(auc, lead, falseAlarms), baseline: scorer(0.1, Number.NaN, 7) };
}

function candidate(features: 'today' | 'A' | 'B', plan: 'a' | 'b', sides: SideBySide[]): SweepCandidate {
  return {
    features,
    plan,
    exams: sides.map((s, i) => ({ family: 'memoryLeak', clusters: i % 2 ? 'only' : 'others', side: s })),
  };
}

describe('the feature sweep rule', () => {
  const good = side(0.8, 15, 0.5);
  it('judges a candidate by its worst exam: targets met, and the largest lead shortfall', () => {
    expect(worstCase(candidate('A', 'a', [good, side(0.8, 4, 0.5), side(0.6, 12, 2)]))).toEqual({
      met: 1,
      shortfall: 6,
    });
    expect(worstCase(candidate('A', 'a', [good, side(0.05, Number.NaN, 0.2)])).shortfall).toBe(10);
  });

  it('picks the best worst case, then the smaller shortfall, then the first listed', () => {
    const today = candidate('today', 'a', [good, side(0.8, 3, 0.5)]);
    const a = candidate('A', 'a', [good, side(0.8, 7, 0.5)]);
    const b = candidate('B', 'b', [side(0.6, 3, 2), good]);
    expect(pickCandidate([today, a, b])).toBe(a);
    expect(pickCandidate([today, candidate('A', 'b', [good, side(0.8, 3, 0.5)])])).toBe(today);
    expect(pickCandidate([b, candidate('today', 'b', [good, good])])?.features).toBe('today');
  });
});
