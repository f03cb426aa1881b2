import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, featureIndex } from './features.ts';
import { riskReasons } from './reasons.ts';

/** A feature vector with the named values set, the rest 0. */
function features(values: Record<string, number>): Float32Array {
  const x = new Float32Array(FEATURE_COUNT);
  for (const [name, value] of Object.entries(values)) x[featureIndex(name)] = value;
  return x;
}

/** The slow exhaustion score (2-h scale) of `minutes` left. */
const leftIn = (minutes: number) => Math.exp(-minutes / 120);

describe('risk reasons in plain words', () => {
  it.each([
    ['a quiet node', {}, []],
    [
      'a container leaking towards its limit, below a fuller one',
      { containerMemoryExhaustion: leftIn(14), podMemoryLevel: 0.93 },
      ['a container reaches its memory limit in ~14 min at its 30-min trend'],
    ],
    [
      'a container at its limit',
      { containerMemoryExhaustion: 1 },
      ['a container is at its memory limit (OOM kill next)'],
    ],
    ['a full container with no trend', { podMemoryLevel: 0.95 }, ['a container at 95% of its memory limit']],
    [
      'a slow leak hours away',
      { containerMemoryExhaustion: leftIn(180) },
      ['a container reaches its memory limit in ~3 h at its 30-min trend'],
    ],
    ['a leak too far ahead to mention', { containerMemoryExhaustion: leftIn(600) }, []],
    [
      'a disk filling',
      { diskExhaustionSlow: leftIn(40), diskLevel: 0.7 },
      ['disk reaches the eviction threshold in ~40 min'],
    ],
    [
      'a disk past the threshold',
      { diskExhaustionSlow: 1, diskLevel: 0.93 },
      ['disk past the eviction threshold'],
    ],
    ['a full disk, not filling', { diskLevel: 0.85 }, ['disk 85% full']],
  ])('%s', (_, values, expected) => {
    expect(riskReasons(features(values))).toEqual(expected);
  });

  it('names the container when the collector knows which one', () => {
    expect(
      riskReasons(features({ containerMemoryExhaustion: leftIn(14) }), { container: 'shop/web-1/sidecar' }),
    ).toEqual(['container shop/web-1/sidecar reaches its memory limit in ~14 min at its 30-min trend']);
  });

  it('puts what runs out soonest first, among the strongest three', () => {
    const reasons = riskReasons(
      features({
        containerMemoryExhaustion: leftIn(5),
        diskExhaustionSlow: leftIn(200),
        memorySlope30m: 0.1,
        incidents7d: Math.log1p(1),
      }),
    );
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toBe('a container reaches its memory limit in ~5 min at its 30-min trend');
    expect(reasons).toContain('disk reaches the eviction threshold in ~3 h');
  });
});
