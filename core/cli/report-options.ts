import { existsSync, statSync, accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  reportFormats,
  reportSectionIds,
  type ReportFormat,
  type ReportSectionId,
} from '../contract/reports.ts';
import { DurationError, parseDuration } from '../reports/period.ts';
import { UsageError } from './usage-error.ts';

export interface ReportArgs {
  format?: string;
  out?: string;
  since?: string;
  sections?: string;
}

export interface ReportOptions {
  format: ReportFormat;
  /** Absolute path of the file to write. */
  out: string;
  sinceMs: number;
  /** Undefined: every available section. */
  sections: ReportSectionId[] | undefined;
}

function isFormat(value: string): value is ReportFormat {
  return (reportFormats as readonly string[]).includes(value);
}

function isSection(value: string): value is ReportSectionId {
  return (reportSectionIds as readonly string[]).includes(value);
}

/** Where the report can be written, or why not, checked before anything is started. */
function outputPath(out: string | undefined, cwd: string): string {
  if (!out) throw new UsageError('--out FILE is required: where to write the report.');
  const path = resolve(cwd, out);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError(`--out ${out} is a directory; give a file name, e.g. ${out}/report.pdf.`);
  }
  const folder = dirname(path);
  if (!existsSync(folder)) throw new UsageError(`--out ${out}: the folder ${folder} does not exist.`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${out}: the folder ${folder} is not writable.`);
  }
  return path;
}

/**
 * Checks `foresight report`'s options up front, so a typo costs nothing: no cluster is
 * contacted and no demo started before the options are known to be good.
 */
export function parseReportOptions(args: ReportArgs, cwd: string = process.cwd()): ReportOptions {
  const format = args.format?.trim().toLowerCase();
  if (!format) throw new UsageError(`--format is required: one of ${reportFormats.join(', ')}.`);
  if (!isFormat(format)) {
    throw new UsageError(
      `--format ${args.format} is not a report format: use one of ${reportFormats.join(', ')}.`,
    );
  }
  let sinceMs: number;
  try {
    sinceMs = parseDuration(args.since ?? '24h');
  } catch (error) {
    if (error instanceof DurationError) throw new UsageError(`--since: ${error.message}`);
    throw error;
  }
  let sections: ReportSectionId[] | undefined;
  if (args.sections !== undefined) {
    const names = args.sections
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const unknown = names.filter((name) => !isSection(name));
    if (names.length === 0 || unknown.length) {
      throw new UsageError(
        `--sections: ${unknown.length ? `unknown section ${unknown.map((n) => `"${n}"`).join(', ')}` : 'no section named'}. ` +
          `Sections: ${reportSectionIds.join(', ')}.`,
      );
    }
    sections = [...new Set(names.filter(isSection))];
  }
  return { format, out: outputPath(args.out, cwd), sinceMs, sections };
}
