import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastCommand } from '../../core/cli/forecast-command.ts';
import type { CommandOutput } from '../../core/cli/output.ts';
import { UsageError } from '../../core/cli/usage-error.ts';
import { simulatorWorkloadSeries } from '../../core/scaling/sim-workloads.ts';

// `foresight forecast` as the CLI runs it (every method, the tfjs model included), on a
// simulator workload's CPU series written as CSV.

const dir = mkdtempSync(join(tmpdir(), 'foresight-forecast-'));

function capture(): CommandOutput & { lines: string[] } {
  const lines: string[] = [];
  return { lines, result: (l) => lines.push(l), info: (l) => lines.push(l), error: (l) => lines.push(l) };
}

function seriesCsv(rows: number): string {
  const [series] = simulatorWorkloadSeries({ days: 22, stepMs: 3_600_000 });
  if (!series) throw new Error('the simulator has no workloads');
  const lines = ['timestamp,value'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${new Date(series.startMs + i * series.stepMs).toISOString()},${(series.cpuMillis[i] ?? 0).toFixed(3)}`,
    );
  }
  return lines.join('\n') + '\n';
}

async function forecast(
  input: string,
  horizon: string,
  name: string,
): Promise<{ code: number; csv: string; log: string }> {
  const inputPath = join(dir, `${name}.csv`);
  const outputPath = join(dir, `${name}.out.csv`);
  writeFileSync(inputPath, input);
  const out = capture();
  const code = await forecastCommand.run(
    ['--input', inputPath, '--horizon', horizon, '--output', outputPath],
    out,
  );
  return { code, csv: code === 0 ? readFileSync(outputPath, 'utf8') : '', log: out.lines.join('\n') };
}

describe('foresight forecast', () => {
  it(
    'is causal: the rows for the first N inputs do not change when rows are appended',
    { timeout: 120_000 },
    async () => {
      const full = seriesCsv(24 * 22);
      const firstN =
        full
          .split('\n')
          .slice(0, 1 + 24 * 17)
          .join('\n') + '\n';
      const short = await forecast(firstN, '3', 'short');
      const long = await forecast(full, '3', 'long');
      expect(short.code).toBe(0);
      expect(long.code).toBe(0);
      const shortRows = short.csv.trimEnd().split('\n');
      const longRows = long.csv.trimEnd().split('\n');
      expect(shortRows).toHaveLength(1 + 24 * 17);
      expect(longRows).toHaveLength(1 + 24 * 22);
      expect(longRows.slice(0, shortRows.length)).toEqual(shortRows);
      // The tfjs model had trained by then (two weeks of data) and took part in the selection.
      expect(long.log).toMatch(/methods used: .*\d/);
      expect(longRows.at(-1)).toMatch(/^[^,]+,[\d.]+,[\d.-]+,[\d.]+$/);
    },
  );

  it.each([
    { name: 'no header', input: '2026-01-01T00:00:00Z,1\n', message: /header "timestamp,value"/ },
    { name: 'empty file', input: '', message: /header "timestamp,value"/ },
    {
      name: 'absurd span',
      input: 'timestamp,value\n0,1\n1,1\n2,1\n99999999999,1\n',
      message: /split the file or resample/,
    },
  ])('exits 1 with a message for $name', async ({ input, message, name }) => {
    const result = await forecast(input, '1', name.replace(/\s/g, '-'));
    expect(result.code).toBe(1);
    expect(result.log).toMatch(message);
  });

  it('keeps rows with bad values and timestamps, and says which lines they were', async () => {
    const input = 'timestamp,value\n0,1\n60,x\nlater,2\n120,3\n120,4\n180,\n';
    const result = await forecast(input, '1', 'bad-rows');
    expect(result.code).toBe(0);
    expect(
      result.csv
        .trimEnd()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['timestamp', '0', '60', 'later', '120', '120', '180']);
    expect(result.log).toMatch(/line 3: value "x"/);
    expect(result.log).toMatch(/line 4: timestamp "later"/);
    expect(result.log).toMatch(/line 6: timestamp is not after/);
  });

  it.each([
    { args: ['--horizon', '1', '--output', 'x'], message: /--input FILE/ },
    { args: ['--input', 'a', '--output', 'x'], message: /--horizon STEPS/ },
    { args: ['--input', 'a', '--horizon', '0', '--output', 'x'], message: /whole number/ },
    { args: ['--input', 'a', '--horizon', '2.5', '--output', 'x'], message: /whole number/ },
    { args: ['--input', 'a', '--horizon', '1'], message: /--output FILE/ },
    {
      args: ['--input', 'a', '--horizon', '1', '--output', 'x', '--methods', 'magic'],
      message: /all or statistical/,
    },
  ])('bad arguments $args are a usage error', async ({ args, message }) => {
    await expect(forecastCommand.run(args, capture())).rejects.toThrow(UsageError);
    await expect(forecastCommand.run(args, capture())).rejects.toThrow(message);
  });

  it('a missing input file exits 1 naming it', async () => {
    const out = capture();
    const code = await forecastCommand.run(
      ['--input', join(dir, 'nope.csv'), '--horizon', '1', '--output', '-'],
      out,
    );
    expect(code).toBe(1);
    expect(out.lines.join('\n')).toMatch(/nope\.csv is not a readable file/);
  });
});
