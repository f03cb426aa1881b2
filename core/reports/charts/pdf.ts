import type PDFDocument from 'pdfkit';
import { pdfText } from '../pdf-text.ts';
import type { ChartDrawing, Shape } from './drawing.ts';

type Doc = InstanceType<typeof PDFDocument>;

// Helvetica's ascent is about 0.72 of the size; drawings place text by its baseline, pdfkit by
// the top of the line box.
const ascent = 0.72;

function strokeWith(doc: Doc, color: string, width: number, dash?: readonly [number, number]): void {
  doc.lineWidth(width).strokeColor(color);
  if (dash) doc.dash(dash[0], { space: dash[1] });
  else doc.undash();
  doc.stroke();
  doc.undash();
}

function drawShape(doc: Doc, shape: Shape): void {
  switch (shape.kind) {
    case 'line':
      doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
      strokeWith(doc, shape.color, shape.width, shape.dash);
      return;
    case 'polyline': {
      const [first, ...rest] = shape.points;
      if (!first) return;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc.lineJoin('round');
      strokeWith(doc, shape.color, shape.width, shape.dash);
      return;
    }
    case 'circle':
      doc.circle(shape.x, shape.y, shape.r).fillColor(shape.color).fill();
      return;
    case 'rect':
      doc.rect(shape.x, shape.y, shape.width, shape.height).fillColor(shape.fill).fill();
      return;
    case 'text': {
      doc.font(shape.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(shape.size);
      const text = pdfText(shape.text);
      const width = doc.widthOfString(text);
      const x =
        shape.anchor === 'start'
          ? shape.x
          : shape.anchor === 'middle'
            ? shape.x - width / 2
            : shape.x - width;
      doc.fillColor(shape.color).text(text, x, shape.y - shape.size * ascent, { lineBreak: false });
      return;
    }
  }
}

/**
 * Draws a chart with pdfkit's vector calls at (x, y), scaled to `width`: the same shapes as the
 * SVG, so the PDF's charts are sharp at any zoom and match the HTML's.
 */
export function drawChartPdf(doc: Doc, drawing: ChartDrawing, x: number, y: number, width: number): number {
  const scale = width / drawing.width;
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const shape of drawing.shapes) drawShape(doc, shape);
  doc.restore();
  return drawing.height * scale;
}
