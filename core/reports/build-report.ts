import type { ReportFormat, ReportSectionId } from '../contract/reports.ts';
import { collectReportData, includedSections } from './collect.ts';
import type { ReportData } from './model.ts';
import { resolvePeriod, type PeriodRequest } from './period.ts';
import { renderReport, type ReportFile } from './render.ts';
import type { ReportSource } from './source.ts';

export interface BuildRequest extends PeriodRequest {
  sections: readonly ReportSectionId[];
  format: ReportFormat;
}

export interface BuildProgress {
  done: number;
  total: number;
  stage: string;
}

export interface BuiltReport {
  file: ReportFile;
  data: ReportData;
  sections: ReportSectionId[];
}

export class NothingToReportError extends Error {}

const formatNames: Record<ReportFormat, string> = { html: 'HTML', pdf: 'PDF', csv: 'CSV', json: 'JSON' };

/**
 * The whole build, from request to file: resolve the period, gather the model section by
 * section, render the format. Progress is reported per step; the steps are few and coarse
 * (a section, the rendering) because that is what takes the time.
 */
export async function buildReport(
  source: ReportSource,
  request: BuildRequest,
  options: { now: number; onProgress?: (progress: BuildProgress) => void },
): Promise<BuiltReport> {
  const range = resolvePeriod(request, options.now);
  const total = request.sections.length + 2;
  let done = 0;
  const step = (stage: string) => options.onProgress?.({ done: done++, total, stage });
  step('Reading history');
  const data = collectReportData(source, {
    sections: request.sections,
    range,
    generatedAt: options.now,
    onSection: (title) => step(title),
  });
  const sections = includedSections(data);
  if (sections.length === 0) {
    throw new NothingToReportError(
      `None of the requested sections is available yet: ${data.omitted.map((o) => `${o.title} (${o.reason})`).join('; ')}.`,
    );
  }
  done = total - 1;
  step(`Writing the ${formatNames[request.format]}`);
  const file = await renderReport(data, request.format);
  options.onProgress?.({ done: total, total, stage: 'Done' });
  return { file, data, sections };
}
