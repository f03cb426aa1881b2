import { describe, expect, it } from 'vitest';
import type { SideBySide } from './experiment.ts';
import { checkTargets, EXAM_ROOM_MINUTES, examFamilies } from './unseen-exam.ts';

function side(auc: number, rulesAuc: number, lead: number, falseAlarms: number): SideBySide {
  const scorer = (a: number, l: number, fa: number) =>
    ({
      incidentPr: { auc: a, points: [] },
      alarms: { medianLeadMinutes: l, falseAlarmsPerNodeDay: fa },
    }) as unknown as SideBySide['model'];
  return { model: scorer(auc, lead, falseAlarms), baseline: scorer(rulesAuc, Number.NaN, 7) };
}

describe('the unseen-family exam, family by family', () => {
  it('examines the families whose median lead room is at least twice the 10-min target, in family order', () => {
    expect(EXAM_ROOM_MINUTES).toBe(20);
    const rooms = [
      { family: 'trafficSurge', incidents: 6, medianRoomMinutes: 20 },
      { family: 'kubeletCrashLoop', incidents: 7, medianRoomMinutes: 9.8 },
      { family: 'memoryLeak', incidents: 7, medianRoomMinutes: 117 },
      { family: 'diskFill', incidents: 5, medianRoomMinutes: 19.9 },
      { family: 'no simulated cause', incidents: 3, medianRoomMinutes: Number.NaN },
      { family: 'hardwareFailure', incidents: 2, medianRoomMinutes: Number.NaN },
    ];
    expect(examFamilies(rooms)).toEqual(['memoryLeak', 'trafficSurge']);
  });

  it.each([
    [side(0.74, 0.15, 16, 0.6), { prAuc: true, lead: true, falseAlarms: true, met: true }],
    [side(0.74, 0.4, 16, 0.6), { prAuc: false, lead: true, falseAlarms: true, met: false }],
    [side(0.69, 0.1, 16, 0.6), { prAuc: false, lead: true, falseAlarms: true, met: false }],
    [side(0.8, 0.1, 9.9, 0.6), { prAuc: true, lead: false, falseAlarms: true, met: false }],
    [side(0.8, 0.1, 12, 1.01), { prAuc: true, lead: true, falseAlarms: false, met: false }],
    [side(Number.NaN, 0.1, Number.NaN, 0), { prAuc: false, lead: false, falseAlarms: true, met: false }],
  ])(
    'checks the three targets: PR-AUC ≥ 0.7 and ≥ 2× the rules, lead ≥ 10 min, ≤ 1 false alarm (%#)',
    (s, want) => {
      expect(checkTargets(s)).toEqual(want);
    },
  );
});
