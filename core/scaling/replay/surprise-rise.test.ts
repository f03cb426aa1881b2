import { describe, expect, it } from 'vitest';
import { SurpriseRise } from './surprise-rise.ts';

describe('SurpriseRise: one more step of a rise the forecast did not see coming', () => {
  // The upper forecast made at step 4 for step 5 is 500 m.
  const upperNext = Float64Array.from({ length: 10 }, (_, i) => (i === 4 ? 500 : NaN));
  const cases = [
    { name: 'above the forecast and rising: the rise goes on', loads: [400, 600], next: 800 },
    { name: 'rising but within the forecast: noise, no rule', loads: [300, 450], next: NaN },
    { name: 'above the forecast but falling: no rule', loads: [700, 600], next: NaN },
    { name: 'above the forecast but level: no rule', loads: [600, 600], next: NaN },
    { name: 'no load seen at the step before: no rule', loads: [undefined, 600], next: NaN },
  ];
  it.each(cases)('$name', ({ loads: [before, now], next }) => {
    const rise = new SurpriseRise(upperNext);
    if (before !== undefined) rise.observe(4, before);
    if (now !== undefined) rise.observe(5, now);
    expect(rise.next(5)).toBe(next);
  });

  it('keeps the first load seen in a step (later syncs of the step do not count)', () => {
    const rise = new SurpriseRise(upperNext);
    rise.observe(4, 400);
    rise.observe(5, 600);
    rise.observe(5, 450);
    expect(rise.next(5)).toBe(800);
  });

  it('has no rule where there is no forecast', () => {
    const rise = new SurpriseRise(new Float64Array(10).fill(NaN));
    rise.observe(4, 400);
    rise.observe(5, 600);
    expect(rise.next(5)).toBeNaN();
  });
});
