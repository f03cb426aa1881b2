import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatBytes,
  formatCount,
  formatCpu,
  formatPercent,
  usageFraction,
  usageLevel,
} from './units.ts';

const Ki = 1024;
const Mi = 1024 ** 2;
const Gi = 1024 ** 3;

describe('formatCpu', () => {
  it.each([
    [null, '—'],
    [0, '0m'],
    [250, '250m'],
    [999.6, '1000m'],
    [1000, '1'],
    [1250, '1.25'],
    [3500, '3.5'],
    [16_000, '16'],
    [15_750, '15.8'],
    [Number.NaN, '—'],
  ])('%s millicores → %s', (millis, text) => {
    expect(formatCpu(millis)).toBe(text);
  });
});

describe('formatBytes', () => {
  it.each([
    [null, '—'],
    [0, '0B'],
    [512, '512B'],
    [1536, '1.5Ki'],
    [512 * Mi, '512Mi'],
    [1.5 * Gi, '1.5Gi'],
    [15.61 * Gi, '15.6Gi'],
    [3.256 * Gi, '3.26Gi'],
    [2048 * Gi, '2Ti'],
    [100 * Ki, '100Ki'],
  ])('%s bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('usageFraction and formatPercent', () => {
  it.each([
    [1000, 4000, 0.25, '25%'],
    [null, 4000, null, '—'],
    [10, 0, null, '—'],
    [5000, 4000, 1.25, '125%'],
  ])('%s of %s → %s (%s)', (used, total, fraction, text) => {
    expect(usageFraction(used, total)).toBe(fraction);
    expect(formatPercent(usageFraction(used, total))).toBe(text);
  });
});

describe('usageLevel', () => {
  it.each([
    [null, 'unknown'],
    [0.1, 'ok'],
    [0.75, 'warn'],
    [0.9, 'critical'],
    [1.3, 'critical'],
  ])('%s → %s', (fraction, level) => {
    expect(usageLevel(fraction)).toBe(level);
  });
});

describe('formatAgo', () => {
  it.each([
    [0, 'just now'],
    [1_400, 'just now'],
    [42_000, '42 s ago'],
    [5 * 60_000, '5 min ago'],
    [3 * 3600_000, '3 h ago'],
    [72 * 3600_000, '3 d ago'],
    [-5_000, 'just now'],
  ])('%i ms ago → %s', (elapsed, text) => {
    expect(formatAgo(1_000_000 - elapsed, 1_000_000)).toBe(text);
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(5000)).toBe('5,000');
  });
});
