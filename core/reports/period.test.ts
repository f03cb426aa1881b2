import { describe, expect, it } from 'vitest';
import { formatCpu, formatDuration, fileNamePart } from './format.ts';
import { DurationError, parseDuration, resolvePeriod } from './period.ts';
import { printableServer } from './source.ts';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['1h30m', 5_400_000],
    [' 2W ', 1_209_600_000],
    ['1.5h', 5_400_000],
  ])('%s → %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['', /not a duration/],
    ['24', /not a duration.*30m, 6h, 24h or 7d/],
    ['yesterday', /not a duration/],
    ['24h and more', /not a duration/],
    ['-1h', /not a duration/],
    ['0s', /too short/],
    ['40d', /too long: a report covers at most 31 d/],
  ])('refuses %j', (text, message) => {
    expect(() => parseDuration(text)).toThrowError(DurationError);
    expect(() => parseDuration(text)).toThrowError(message);
  });
});

describe('resolvePeriod', () => {
  const now = Date.UTC(2025, 2, 14, 12);
  it.each([
    [{ period: '1h' as const }, { since: now - 3_600_000, until: now, label: 'last 1 h' }],
    [{ period: '7d' as const }, { since: now - 7 * 86_400_000, until: now, label: 'last 7 d' }],
    [{}, { since: now - 86_400_000, until: now, label: 'last 24 h' }],
    [{ since: now - 5400_000 }, { since: now - 5_400_000, until: now, label: 'last 1 h 30 min' }],
    [
      { since: Date.UTC(2025, 2, 1), until: Date.UTC(2025, 2, 2) },
      {
        since: Date.UTC(2025, 2, 1),
        until: Date.UTC(2025, 2, 2),
        label: '2025-03-01 00:00 UTC to 2025-03-02 00:00 UTC',
      },
    ],
  ])('%o', (request, range) => {
    expect(resolvePeriod(request, now)).toEqual(range);
  });
});

describe('formats', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [12 * 60_000, '12 min'],
    [90 * 60_000, '1 h 30 min'],
    [24 * 3_600_000, '24 h'],
    [3 * 86_400_000 + 4 * 3_600_000, '3 d 4 h'],
  ])('formatDuration(%i) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [null, '—'],
    [850, '850m'],
    [2500, '2.5 cores'],
    [28_000, '28 cores'],
  ])('formatCpu(%o) = %s', (millis, text) => {
    expect(formatCpu(millis)).toBe(text);
  });

  it.each([
    ['prod-eu', 'prod-eu'],
    ['arn:aws:eks:eu-west-1:123:cluster/prod', 'arn-aws-eks-eu-west-1-123-cluster-prod'],
    ['../../etc/passwd', '..-..-etc-passwd'],
    ['???', 'cluster'],
  ])('fileNamePart(%s) = %s', (text, part) => {
    expect(fileNamePart(text)).toBe(part);
  });

  it.each([
    ['https://10.0.0.1:6443', 'https://10.0.0.1:6443'],
    ['https://admin:secret@k8s.example.com/base?token=abc#x', 'https://k8s.example.com/base'],
    ['not a url user:pw@host?q', 'not a url user:pw@host'],
  ])('printableServer(%s) = %s', (server, printable) => {
    expect(printableServer(server)).toBe(printable);
  });
});
