import type { ChartDrawing } from './charts/drawing.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlChart, htmlChartGrid, htmlFacts, htmlParagraph, htmlTable } from './html-kit.ts';
import type { Fact, PdfWriter } from './pdf-writer.ts';
import { isDisplayed, type AnyReportTable } from './table.ts';

/**
 * A section's body as a list of blocks, written once and rendered to HTML and to the PDF by the
 * two functions below, so a section cannot say one thing in one format and another in the other.
 */
export type Block =
  | { kind: 'note'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'facts'; facts: readonly Fact[] }
  | { kind: 'chart'; drawing: ChartDrawing }
  | { kind: 'charts'; drawings: readonly ChartDrawing[] }
  | { kind: 'table'; table: AnyReportTable };

export const note = (text: string): Block => ({ kind: 'note', text });
export const heading = (text: string): Block => ({ kind: 'heading', text });
export const facts = (list: readonly Fact[]): Block => ({ kind: 'facts', facts: list });
export const chart = (drawing: ChartDrawing): Block => ({ kind: 'chart', drawing });
export const charts = (drawings: readonly ChartDrawing[]): Block => ({ kind: 'charts', drawings });
export const table = (t: AnyReportTable): Block => ({ kind: 'table', table: t });

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'note':
      return htmlParagraph(block.text, 'note');
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'facts':
      return htmlFacts(block.facts);
    case 'chart':
      return htmlChart(block.drawing);
    case 'charts':
      return htmlChartGrid(block.drawings);
    case 'table':
      return isDisplayed(block.table) && block.table.rows.length ? htmlTable(block.table) : '';
  }
}

export function blocksHtml(blocks: readonly Block[]): string {
  return blocks.map(blockHtml).join('\n');
}

export function blocksPdf(writer: PdfWriter, blocks: readonly Block[]): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'note':
        writer.paragraph(block.text, { muted: true, size: 9 });
        break;
      case 'heading':
        writer.heading(block.text, 2);
        break;
      case 'facts':
        writer.facts(block.facts, 3);
        break;
      case 'chart':
        writer.chart(block.drawing);
        break;
      case 'charts':
        writer.chartGrid(block.drawings, 2);
        break;
      case 'table':
        if (isDisplayed(block.table) && block.table.rows.length) writer.table(block.table);
        break;
    }
  }
}
