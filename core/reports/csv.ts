import { strToU8, zipSync } from 'fflate';
import { forEachSection } from './collect.ts';
import type { ReportData } from './model.ts';
import type { ReportContext } from './sections/types.ts';
import { tableOf, type AnyReportTable, type CellValue } from './table.ts';

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe: a report must stay data, whatever a node or context is called (OWASP "CSV
 * injection"). Numbers are written as they are.
 */
function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: a header row, CRLF line ends, quotes where needed. */
export function tableCsv(table: AnyReportTable): string {
  const lines = [table.csv.map((c) => csvCell(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.csv.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

type InfoRow = { field: string; value: CellValue };

/** What the report is about, as a table of its own, so the zip explains itself. */
function reportInfoTable(data: ReportData): AnyReportTable {
  const rows: InfoRow[] = [
    { field: 'title', value: data.title },
    { field: 'cluster', value: data.cluster.name },
    { field: 'context', value: data.cluster.context },
    { field: 'server', value: data.cluster.server },
    { field: 'demo', value: data.cluster.demo },
    { field: 'period_since_utc', value: new Date(data.period.since).toISOString() },
    { field: 'period_until_utc', value: new Date(data.period.until).toISOString() },
    { field: 'period', value: data.period.label },
    { field: 'generated_at_utc', value: new Date(data.generatedAt).toISOString() },
    { field: 'generator', value: `${data.generator.name} ${data.generator.version}` },
    { field: 'schema_version', value: data.schemaVersion },
    ...data.omitted.map((o) => ({ field: `not_included:${o.id}`, value: o.reason })),
  ];
  return tableOf<InfoRow>({
    name: 'report',
    title: 'About this report',
    rows,
    csv: [
      { header: 'field', value: (r) => r.field },
      { header: 'value', value: (r) => r.value },
    ],
  });
}

/** Every table of the report, the report's own first. */
export function reportTables(data: ReportData): AnyReportTable[] {
  const context: ReportContext = { range: data.period, generatedAt: data.generatedAt };
  const tables = [reportInfoTable(data)];
  forEachSection(data, (plugin, section) => tables.push(...plugin.tables(section, context)));
  return tables;
}

export interface CsvOutput {
  /** 'csv' for a single table, 'zip' for several. */
  kind: 'csv' | 'zip';
  bytes: Uint8Array;
  files: string[];
}

/** One CSV file per table; several are zipped into one download. */
export function renderCsv(data: ReportData): CsvOutput {
  const tables = reportTables(data);
  const [only] = tables;
  if (tables.length === 1 && only) {
    return { kind: 'csv', bytes: strToU8(tableCsv(only)), files: [`${only.name}.csv`] };
  }
  const entries: Record<string, Uint8Array> = {};
  for (const table of tables) entries[`${table.name}.csv`] = strToU8(tableCsv(table));
  return {
    kind: 'zip',
    bytes: zipSync(entries, { level: 6, mtime: new Date(data.generatedAt) }),
    files: Object.keys(entries),
  };
}
