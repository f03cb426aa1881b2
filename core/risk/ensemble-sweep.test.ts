import { describe, expect, it } from 'vitest';
import { chooseEnsemble, type EnsembleResult } from './ensemble-sweep.ts';

function result(
  horizonMinutes: number,
  ensembleSize: number,
  incidentPrAuc: number,
  lead: number,
): EnsembleResult {
  return {
    horizonMinutes,
    ensembleSize,
    threshold: 0.35,
    incidentPrAuc,
    incidents: 48,
    warned: 30,
    medianLeadMinutes: lead,
    falseAlarmsPerNodeDay: 0.5,
    longRoom: 21,
    longRoomWarned: 12,
    longRoomMedianLeadMinutes: lead,
  };
}

const pick = (r: EnsembleResult | undefined) => r && [r.horizonMinutes, r.ensembleSize];

describe('choosing the ensemble size and horizon on validation', () => {
  it('takes the best PR-AUC among the (horizon, size) pairs that lead by at least 10 min', () => {
    const results = [
      result(30, 1, 0.8, 6),
      result(30, 3, 0.9, 7),
      result(60, 1, 0.7, 14),
      result(60, 3, 0.75, 12),
    ];
    expect(pick(chooseEnsemble(results))).toEqual([60, 3]);
  });

  it('without a 10-min lead, the best PR-AUC at 30 min; a tie goes to the smaller ensemble', () => {
    const results = [
      result(30, 1, 0.7, 6),
      result(30, 3, 0.72, 7),
      result(30, 5, 0.72, 7),
      result(60, 5, 0.9, 9),
    ];
    expect(pick(chooseEnsemble(results))).toEqual([30, 3]);
  });
});
