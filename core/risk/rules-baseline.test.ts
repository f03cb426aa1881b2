import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, featureIndex } from './features.ts';
import { rulesBaseline, rulesScore } from './rules-baseline.ts';

function features(values: Record<string, number>): Float32Array {
  const f = new Float32Array(FEATURE_COUNT);
  for (const [name, value] of Object.entries(values)) f[featureIndex(name)] = value;
  return f;
}

describe('rules baseline', () => {
  it.each([
    ['a quiet node', {}, 0, []],
    ['memory at 85%', { memoryLevel: 0.85 }, 0.5, ['memory at 85% of allocatable']],
    ['memory at 95%', { memoryLevel: 0.95 }, 1, ['memory at 95% of allocatable']],
    ['CPU at 91%', { cpuLevel: 0.91 }, 0.55, ['CPU at 91% of allocatable']],
    ['NotReady', { notReady: 1 }, 1, ['the node is NotReady']],
    ['a recent OOM kill', { oomkills30m: Math.log1p(1) }, 0.75, ['OOM kills in the last 30 min']],
    [
      'a condition that turned bad',
      { conditionTroubles30m: Math.log1p(1) },
      0.6,
      ['a node condition turned bad in the last 30 min'],
    ],
    // Recovery (MemoryPressure=False) counts as a flap, not as trouble: the rules stay quiet.
    ['a condition that recovered', { conditionFlaps2h: Math.log1p(2) }, 0, []],
  ])('%s scores %s, with its reasons', (_, values, score, reasons) => {
    const f = features(values);
    expect(rulesBaseline(f).score).toBeCloseTo(score, 5);
    expect(rulesBaseline(f).reasons).toEqual(reasons);
    // The cheap score the worker uses every round agrees with the full verdict.
    expect(rulesScore(f)).toBeCloseTo(rulesBaseline(f).score, 10);
  });
});
