/**
 * A table, defined once for every format. HTML and PDF show its display columns (formatted,
 * combined: "850m / 4"); CSV writes its raw columns (one number per cell, the unit in the
 * header, so spreadsheets get numbers). A table without display columns is CSV-only, e.g. a
 * time series that the HTML and PDF show as a chart.
 */
export type CellValue = string | number | boolean | null;
export type CellTone = 'bad' | 'warn' | 'good';

export interface DisplayColumn<Row> {
  header: string;
  display: (row: Row) => string;
  align?: 'left' | 'right';
  /** Relative width in the PDF (default 1). */
  weight?: number;
  /** Colours a cell that needs attention (a NotReady node, a cordon). */
  tone?: (row: Row) => CellTone | undefined;
}

export interface CsvColumn<Row> {
  /** snake_case with the unit, e.g. `cpu_used_millicores`. */
  header: string;
  value: (row: Row) => CellValue;
}

export interface ReportTable<Row = unknown> {
  /** File stem of its CSV, e.g. `nodes`. */
  name: string;
  title: string;
  rows: readonly Row[];
  columns?: ReadonlyArray<DisplayColumn<Row>>;
  csv: ReadonlyArray<CsvColumn<Row>>;
}

/** The same table with its row type erased, so tables of different rows share one list. */
export type AnyReportTable = ReportTable<never>;

export function tableOf<Row>(table: ReportTable<Row>): AnyReportTable {
  return table as unknown as AnyReportTable;
}

/** A display table (columns present) with its row type erased. */
export type DisplayTable = AnyReportTable & { columns: ReadonlyArray<DisplayColumn<never>> };

export function isDisplayed(table: AnyReportTable): table is DisplayTable {
  return table.columns !== undefined && table.columns.length > 0;
}
