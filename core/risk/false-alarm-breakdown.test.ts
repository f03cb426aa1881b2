import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../sim/index.ts';
import { falseAlarmBreakdown, formatFalseAlarmBreakdown } from './false-alarm-breakdown.ts';
import { alarmsAt, minuteDataset } from './test-support.ts';

const MINUTE = 60_000;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function cause(onsetMinute: number, family: IncidentRecord['family']): IncidentRecord {
  return {
    id: `cause-${onsetMinute}`,
    family,
    target: { kind: 'Node', name: 'node-a' },
    node: 'node-a',
    onsetMs: onsetMinute * MINUTE,
    severity: 0.5,
    precursor: 'strong',
    description: 'a cause',
  };
}

describe('false-alarm breakdown', () => {
  // Incidents at minutes 200 (a memoryLeak begun at 190), 500 (networkDegradation begun at 400)
  // and 1200 (no simulated cause). False alarms: 50 (model; next incident 150 min on, cause F),
  // 230 (component; 30 min after the first incident; next 270 min on), 420 (both; next 80 min on,
  // its cause already begun), 1300-1359 (one alarm held an hour: model first, then a repeat the
  // component rings). 1190 warns the third incident: a true alarm, not counted.
  const day = minuteDataset({ minutes: 1440, incidentsAt: [200, 500, 1200], horizonMinutes: 30 });
  const probability = alarmsAt(day, [50, 420, 1190, ...range(1300, 1329)]);
  const component = alarmsAt(day, [230, 420, ...range(1330, 1359)]);
  const scores = probability.map((p, i) => Math.max(p, component[i] ?? 0));
  const causes = [cause(190, 'memoryLeak'), cause(400, 'networkDegradation')];
  const parts = { probability, modelThreshold: 0.5, component, componentThreshold: 0.5 };
  const b = falseAlarmBreakdown(day, scores, 0.5, causes, parts, 'memoryLeak');

  it.each([
    // [bucket, n, repeats, after, model/comp/both, incident followed, F/other/none, cause began before]
    ['< 60 min', 0, 0, 0, [0, 0, 0], 0, [0, 0, 0], 0],
    ['60-120', 1, 0, 0, [0, 0, 1], 1, [0, 1, 0], 1],
    ['120-240', 1, 0, 0, [1, 0, 0], 1, [1, 0, 0], 0],
    ['240+', 1, 0, 1, [0, 1, 0], 1, [0, 1, 0], 0],
    ['none before end', 2, 1, 0, [1, 1, 0], 0, [0, 0, 0], 0],
  ] as const)('%s', (bucket, n, repeats, after, rang, withNext, next, before) => {
    const c = b.buckets[bucket];
    expect([c.n, c.repeats, c.after]).toEqual([n, repeats, after]);
    expect([c.parts.model, c.parts.component, c.parts.both]).toEqual(rang);
    expect([c.withNext, c.nextF, c.nextOther, c.nextNoCause, c.causeBeforeAlarm]).toEqual([
      withNext,
      ...next,
      before,
    ]);
  });

  it('counts every false alarm once overall, the repeat by the part that rang at its start', () => {
    expect(b.all.n).toBe(5);
    expect(b.all.parts).toEqual({ model: 2, component: 2, both: 1 });
    expect(b.all.repeatParts).toEqual({ model: 0, component: 1, both: 0 });
    expect([...b.all.otherFamilies]).toEqual([['networkDegradation', 2]]);
    expect(b.nodeDays).toBeCloseTo(day.length / 1440, 9);
  });

  it('an incident with no simulated cause counts as none, not as another family', () => {
    const alone = alarmsAt(day, [1000]);
    const parts = { probability: alone, modelThreshold: 0.5 };
    const late = falseAlarmBreakdown(day, alone, 0.5, causes, parts, 'memoryLeak');
    expect(late.buckets['120-240']).toMatchObject({ n: 1, nextNoCause: 1, nextOther: 0, nextF: 0 });
    expect(late.all.parts).toEqual({ model: 1, component: 0, both: 0 });
  });

  it('prints the table and the shares line', () => {
    const lines = formatFalseAlarmBreakdown('Day', b).split('\n');
    expect(lines[0]).toBe(
      `Day: 5 false alarms over ${b.nodeDays.toFixed(1)} node-days = ${(5 / b.nodeDays).toFixed(2)}/node-day`,
    );
    expect(lines.slice(3)).toEqual([
      '| 60-120 | 1 | 20% | 0 | 0 | 0 / 0 / 1 | 0 / 1 / 0 | 1 | networkDegradation 1 |',
      '| 120-240 | 1 | 20% | 0 | 0 | 1 / 0 / 0 | 1 / 0 / 0 | 0 |  |',
      '| 240+ | 1 | 20% | 0 | 1 | 0 / 1 / 0 | 0 / 1 / 0 | 0 | networkDegradation 1 |',
      '| none before end | 2 | 40% | 1 | 0 | 1 / 1 / 0 | n/a | n/a |  |',
      '| **all** | 5 | 100% | 1 | 1 | 2 / 2 / 1 | 1 / 2 / 0 | 1 | networkDegradation 2 |',
      'first hours 4 (model 2, comp 1, both 1); repeats 1 (model 0, comp 1, both 0). Shares: incident within 60-240 min 40% (cause F 20%; cause already begun 20%), "after" 20%, no incident within 4 h 60% (of which not "after" 40%); model rang (alone or both) 60%, component alone 40%.',
    ]);
  });
});
