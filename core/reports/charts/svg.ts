import { escapeHtml } from '../html-escape.ts';
import type { ChartDrawing, Shape } from './drawing.ts';

const n = (value: number) => (Math.round(value * 10) / 10).toString();
const dashAttr = (dash: readonly [number, number] | undefined) =>
  dash ? ` stroke-dasharray="${dash[0]} ${dash[1]}"` : '';
const anchorOf = { start: 'start', middle: 'middle', end: 'end' } as const;

function shapeSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" stroke="${shape.color}" stroke-width="${shape.width}"${dashAttr(shape.dash)}/>`;
    case 'polyline':
      return `<polyline fill="none" stroke-linejoin="round" points="${shape.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" stroke="${shape.color}" stroke-width="${shape.width}"${dashAttr(shape.dash)}/>`;
    case 'circle':
      return `<circle cx="${n(shape.x)}" cy="${n(shape.y)}" r="${shape.r}" fill="${shape.color}"/>`;
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="${shape.fill}"/>`;
    case 'text':
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${shape.size}" fill="${shape.color}" text-anchor="${anchorOf[shape.anchor]}"${shape.bold ? ' font-weight="bold"' : ''}>${escapeHtml(shape.text)}</text>`;
  }
}

/**
 * A chart as inline SVG: no scripts, no external references, scalable (the viewBox keeps the
 * proportions while CSS sets the width), named for screen readers.
 */
export function chartSvg(drawing: ChartDrawing): string {
  return [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(drawing.width)} ${n(drawing.height)}" width="${n(drawing.width)}" height="${n(drawing.height)}" role="img" aria-label="${escapeHtml(drawing.title)}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${escapeHtml(drawing.title)}</title>`,
    ...drawing.shapes.map(shapeSvg),
    '</svg>',
  ].join('');
}
