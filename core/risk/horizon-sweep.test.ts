import { describe, expect, it } from 'vitest';
import { chooseHorizon, planAtHorizon, type HorizonResult } from './horizon-sweep.ts';
import { DEFAULT_PLAN } from './experiment.ts';

function result(horizonMinutes: number, incidentPrAuc: number, medianLeadMinutes: number): HorizonResult {
  return {
    horizonMinutes,
    threshold: 0.35,
    incidentPrAuc,
    incidents: 48,
    warned: 30,
    medianLeadMinutes,
    falseAlarmsPerNodeDay: 0.5,
    longRoom: 21,
    longRoomWarned: 12,
    longRoomMedianLeadMinutes: medianLeadMinutes,
  };
}

describe('choosing the horizon on validation', () => {
  it('takes the best PR-AUC among the horizons that lead by at least 10 min', () => {
    expect(chooseHorizon([result(30, 0.8, 6), result(45, 0.65, 16), result(60, 0.71, 14.7)])).toBe(60);
    expect(chooseHorizon([result(30, 0.8, 12), result(45, 0.65, 16), result(60, 0.71, 14.7)])).toBe(30);
  });

  it('keeps 30 min when no horizon leads by 10 min (a NaN lead, nothing warned, counts as none)', () => {
    expect(chooseHorizon([result(45, 0.9, 9.9), result(60, 0.9, Number.NaN)])).toBe(30);
  });

  it('sets the labels and the judged horizon together', () => {
    expect(planAtHorizon(45)).toEqual({ ...DEFAULT_PLAN, horizonMinutes: 45, trainHorizonMinutes: 45 });
  });
});
