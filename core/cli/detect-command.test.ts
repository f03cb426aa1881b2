import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCsvText } from '../risk/detect-csv.ts';
import { detectCommand } from './detect-command.ts';
import type { CommandOutput } from './output.ts';
import { UsageError } from './usage-error.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 5, 3, 0, 0, 0);

function series(rows: number, rampFrom: number): string[] {
  return Array.from({ length: rows }, (_, i) => {
    const value = 100 + (i % 7) + (i >= rampFrom ? (i - rampFrom) * 3 : 0);
    return `${new Date(T0 + i * MINUTE).toISOString()},${value}`;
  });
}

function capture(): CommandOutput & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, result: (l) => out.push(l), info: (l) => err.push(l), error: (l) => err.push(l) };
}

describe('foresight detect', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'foresight-detect-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('scores a file into another, the same as in memory', async () => {
    const text = ['timestamp,value', ...series(500, 400)].join('\n') + '\n';
    await writeFile(join(dir, 'in.csv'), text);
    const io = capture();
    const code = await detectCommand.run(
      ['--input', join(dir, 'in.csv'), '--output', join(dir, 'out.csv')],
      io,
    );
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe(detectCsvText(text));
    expect(io.err.join('\n')).toMatch(/Scored 500 rows/);
  });

  it('reports bad input by file and line, exit 1, and leaves no output file', async () => {
    await writeFile(join(dir, 'bad.csv'), 'timestamp,value\n1749000000,1\nnot-a-time,2\n');
    const io = capture();
    const code = await detectCommand.run(
      ['--input', join(dir, 'bad.csv'), '--output', join(dir, 'bad-out.csv')],
      io,
    );
    expect(code).toBe(1);
    expect(io.err.join('\n')).toMatch(/bad\.csv: line 3: "not-a-time" is not a timestamp/);
    await expect(access(join(dir, 'bad-out.csv'))).rejects.toThrow();
  });

  it.each([
    [[], /needs --input/],
    [['--input', 'a.csv'], /needs --output/],
    [['--input', 'a.csv', '--output', 'b.csv', 'extra'], /no positional arguments/],
  ])('refuses %j as a usage error', async (argv, message) => {
    const run = detectCommand.run(argv, capture());
    await expect(run).rejects.toThrow(UsageError);
    await expect(detectCommand.run(argv, capture())).rejects.toThrow(message);
  });

  it('refuses an unknown option', async () => {
    await expect(detectCommand.run(['--bogus'], capture())).rejects.toThrow(/Unknown option '--bogus'/);
  });

  it('says when the input file does not exist', async () => {
    const io = capture();
    expect(
      await detectCommand.run(['--input', join(dir, 'missing.csv'), '--output', join(dir, 'o.csv')], io),
    ).toBe(1);
    expect(io.err.join('\n')).toMatch(/missing\.csv is not a readable file/);
  });
});
