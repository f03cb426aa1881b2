import { describe, expect, it } from 'vitest';
import { isoSeconds } from '../store/object-store.ts';
import { rfc3339 } from './time.ts';

describe('rfc3339', () => {
  it.each([
    0,
    999,
    1_700_000_000_500,
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    Date.UTC(1999, 11, 31, 0, 0, 0),
    -1500,
  ])('formats %i like isoSeconds', (ms) => {
    expect(rfc3339(ms)).toBe(isoSeconds(ms));
  });
});
