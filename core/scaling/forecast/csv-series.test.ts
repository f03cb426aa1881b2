import { describe, expect, it } from 'vitest';
import { inferStepMs, parseSeriesCsv, parseTimestamp, SeriesInputError } from './csv-series.ts';

describe('parseTimestamp', () => {
  it.each([
    { text: '2026-01-01T00:00:00Z', ms: Date.UTC(2026, 0, 1) },
    { text: '"2026-01-01T00:00:00Z"', ms: Date.UTC(2026, 0, 1) },
    { text: '1767225600', ms: 1_767_225_600_000 }, // epoch seconds
    { text: '1767225600000', ms: 1_767_225_600_000 }, // epoch ms
    { text: 'yesterday', ms: NaN },
    { text: '', ms: NaN },
  ])('$text', ({ text, ms }) => {
    expect(parseTimestamp(text)).toBe(ms);
  });
});

describe('parseSeriesCsv', () => {
  it.each([
    { name: 'empty file', text: '' },
    { name: 'wrong header', text: 'time,v\n1,2\n' },
    { name: 'data without header', text: '2026-01-01T00:00:00Z,1\n' },
  ])('rejects $name with a message naming the header', ({ text }) => {
    expect(() => parseSeriesCsv(text)).toThrow(SeriesInputError);
    expect(() => parseSeriesCsv(text)).toThrow(/timestamp,value/);
  });

  it('keeps every row, marks gaps and unusable timestamps, and says why', () => {
    const text = [
      '\uFEFFTimestamp, Value',
      '0,1',
      '60,abc',
      'nope,3',
      '120,',
      '60,4',
      '180,5,6',
      '',
      '240,7\r',
    ].join('\n');
    const { rows, warnings } = parseSeriesCsv(text);
    expect(rows.map((r) => r.raw)).toEqual(['0', '60', 'nope', '120', '60', '180', '240']);
    expect(rows.map((r) => r.value)).toEqual([1, NaN, 3, NaN, 4, NaN, 7]);
    expect(rows.map((r) => r.timeMs)).toEqual([0, 60_000, NaN, 120_000, NaN, 180_000, 240_000]);
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toMatch(/line 3: value "abc"/);
    expect(warnings.join('\n')).toMatch(/line 4: timestamp "nope"/);
    expect(warnings.join('\n')).toMatch(/line 6: timestamp is not after/);
    expect(warnings.join('\n')).toMatch(/line 7: value "5,6"/);
  });
});

describe('inferStepMs', () => {
  it.each([
    { times: [0, 60, 120, 180], step: 60_000 },
    { times: [0, 60, 180, 240, 300], step: 60_000 }, // a gap does not change the step
    { times: [0], step: NaN },
  ])('$times → $step', ({ times, step }) => {
    const { rows } = parseSeriesCsv(['timestamp,value', ...times.map((t) => `${t},1`)].join('\n'));
    expect(inferStepMs(rows)).toBe(step);
  });
});
