import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './go-duration.ts';

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['30s', 30],
    ['5m', 300],
    ['1h30m', 5400],
    ['1.5s', 1.5],
    ['250ms', 0.25],
    ['1m30s', 90],
  ])('%s is %d s', (text, seconds) => {
    expect(parseGoDuration(text)).toBe(seconds);
  });

  it.each(['', '30', 'soon', '5x', '-5s', '5s junk'])('"%s" is refused with what to use', (text) => {
    const result = parseGoDuration(text);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain('such as 30s, 5m');
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [8, '8s'],
    [90, '1m30s'],
    [300, '5m0s'],
    [3600, '1h0m0s'],
    [1.5, '1.5s'],
  ])('%d s prints as %s', (seconds, text) => {
    expect(formatGoDuration(seconds)).toBe(text);
  });
});
