import { strToU8 } from 'fflate';
import type { ReportFormat } from '../contract/reports.ts';
import { renderCsv } from './csv.ts';
import { fileNamePart, fileStamp } from './format.ts';
import { renderHtml } from './html.ts';
import type { ReportData } from './model.ts';
import { renderPdf } from './pdf.ts';

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** "foresight-report-prod-eu-20250314-0926": what, which cluster, when. */
export function reportFileStem(data: ReportData): string {
  return `foresight-report-${fileNamePart(data.cluster.context)}-${fileStamp(data.generatedAt)}`;
}

/** Writes the model in one format. Every format reads only the model: nothing else can leak in. */
export async function renderReport(data: ReportData, format: ReportFormat): Promise<ReportFile> {
  const stem = reportFileStem(data);
  switch (format) {
    case 'html':
      return { fileName: `${stem}.html`, mimeType: 'text/html', bytes: strToU8(renderHtml(data)) };
    case 'pdf':
      return { fileName: `${stem}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(data) };
    case 'json':
      return {
        fileName: `${stem}.json`,
        mimeType: 'application/json',
        bytes: strToU8(`${JSON.stringify(data, null, 2)}\n`),
      };
    case 'csv': {
      const csv = renderCsv(data);
      return csv.kind === 'zip'
        ? { fileName: `${stem}-csv.zip`, mimeType: 'application/zip', bytes: csv.bytes }
        : { fileName: `${stem}.csv`, mimeType: 'text/csv', bytes: csv.bytes };
    }
  }
}
