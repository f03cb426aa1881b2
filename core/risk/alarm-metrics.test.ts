import { describe, expect, it } from 'vitest';
import { alarmSummary, eachAlarmRun, incidentPrCurve } from './alarm-metrics.ts';
import { alarmsAt, minuteDataset } from './test-support.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('alarmSummary', () => {
  const day = minuteDataset({ minutes: 24 * 60, incidentsAt: [100, 600], horizonMinutes: 30 });

  it.each([
    // [what, alarm minutes, warned, lead of each warned incident, true alarms, false alarms]
    ['no alarm at all', [], 0, [], 0, 0],
    ['one alarm 12 min before the first incident', [88], 1, [12], 1, 0],
    ['an alarm held from 20 min before until the incident is one alarm', range(80, 99), 1, [20], 1, 0],
    ['an alarm nothing followed is false', [300], 0, [], 0, 1],
    ['both incidents warned, lead from each first alarm', [...range(95, 99), 590], 2, [5, 10], 2, 0],
    ['an alarm before the horizon is false, a later one true', [60, 95], 1, [5], 1, 1],
  ] as const)('%s', (_, minutes, warned, leads, trueAlarms, falseAlarms) => {
    const s = alarmSummary(day, alarmsAt(day, minutes), 0.5);
    expect(s.incidents).toBe(2);
    expect(s.warned).toBe(warned);
    expect(s.leadMinutes).toEqual(leads);
    expect(s.trueAlarms).toBe(trueAlarms);
    expect(s.falseAlarms).toBe(falseAlarms);
  });

  it('a flicker shorter than the resolve time is one alarm; a longer gap starts a new one', () => {
    expect(alarmSummary(day, alarmsAt(day, [300, 303]), 0.5).falseAlarms).toBe(1);
    expect(alarmSummary(day, alarmsAt(day, [300, 306]), 0.5).falseAlarms).toBe(2);
  });

  it('an alarm left on counts again each horizon, as an alert manager repeats it', () => {
    const onForTwoHours = alarmsAt(day, range(300, 419));
    expect(alarmSummary(day, onForTwoHours, 0.5).falseAlarms).toBe(4);
  });

  it('false alarms per node-day divide by the points covered', () => {
    const s = alarmSummary(day, alarmsAt(day, [300, 900]), 0.5);
    expect(s.nodeDays).toBeCloseTo(day.length / 1440, 6);
    expect(s.falseAlarmsPerNodeDay).toBeCloseTo(2 / s.nodeDays, 6);
  });
});

describe('eachAlarmRun', () => {
  const day = minuteDataset({ minutes: 24 * 60, incidentsAt: [100, 600], horizonMinutes: 30 });
  // One run as [since, last on, positive, first warned [episode, at], repeat] (minutes).
  type Row = [number, number, boolean, [number, number][], boolean];

  it.each([
    [
      'a held alarm repeats each horizon',
      range(300, 339),
      [
        [300, 329, false, [], false],
        [330, 339, false, [], true],
      ],
    ],
    [
      'a run resolves after 5 quiet minutes, not before',
      [300, 304, 310],
      [
        [300, 304, false, [], false],
        [310, 310, false, [], false],
      ],
    ],
    [
      'the skipped stretch of an incident ends a run',
      [97, 98, 99, 101, 102],
      [
        [97, 99, true, [[0, 97]], false],
        [101, 102, false, [], false],
      ],
    ],
    [
      'an incident is first warned once, by the earliest run',
      [75, 85, 95, 595],
      [
        [75, 75, true, [[0, 75]], false],
        [85, 85, true, [], false],
        [95, 95, true, [], false],
        [595, 595, true, [[1, 595]], false],
      ],
    ],
  ] as [string, number[], Row[]][])('%s', (_, minutes, expected) => {
    const runs = [...eachAlarmRun(day, alarmsAt(day, minutes), 0.5)];
    expect(
      runs.map((r): Row => [
        r.sinceMs / 60_000,
        r.lastOnMs / 60_000,
        r.positive,
        r.firstWarned.map((w): [number, number] => [w.episode, w.atMs / 60_000]),
        r.repeat,
      ]),
    ).toEqual(expected);
    for (const r of runs) {
      expect(r.node).toBe(0);
      expect(day.times[r.firstPoint]).toBe(r.sinceMs);
    }
  });
});

describe('incidentPrCurve', () => {
  it('is 1 for a score that rises only before incidents, lower when it also rises elsewhere', () => {
    const day = minuteDataset({ minutes: 1440, incidentsAt: [100, 600], horizonMinutes: 30 });
    const perfect = alarmsAt(day, [...range(90, 99), ...range(590, 599)]);
    expect(incidentPrCurve(day, perfect).auc).toBe(1);
    const noisy = alarmsAt(day, [...range(90, 99), ...range(590, 599), 300, 800, 1200]);
    expect(incidentPrCurve(day, noisy).auc).toBeCloseTo(0.4, 6);
  });
});
