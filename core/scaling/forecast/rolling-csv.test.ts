import { describe, expect, it } from 'vitest';
import { STATISTICAL_CANDIDATES } from './candidates.ts';
import { parseSeriesCsv, SeriesInputError } from './csv-series.ts';
import { forecastCsv, rollingForecastRows } from './rolling-csv.ts';

function csv(values: readonly (number | string)[], stepS = 3600): string {
  return [
    'timestamp,value',
    ...values.map((v, i) => `${new Date(i * stepS * 1000).toISOString()},${v}`),
  ].join('\n');
}

const wave = (n: number) =>
  Array.from({ length: n }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 24) + (t % 5));

describe('rollingForecastRows', () => {
  it('gives exactly one output row per input row, timestamps echoed verbatim', async () => {
    const text = 'timestamp,value\n"2026-01-01 00:00",1\n2026-01-01T01:00:00Z,2\nbad,3\n';
    const { rows } = await rollingForecastRows(parseSeriesCsv(text).rows, 1, STATISTICAL_CANDIDATES);
    const out = forecastCsv(rows).trimEnd().split('\n');
    expect(out[0]).toBe('timestamp,forecast,lower,upper');
    expect(out.slice(1).map((l) => l.split(',')[0])).toEqual([
      '"2026-01-01 00:00"',
      '2026-01-01T01:00:00Z',
      'bad',
    ]);
    expect(out[3]).toBe('bad,,,');
  });

  it('is causal: rows for the first N inputs are unchanged when rows are appended', async () => {
    const values = wave(24 * 9);
    const short = await rollingForecastRows(
      parseSeriesCsv(csv(values.slice(0, 150))).rows,
      3,
      STATISTICAL_CANDIDATES,
    );
    const long = await rollingForecastRows(parseSeriesCsv(csv(values)).rows, 3, STATISTICAL_CANDIDATES);
    expect(forecastCsv(long.rows.slice(0, 150))).toBe(forecastCsv(short.rows));
  });

  it('forecasts through gaps and bad values, and a gap in time is a missing step', async () => {
    const values: (number | string)[] = wave(24 * 4);
    values[50] = 'NaN';
    values[51] = '';
    const lines = csv(values).split('\n');
    lines.splice(70, 3); // three hours missing
    const { rows, stepMs } = await rollingForecastRows(
      parseSeriesCsv(lines.join('\n')).rows,
      1,
      STATISTICAL_CANDIDATES,
    );
    expect(stepMs).toBe(3_600_000);
    expect(rows).toHaveLength(values.length - 3);
    expect(rows.slice(48).every((r) => Number.isFinite(r.forecast))).toBe(true);
  });

  it('refuses timestamps spanning absurdly many steps, saying what to do', async () => {
    const text = 'timestamp,value\n0,1\n60,1\n120,1\n9999999999,1\n';
    await expect(rollingForecastRows(parseSeriesCsv(text).rows, 1, STATISTICAL_CANDIDATES)).rejects.toThrow(
      SeriesInputError,
    );
  });

  it('a file of one row gets a row back with an empty forecast', async () => {
    const { rows } = await rollingForecastRows(
      parseSeriesCsv('timestamp,value\n0,1\n').rows,
      1,
      STATISTICAL_CANDIDATES,
    );
    expect(forecastCsv(rows)).toBe('timestamp,forecast,lower,upper\n0,,,\n');
  });
});
