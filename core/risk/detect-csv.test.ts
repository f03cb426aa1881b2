import { describe, expect, it } from 'vitest';
import { DetectInputError, detectCsvText, parseTimestamp, parseValue } from './detect-csv.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 5, 3, 0, 0, 0);

/** A noisy level with a ramp from `rampFrom`: rows as `timestamp,value` lines. */
function series(rows: number, rampFrom = Infinity, everyMs = MINUTE): string[] {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const noise = Math.sin(i * 12.9898) * 43758.5453;
    const value = 100 + 4 * (noise - Math.floor(noise)) + (i >= rampFrom ? (i - rampFrom) * 3 : 0);
    lines.push(`${new Date(T0 + i * everyMs).toISOString()},${value.toFixed(3)}`);
  }
  return lines;
}

function scores(csv: string): number[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.slice(line.lastIndexOf(',') + 1)));
}

describe('detectCsvText', () => {
  it('writes one row per input row, in order, timestamps verbatim, scores in [0,1]', () => {
    const rows = series(200, 150);
    rows[3] = `"${rows[3]?.split(',')[0]}",${rows[3]?.split(',')[1]}`;
    rows[4] = `${T0 / 1000 + 4 * 60},${rows[4]?.split(',')[1]}`;
    rows[5] = `2025-06-03T00:05:00.000+00:00,${rows[5]?.split(',')[1]}`;
    const out = detectCsvText(['timestamp,value', ...rows].join('\n'))
      .trim()
      .split('\n');
    expect(out[0]).toBe('timestamp,anomaly_score');
    expect(out).toHaveLength(rows.length + 1);
    for (const [i, row] of rows.entries()) {
      const echoed = out[i + 1] ?? '';
      expect(echoed.slice(0, echoed.lastIndexOf(','))).toBe(row.slice(0, row.lastIndexOf(',')));
    }
    for (const s of scores(out.join('\n'))) expect(s >= 0 && s <= 1).toBe(true);
  });

  it('is causal: the scores of the first N rows do not change when rows are appended', () => {
    const rows = series(400, 300);
    const full = scores(detectCsvText(['timestamp,value', ...rows].join('\n')));
    for (const n of [1, 31, 150, 299, 320]) {
      const prefix = scores(detectCsvText(['timestamp,value', ...rows.slice(0, n)].join('\n')));
      expect(prefix).toEqual(full.slice(0, n));
    }
  });

  it('raises on a ramp and stays quiet before it', () => {
    const s = scores(detectCsvText(['timestamp,value', ...series(300, 200)].join('\n')));
    expect(Math.max(...s.slice(0, 200))).toBeLessThan(0.5);
    expect(Math.max(...s.slice(200, 230))).toBeGreaterThan(0.5);
  });

  it('scores a constant series 0 throughout', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `${1_749_000_000 + i * 60},42`);
    expect(new Set(scores(detectCsvText(['timestamp,value', ...rows].join('\n'))))).toEqual(new Set([0]));
  });

  it.each([
    ['empty', ''],
    ['NaN', 'NaN'],
    ['nan', 'nan'],
    ['null', 'null'],
    ['NA', 'NA'],
  ])('treats a %s value as missing: the row repeats the previous score', (_, cell) => {
    const rows = series(250, 200);
    rows[220] = `${rows[220]?.split(',')[0]},${cell}`;
    const s = scores(detectCsvText(['timestamp,value', ...rows].join('\n')));
    expect(s).toHaveLength(250);
    expect(s[220]).toBe(s[219]);
  });

  it('scores duplicate timestamps as observations a moment apart', () => {
    const rows = series(100);
    rows.splice(60, 0, rows[59] ?? '');
    const s = scores(detectCsvText(['timestamp,value', ...rows].join('\n')));
    expect(s).toHaveLength(101);
    expect(s.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('restarts the warm-up after a long gap rather than alarming on it', () => {
    const before = series(100);
    const after = series(100, Infinity).map((row, i) => {
      const [, value] = row.split(',');
      return `${new Date(T0 + (100 + 24 * 60 + i) * MINUTE).toISOString()},${Number(value) + 50}`;
    });
    const s = scores(detectCsvText(['timestamp,value', ...before, ...after].join('\n')));
    expect(Math.max(...s.slice(100, 130))).toBe(0);
  });

  it('skips blank lines and accepts CRLF and a byte-order mark', () => {
    const text = '\uFEFFtimestamp,value\r\n\r\n' + series(5).join('\r\n') + '\r\n';
    expect(detectCsvText(text).trim().split('\n')).toHaveLength(6);
  });

  it.each([
    ['no header', series(3).join('\n'), /header must be "timestamp,value"/],
    ['a wrong header', 'time,val\n' + series(3).join('\n'), /header must be "timestamp,value"/],
    ['nothing at all', '', /input is empty/],
    ['a garbage timestamp', 'timestamp,value\nyesterday,1', /line 2: "yesterday" is not a timestamp/],
    ['a garbage value', 'timestamp,value\n1749000000,abc', /line 2: "abc" is not a number/],
    ['an infinite value', 'timestamp,value\n1749000000,Infinity', /is not a number/],
    ['three fields', 'timestamp,value\n1749000000,1,2', /line 2: expected 2 fields/],
    [
      'unsorted rows',
      'timestamp,value\n1749000060,1\n1749000000,2',
      /line 3: .* earlier than the row before/,
    ],
  ])('refuses %s with an error that names the line and says what to do', (_, text, message) => {
    expect(() => detectCsvText(text)).toThrow(DetectInputError);
    expect(() => detectCsvText(text)).toThrow(message);
  });

  it.each([
    ['2025-06-03T00:00:00Z', T0 / 1000],
    ['1749000000', 1_749_000_000],
    ['1749000000000', 1_749_000_000],
    ['1749000000.5', 1_749_000_000.5],
    ['03/06/2025', undefined],
    ['', undefined],
  ])('parseTimestamp(%j) = %j', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    ['1.5', 1.5],
    [' -2 ', -2],
    ['', undefined],
    ['NaN', undefined],
    ['x', null],
  ])('parseValue(%j) = %j', (text, expected) => {
    expect(parseValue(text)).toBe(expected);
  });
});
