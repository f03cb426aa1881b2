import { chartSvg } from './charts/svg.ts';
import type { ChartDrawing } from './charts/drawing.ts';
import { escapeHtml } from './html-escape.ts';
import type { Fact } from './pdf-writer.ts';
import type { DisplayTable } from './table.ts';

/** The HTML counterparts of PdfWriter's blocks; every string is escaped on the way in. */

export function htmlFacts(facts: readonly Fact[]): string {
  return `<div class="facts">${facts
    .map(
      (fact) =>
        `<div class="fact"><div class="fact-label">${escapeHtml(fact.label)}</div><div class="fact-value">${escapeHtml(fact.value)}</div>${
          fact.detail ? `<div class="fact-detail">${escapeHtml(fact.detail)}</div>` : ''
        }</div>`,
    )
    .join('')}</div>`;
}

export function htmlChart(drawing: ChartDrawing, className = 'figure'): string {
  return `<figure class="${className}">${chartSvg(drawing)}</figure>`;
}

export function htmlChartGrid(drawings: readonly ChartDrawing[]): string {
  return `<div class="chart-grid">${drawings.map((d) => htmlChart(d, 'figure small')).join('')}</div>`;
}

export function htmlTable(table: DisplayTable): string {
  const head = table.columns
    .map((c) => `<th${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`)
    .join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${table.columns
          .map((column) => {
            const classes = [column.align === 'right' ? 'num' : '', column.tone?.(row) ?? '']
              .filter(Boolean)
              .join(' ');
            return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(column.display(row))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="data" data-table="${escapeHtml(table.name)}"><caption>${escapeHtml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function htmlParagraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
}
