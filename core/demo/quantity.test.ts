import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCpuMillis,
  formatCpuNanocores,
  formatMetricsBytes,
  parseQuantity,
} from './quantity.ts';

const KI = 1024;
const MI = 1024 ** 2;
const GI = 1024 ** 3;

describe('quantities', () => {
  it.each([
    [0, '0'],
    [16 * GI, '16Gi'],
    [15155 * MI, '15155Mi'],
    [12345 * KI, '12345Ki'],
    [1500, '1500'],
    [1024 ** 4, '1Ti'],
    [70 * MI, '70Mi'],
  ])('formatBytes(%d) = %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it.each([
    [0, '0'],
    [1000, '1'],
    [4000, '4'],
    [3920, '3920m'],
    [250, '250m'],
    [0.5, '500u'],
    [1.2345678, '1234568n'],
  ])('formatCpuMillis(%d) = %s', (millis, expected) => {
    expect(formatCpuMillis(millis)).toBe(expected);
  });

  it.each([
    [123_456_789, '123456789n'],
    [250_000_000, '250m'],
    [2_000_000_000, '2'],
    [1_500, '1500n'],
    [3_000, '3u'],
  ])('formatCpuNanocores(%d) = %s, as metrics-server writes it', (nanocores, expected) => {
    expect(formatCpuNanocores(nanocores)).toBe(expected);
  });

  it.each([
    [12345 * KI + 300, '12345Ki'],
    [12345 * KI + 700, '12346Ki'],
    [2 * GI + 100, '2Gi'],
  ])('formatMetricsBytes(%d) = %s (whole KiB)', (bytes, expected) => {
    expect(formatMetricsBytes(bytes)).toBe(expected);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['128Mi', 128 * 1024 ** 2],
    ['1G', 1e9],
    ['1e3', 1000],
    ['100n', 1e-7],
    ['12345Ki', 12345 * 1024],
  ])('%s = %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 12);
  });

  it.each(['', 'abc', '1Q', '--1', '1.2.3'])('%j is not a quantity', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
