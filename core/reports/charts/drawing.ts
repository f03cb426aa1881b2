/**
 * What a chart is once laid out: a list of shapes in a width × height box (y down, text y at the
 * baseline). Layout happens once, here in core; the SVG and PDF renderers only translate these
 * shapes, so the HTML and the PDF show the same chart.
 */
export type TextAnchor = 'start' | 'middle' | 'end';

export type Shape =
  | {
      kind: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: readonly [number, number];
    }
  | {
      kind: 'polyline';
      points: ReadonlyArray<readonly [number, number]>;
      color: string;
      width: number;
      dash?: readonly [number, number];
    }
  | { kind: 'circle'; x: number; y: number; r: number; color: string }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      color: string;
      anchor: TextAnchor;
      bold?: boolean;
    };

export interface ChartDrawing {
  width: number;
  height: number;
  /** Also the accessible name of the chart. */
  title: string;
  shapes: Shape[];
}

/**
 * Helvetica's average advance is a little over half the font size; good enough to make room
 * for labels without measuring fonts (the PDF renderer measures for real when anchoring).
 */
export function estimateTextWidth(text: string, size: number): number {
  // Generous: where Helvetica is missing, browsers fall back to wider faces (DejaVu Sans).
  return text.length * size * 0.62;
}

export const chartColors = {
  text: '#1f2933',
  muted: '#52606d',
  grid: '#d9e2ec',
  axis: '#9aa5b1',
  cpu: '#1f77b4',
  memory: '#d62728',
  capacity: '#7b8794',
  pods: '#2ca02c',
} as const;

/** Distinguishable on screen and on paper, in this order (Tableau 10). */
export const seriesPalette: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
