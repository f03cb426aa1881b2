import { describe, expect, it } from 'vitest';
import { SimClock } from './clock.ts';

/** A real-time source the test moves by hand. */
function manualTime(start: number) {
  let now = start;
  return { read: () => now, advance: (ms: number) => (now += ms) };
}

describe('SimClock', () => {
  it.each([
    { speed: 1, realElapsed: 5000, simElapsed: 5000 },
    { speed: 60, realElapsed: 1000, simElapsed: 60_000 },
    { speed: 0.5, realElapsed: 3000, simElapsed: 1500 },
    { speed: 3600, realElapsed: 24_000, simElapsed: 86_400_000 },
  ])(
    'at speed $speed, $realElapsed real ms are $simElapsed simulated ms',
    ({ speed, realElapsed, simElapsed }) => {
      const real = manualTime(1_700_000_000_000);
      const clock = new SimClock({ startMs: 1_000_000, speed, realNow: real.read });
      expect(clock.now()).toBe(1_000_000);
      real.advance(realElapsed);
      expect(clock.now()).toBe(1_000_000 + simElapsed);
    },
  );

  it('starts at real now when no start is given', () => {
    const real = manualTime(1_700_000_123_456);
    const clock = new SimClock({ realNow: real.read, speed: 10 });
    expect(clock.startMs).toBe(1_700_000_123_456);
    real.advance(100);
    expect(clock.now()).toBe(1_700_000_124_456);
  });

  it('reports whole milliseconds', () => {
    const real = manualTime(0);
    const clock = new SimClock({ startMs: 0, speed: 0.3, realNow: real.read });
    real.advance(7);
    expect(clock.now()).toBe(2);
  });

  it.each([0, -1, Number.NaN, Infinity])('rejects speed %d', (speed) => {
    expect(() => new SimClock({ speed })).toThrow(RangeError);
  });
});
