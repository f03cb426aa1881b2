import { describe, expect, it } from 'vitest';
import { tableCsv } from './csv.ts';
import { tableOf, type CellValue } from './table.ts';

describe('tableCsv', () => {
  it.each<[CellValue, string]>([
    ['plain', 'plain'],
    [42.5, '42.5'],
    [null, ''],
    [true, 'true'],
    [Number.NaN, ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('writes %j as %s', (value, cell) => {
    const table = tableOf<{ v: CellValue }>({
      name: 't',
      title: 't',
      rows: [{ v: value }],
      csv: [{ header: 'value', value: (row) => row.v }],
    });
    expect(tableCsv(table)).toBe(`value\r\n${cell}\r\n`);
  });
});
