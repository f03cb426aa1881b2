import type PDFDocument from 'pdfkit';
import { drawChartPdf } from './charts/pdf.ts';
import type { ChartDrawing } from './charts/drawing.ts';
import { pdfText } from './pdf-text.ts';
import type { CellTone, DisplayTable } from './table.ts';

type Doc = InstanceType<typeof PDFDocument>;

export const pdfColors = {
  text: '#1f2933',
  muted: '#52606d',
  rule: '#cbd2d9',
  headerFill: '#e4e7eb',
  stripe: '#f5f7fa',
  accent: '#1f5f99',
  bad: '#c62828',
  warn: '#b7791f',
  good: '#2f7d32',
} as const;

const toneColor: Record<CellTone, string> = {
  bad: pdfColors.bad,
  warn: pdfColors.warn,
  good: pdfColors.good,
};

export interface Fact {
  label: string;
  value: string;
  detail?: string;
}

/**
 * A cursor over a pdfkit document with the few blocks reports are made of: headings, text,
 * figures, charts and tables that break across pages. It keeps its own y, because pdfkit's
 * moves with every call (charts draw in their own coordinates) and only the writer knows where
 * the next block goes.
 */
export class PdfWriter {
  y: number;

  constructor(readonly doc: Doc) {
    this.y = doc.page.margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  space(height: number): void {
    this.y += height;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 16 : 12;
    // A heading never sits alone at the foot of a page.
    this.ensureSpace(size + 60);
    this.doc
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor(level === 1 ? pdfColors.accent : pdfColors.text);
    this.doc.text(pdfText(text), this.left, this.y, { width: this.width });
    this.y = this.doc.y + (level === 1 ? 8 : 5);
    if (level === 1) {
      this.doc
        .moveTo(this.left, this.y - 4)
        .lineTo(this.left + this.width, this.y - 4)
        .lineWidth(0.5)
        .strokeColor(pdfColors.rule)
        .stroke();
      this.y += 4;
    }
  }

  paragraph(raw: string, options: { muted?: boolean; size?: number } = {}): void {
    const size = options.size ?? 10;
    const text = pdfText(raw);
    this.doc.font('Helvetica').fontSize(size);
    const height = this.doc.heightOfString(text, { width: this.width });
    this.ensureSpace(height);
    this.doc.fillColor(options.muted ? pdfColors.muted : pdfColors.text);
    this.doc.text(text, this.left, this.y, { width: this.width });
    this.y = this.doc.y + 6;
  }

  /** Headline figures in a row of boxes, as many per row as fit. */
  facts(facts: readonly Fact[], perRow = 4): void {
    const gap = 8;
    const boxWidth = (this.width - gap * (perRow - 1)) / perRow;
    const boxHeight = 48;
    for (let start = 0; start < facts.length; start += perRow) {
      this.ensureSpace(boxHeight + gap);
      facts.slice(start, start + perRow).forEach((fact, index) => {
        const x = this.left + index * (boxWidth + gap);
        this.doc.rect(x, this.y, boxWidth, boxHeight).fillColor(pdfColors.stripe).fill();
        this.doc.font('Helvetica').fontSize(8).fillColor(pdfColors.muted);
        this.doc.text(pdfText(fact.label.toUpperCase()), x + 6, this.y + 6, {
          width: boxWidth - 12,
          lineBreak: false,
        });
        this.doc.font('Helvetica-Bold').fontSize(14).fillColor(pdfColors.text);
        this.doc.text(pdfText(fact.value), x + 6, this.y + 17, { width: boxWidth - 12, lineBreak: false });
        if (fact.detail) {
          this.doc.font('Helvetica').fontSize(7.5).fillColor(pdfColors.muted);
          this.doc.text(pdfText(fact.detail), x + 6, this.y + 35, { width: boxWidth - 12, lineBreak: false });
        }
      });
      this.y += boxHeight + gap;
    }
  }

  chart(drawing: ChartDrawing, width: number = this.width): void {
    const height = drawing.height * (width / drawing.width);
    this.ensureSpace(height + 10);
    drawChartPdf(this.doc, drawing, this.left, this.y, width);
    this.y += height + 12;
  }

  /** Small multiples, `columns` to a row; each row moves to the next page as a whole. */
  chartGrid(drawings: readonly ChartDrawing[], columns: number): void {
    const gap = 14;
    const width = (this.width - gap * (columns - 1)) / columns;
    for (let start = 0; start < drawings.length; start += columns) {
      const row = drawings.slice(start, start + columns);
      const height = Math.max(...row.map((d) => d.height * (width / d.width)));
      this.ensureSpace(height + 8);
      row.forEach((drawing, index) =>
        drawChartPdf(this.doc, drawing, this.left + index * (width + gap), this.y, width),
      );
      this.y += height + 10;
    }
  }

  /** A table that continues across pages, repeating its header; long cells wrap. */
  table(table: DisplayTable): void {
    const size = 8;
    const padding = 4;
    const weights = table.columns.map((c) => c.weight ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * this.width);
    const headers = table.columns.map((c) => ({ text: pdfText(c.header), align: c.align ?? 'left' }));
    const header = () => {
      const height = this.rowHeight(headers, widths, 'Helvetica-Bold', size, padding);
      this.doc.rect(this.left, this.y, this.width, height).fillColor(pdfColors.headerFill).fill();
      this.cells(headers, widths, 'Helvetica-Bold', size, padding);
      this.y += height;
    };
    this.ensureSpace(60);
    header();
    table.rows.forEach((row, index) => {
      const cells = table.columns.map((column) => {
        const tone = column.tone?.(row);
        return {
          text: pdfText(column.display(row)),
          align: column.align ?? 'left',
          ...(tone ? { tone } : {}),
        };
      });
      const height = this.rowHeight(cells, widths, 'Helvetica', size, padding);
      if (this.y + height > this.bottom) {
        this.newPage();
        header();
      }
      if (index % 2 === 1)
        this.doc.rect(this.left, this.y, this.width, height).fillColor(pdfColors.stripe).fill();
      this.cells(cells, widths, 'Helvetica', size, padding);
      this.y += height;
    });
    this.y += 10;
  }

  private rowHeight(
    cells: ReadonlyArray<{ text: string }>,
    widths: readonly number[],
    font: string,
    size: number,
    padding: number,
  ): number {
    this.doc.font(font).fontSize(size);
    const heights = cells.map((cell, index) =>
      this.doc.heightOfString(cell.text || ' ', { width: (widths[index] ?? 0) - 2 * padding }),
    );
    return Math.max(...heights) + 7;
  }

  private cells(
    cells: ReadonlyArray<{ text: string; align: 'left' | 'right'; tone?: CellTone }>,
    widths: readonly number[],
    font: string,
    size: number,
    padding: number,
  ): void {
    let x = this.left;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      this.doc
        .font(font)
        .fontSize(size)
        .fillColor(cell.tone ? toneColor[cell.tone] : pdfColors.text);
      this.doc.text(cell.text, x + padding, this.y + 3.5, { width: width - 2 * padding, align: cell.align });
      x += width;
    });
  }
}
