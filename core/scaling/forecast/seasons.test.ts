import { describe, expect, it } from 'vitest';
import { seasonsFor } from './seasons.ts';

describe('seasonsFor', () => {
  it.each([
    { stepMs: 60_000, daily: 1440, weekly: 10080 },
    { stepMs: 300_000, daily: 288, weekly: 2016 },
    { stepMs: 3_600_000, daily: 24, weekly: 168 },
    { stepMs: 7_000, daily: 0, weekly: 0 }, // does not divide a day
    { stepMs: 86_400_000, daily: 0, weekly: 0 }, // a season of one step is no season
    { stepMs: 0, daily: 0, weekly: 0 },
  ])('$stepMs ms → $daily a day', ({ stepMs, daily, weekly }) => {
    expect(seasonsFor(stepMs)).toEqual({ stepMs, daily, weekly });
  });
});
