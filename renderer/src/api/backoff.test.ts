import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.ts';

describe('reconnectDelay', () => {
  it.each([
    [0, 0],
    [1, 500],
    [2, 1000],
    [3, 2000],
    [5, 8000],
    [6, 10_000],
    [1000, 10_000],
  ])('after %i failures waits %i ms', (failures, delay) => {
    expect(reconnectDelay(failures)).toBe(delay);
  });
});
