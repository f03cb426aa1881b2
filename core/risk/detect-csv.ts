import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { StreamingDetector, type DetectorOptions } from './streaming-detector.ts';

/**
 * The `timestamp,value` → `timestamp,anomaly_score` contract of `foresight detect`. Defined
 * behaviour for what real exports contain:
 * - empty, `NaN`, `null`, `NA` or `-` values are missing: the row keeps the previous score;
 * - repeated timestamps are scored as observations a moment apart;
 * - gaps restart the detector's warm-up (see StreamingDetector);
 * - a constant series scores 0 throughout;
 * - blank lines are skipped and are not rows;
 * - a timestamp that does not parse, a value that is not a number, a row with the wrong number
 *   of fields, or a timestamp earlier than the row before are errors naming the line.
 */
export class DetectInputError extends Error {}

const MISSING = new Set(['', 'nan', 'null', 'na', 'n/a', '-', 'none']);

/** One row's fields, `"quoted"` cells allowed (RFC 4180 without embedded newlines). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Seconds since the epoch from ISO 8601 or an epoch number (seconds, or ms when > 1e11). */
export function parseTimestamp(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return Math.abs(n) > 1e11 ? n / 1000 : n;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** A number, undefined for a missing value, or null for text that is neither. */
export function parseValue(text: string): number | undefined | null {
  const t = text.trim();
  if (MISSING.has(t.toLowerCase())) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Splits the raw timestamp cell off a line so it can be echoed verbatim. */
function rawTimestampCell(line: string): string {
  if (!line.startsWith('"')) return line.slice(0, line.indexOf(','));
  let i = 1;
  while (i < line.length) {
    if (line[i] === '"' && line[i + 1] === '"') i += 2;
    else if (line[i] === '"') break;
    else i++;
  }
  return line.slice(0, i + 1);
}

/**
 * Scores lines of a CSV as they come: `onRow` gets each output line (without newline). Throws
 * DetectInputError for input it cannot score.
 */
export class CsvDetector {
  private readonly detector: StreamingDetector;
  private lineNumber = 0;
  private sawHeader = false;
  private previousTime: number | undefined;
  rows = 0;

  constructor(options: DetectorOptions = {}) {
    this.detector = new StreamingDetector(options);
  }

  /** The output line for one input line, or undefined for the header and blank lines. */
  line(raw: string): string | undefined {
    this.lineNumber++;
    const line = (this.lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    if (line.trim() === '') return undefined;
    const fields = splitCsvLine(line);
    if (!this.sawHeader) {
      const header = fields.map((f) => f.trim().toLowerCase());
      if (header.length !== 2 || header[0] !== 'timestamp' || header[1] !== 'value') {
        throw new DetectInputError(
          `line ${this.lineNumber}: the header must be "timestamp,value", got "${line.slice(0, 80)}". ` +
            'Export the series as two columns with that header.',
        );
      }
      this.sawHeader = true;
      return undefined;
    }
    if (fields.length !== 2) {
      throw new DetectInputError(
        `line ${this.lineNumber}: expected 2 fields (timestamp,value), got ${fields.length}: "${line.slice(0, 80)}".`,
      );
    }
    const time = parseTimestamp(fields[0] ?? '');
    if (time === undefined) {
      throw new DetectInputError(
        `line ${this.lineNumber}: "${fields[0]}" is not a timestamp; use ISO 8601 (2025-06-03T09:00:00Z) or epoch seconds or milliseconds.`,
      );
    }
    const value = parseValue(fields[1] ?? '');
    if (value === null) {
      throw new DetectInputError(
        `line ${this.lineNumber}: "${fields[1]}" is not a number; leave the cell empty (or NaN) for a missing value.`,
      );
    }
    if (this.previousTime !== undefined && time < this.previousTime) {
      throw new DetectInputError(
        `line ${this.lineNumber}: timestamp "${fields[0]}" is earlier than the row before; the rows must be in time order (sort the file by timestamp first).`,
      );
    }
    this.previousTime = time;
    const score = this.detector.update(time, value);
    this.rows++;
    return `${rawTimestampCell(line)},${formatScore(score)}`;
  }

  /** Call at the end: an input without even a header is an error. */
  finish(): void {
    if (!this.sawHeader) {
      throw new DetectInputError('the input is empty; it needs a "timestamp,value" header and rows.');
    }
  }
}

/** Six decimals: enough to rank, short enough to read; never exponent notation. */
export function formatScore(score: number): string {
  return score.toFixed(6);
}

/** Scores a whole CSV text (tests, small inputs). */
export function detectCsvText(text: string, options: DetectorOptions = {}): string {
  const detector = new CsvDetector(options);
  const out = ['timestamp,anomaly_score'];
  for (const line of text.split('\n')) {
    const row = detector.line(line);
    if (row !== undefined) out.push(row);
  }
  detector.finish();
  return out.join('\n') + '\n';
}

/**
 * Streams a CSV file to a scores file. The output appears only when the whole input scored:
 * it is written beside the target and renamed, so an error never leaves half a file.
 */
export async function detectCsvFile(
  inputPath: string,
  outputPath: string,
  options: DetectorOptions = {},
): Promise<{ rows: number }> {
  const detector = new CsvDetector(options);
  const partial = `${outputPath}.partial-${process.pid}`;
  const output = createWriteStream(partial);
  const input = createReadStream(inputPath, { encoding: 'utf8' });
  const done = new Promise<void>((resolve, reject) => {
    output.on('error', reject);
    output.on('finish', resolve);
  });
  try {
    const lines = createInterface({ input, crlfDelay: Infinity });
    let buffer = 'timestamp,anomaly_score\n';
    for await (const line of lines) {
      const row = detector.line(line);
      if (row === undefined) continue;
      buffer += row + '\n';
      if (buffer.length > 1 << 16) {
        if (!output.write(buffer)) await new Promise<void>((r) => output.once('drain', () => r()));
        buffer = '';
      }
    }
    detector.finish();
    output.end(buffer);
    await done;
    await rename(partial, outputPath);
    return { rows: detector.rows };
  } catch (error) {
    input.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
