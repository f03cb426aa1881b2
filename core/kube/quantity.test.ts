import { describe, expect, it } from 'vitest';
import { cpuToMillis, memoryToBytes, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['2', 2],
    ['250m', 0.25],
    ['1.5', 1.5],
    ['123456789n', 0.123456789],
    ['1500u', 0.0015],
    ['16Gi', 16 * 2 ** 30],
    ['12345Ki', 12345 * 1024],
    ['128M', 128e6],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['.5', 0.5],
  ])('%s → %d', (text, expected) => {
    expect(parseQuantity(text)).toBeCloseTo(expected, 12);
  });

  it.each(['', 'abc', '1Xi', '--1', '1 Gi'])('%j is not a quantity', (text) => {
    expect(parseQuantity(text)).toBeNaN();
  });

  it('treats a missing value as not a quantity', () => {
    expect(parseQuantity(undefined)).toBeNaN();
  });
});

describe('units the collector uses', () => {
  it.each([
    ['4', 4000],
    ['3920m', 3920],
    ['250000000n', 250],
  ])('cpu %s → %d millicores', (text, millis) => {
    expect(cpuToMillis(text)).toBe(millis);
  });

  it.each([
    ['16Gi', 17179869184],
    ['1024Ki', 1048576],
    ['1000', 1000],
  ])('memory %s → %d bytes', (text, bytes) => {
    expect(memoryToBytes(text)).toBe(bytes);
  });
});
