import { describe, expect, it } from 'vitest';
import { withTestSeeds } from './exam-seeds.ts';
import { DEFAULT_PLAN } from './experiment.ts';

describe('--test-seeds for the sweeps’ exams', () => {
  it('replaces only the held-out seeds', () => {
    const plan = withTestSeeds(DEFAULT_PLAN, '103, 104,105,106');
    expect(plan.testSeeds).toEqual([103, 104, 105, 106]);
    expect(plan.trainSeeds).toEqual(DEFAULT_PLAN.trainSeeds);
    expect(plan.validationSeeds).toEqual(DEFAULT_PLAN.validationSeeds);
    expect({ ...plan, testSeeds: DEFAULT_PLAN.testSeeds }).toEqual(DEFAULT_PLAN);
  });

  it('keeps the plan without the option, and drops a repeated seed', () => {
    expect(withTestSeeds(DEFAULT_PLAN, undefined)).toBe(DEFAULT_PLAN);
    expect(withTestSeeds(DEFAULT_PLAN, '103,103').testSeeds).toEqual([103]);
  });

  it('refuses a training or validation seed, and anything but whole numbers', () => {
    expect(() => withTestSeeds(DEFAULT_PLAN, '103,3')).toThrow(/seed 3 is a training or validation seed/);
    expect(() => withTestSeeds(DEFAULT_PLAN, '8')).toThrow(/seed 8/);
    expect(() => withTestSeeds(DEFAULT_PLAN, '')).toThrow(/whole numbers/);
    expect(() => withTestSeeds(DEFAULT_PLAN, '103,x')).toThrow(/whole numbers/);
    expect(() => withTestSeeds(DEFAULT_PLAN, '103,')).toThrow(/whole numbers/);
  });
});
