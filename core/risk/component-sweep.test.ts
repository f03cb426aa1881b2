import { describe, expect, it } from 'vitest';
import type { ComponentName } from './alarm-components.ts';
import { pickComponent, ranking, type ComponentCandidate } from './component-sweep.ts';
import type { SideBySide } from './experiment.ts';

function side(auc: number, lead: number, falseAlarms: number, warned = 5, incidents = 10): SideBySide {
  const scorer = (a: number, l: number, fa: number) =>
    ({
      incidentPr: { auc: a, points: [] },
      alarms: { medianLeadMinutes: l, falseAlarmsPerNodeDay: fa, warned, incidents },
    }) as unknown as SideBySide['model'];
  return { model: scorer(auc, lead, falseAlarms), baseline: scorer(0.1, Number.NaN, 7) };
}

/** Exams in the sweep's order: (i) every, (ii) only, for memoryLeak then diskFill. */
function candidate(component: ComponentName, plan: 'a' | 'b', sides: SideBySide[]): ComponentCandidate {
  return {
    component,
    plan,
    exams: sides.map((s, i) => ({
      family: i < 2 ? 'memoryLeak' : 'diskFill',
      clusters: i % 2 ? 'only' : 'every',
      modelThreshold: 0.35,
      componentThreshold: 0.8,
      side: s,
    })),
  };
}

describe('the component sweep rule', () => {
  const good = side(0.8, 15, 0.5);
  it('ranks by the worse (i) exam, the worst (i) shortfall, then the worse (ii) warned share and lead', () => {
    const c = candidate('E', 'a', [
      good,
      side(0.9, 3, 2, 2, 10),
      side(0.8, 6, 0.5),
      side(0.5, Number.NaN, 0, 0, 4),
    ]);
    expect(ranking(c)).toEqual([2, -4, 0, 0]);
    expect(ranking(candidate('E', 'a', [good, good, good, side(0.8, 4, 0.5, 3, 4)]))).toEqual([
      3, -0, 0.5, 4,
    ]);
  });

  it('the (ii) exams decide only ties of the (i) exams, and their PR-AUC never', () => {
    const none = candidate('none', 'a', [side(0.8, 6, 0.5), side(0.9, 20, 0.5, 9), good, good]);
    const e = candidate('E', 'a', [side(0.8, 7, 0.5), side(0.1, 1, 9, 1), good, good]);
    expect(pickComponent([none, e])).toBe(e);
    const d = candidate('D', 'b', [side(0.8, 7, 0.5), side(0.1, 2, 9, 2), good, good]);
    expect(pickComponent([none, e, d])).toBe(d);
  });

  it('a full tie goes to the simpler, listed first', () => {
    const a = candidate('none', 'a', [good, good, good, good]);
    const b = candidate('E+D', 'b', [good, good, good, good]);
    expect(pickComponent([a, b])).toBe(a);
  });
});
