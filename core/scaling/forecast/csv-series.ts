/**
 * The `timestamp,value` CSV of `foresight forecast`, read leniently: every data row is kept (its
 * timestamp is echoed verbatim), and what cannot be used is said per row instead of failing.
 * - a value that is empty or not a finite number is a gap (the model fills it, the row still
 *   gets a forecast);
 * - a timestamp that does not parse, or is not after the previous row's, keeps its row with an
 *   empty forecast and its value is ignored;
 * - timestamps are ISO 8601 or epoch numbers (seconds below 1e11, else milliseconds).
 */
export interface CsvRow {
  /** The timestamp exactly as written. */
  readonly raw: string;
  /** Epoch ms, or NaN when the row's timestamp is unusable. */
  readonly timeMs: number;
  /** NaN for a gap. */
  readonly value: number;
}

export interface ParsedSeries {
  readonly rows: readonly CsvRow[];
  /** Problems worth telling the user, one per affected row (capped by the caller). */
  readonly warnings: readonly string[];
}

export class SeriesInputError extends Error {}

const unquote = (text: string) =>
  text
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

export function parseTimestamp(text: string): number {
  const trimmed = unquote(text);
  if (trimmed === '') return NaN;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return Math.abs(n) < 1e11 ? n * 1000 : n;
  }
  return Date.parse(trimmed);
}

function parseValue(text: string | undefined): number {
  const trimmed = unquote(text ?? '');
  if (trimmed === '') return NaN;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : NaN;
}

export function parseSeriesCsv(text: string): ParsedSeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/\s+/g, '');
  if (header !== 'timestamp,value') {
    throw new SeriesInputError(
      `the first line must be the header "timestamp,value" (found "${(lines[0] ?? '').slice(0, 60)}")`,
    );
  }
  const rows: CsvRow[] = [];
  const warnings: string[] = [];
  let lastMs = -Infinity;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const comma = line.indexOf(',');
    const raw = comma < 0 ? line : line.slice(0, comma);
    const rest = comma < 0 ? undefined : line.slice(comma + 1);
    let timeMs = parseTimestamp(raw);
    const value = rest !== undefined && !rest.includes(',') ? parseValue(rest) : NaN;
    if (Number.isNaN(timeMs)) {
      warnings.push(
        `line ${i + 1}: timestamp "${raw.slice(0, 40)}" is not ISO 8601 or epoch; row kept, no forecast`,
      );
    } else if (timeMs <= lastMs) {
      warnings.push(
        `line ${i + 1}: timestamp is not after the previous row's; row kept, no forecast, value ignored`,
      );
      timeMs = NaN;
    } else {
      lastMs = timeMs;
      if (Number.isNaN(value) && (rest ?? '').trim() !== '') {
        warnings.push(
          `line ${i + 1}: value "${(rest ?? '').slice(0, 40)}" is not a number; treated as a gap`,
        );
      }
    }
    rows.push({ raw, timeMs, value });
  }
  return { rows, warnings };
}

/** The series' step: the median of the first 100 intervals between usable rows (so it is causal). */
export function inferStepMs(rows: readonly CsvRow[]): number {
  const steps: number[] = [];
  let previous = NaN;
  for (const row of rows) {
    if (steps.length >= 100) break;
    if (Number.isNaN(row.timeMs)) continue;
    if (!Number.isNaN(previous)) steps.push(row.timeMs - previous);
    previous = row.timeMs;
  }
  if (steps.length === 0) return NaN;
  steps.sort((a, b) => a - b);
  return steps[Math.floor((steps.length - 1) / 2)] ?? NaN;
}
