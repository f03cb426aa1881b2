import { chartColors, estimateTextWidth, type ChartDrawing, type Shape } from './drawing.ts';

export interface BarGroup {
  label: string;
  /** One value per measure, in the order of `measures`; null draws "no data". */
  values: ReadonlyArray<number | null>;
}

export interface BarChartSpec {
  title: string;
  width: number;
  measures: ReadonlyArray<{ name: string; color: string }>;
  groups: readonly BarGroup[];
  /** The value a full-width bar stands for (1 for a utilisation). */
  max: number;
  formatValue: (value: number) => string;
  /** Values at or above these are marked with a line, e.g. the 75% and 90% alert bands. */
  markers?: readonly number[];
}

const barHeight = 7;
const barGap = 2;
const groupGap = 7;

/** Horizontal grouped bars, one group per row: made for "each node's utilisation now". */
export function drawBarChart(spec: BarChartSpec): ChartDrawing {
  const textSize = 9;
  const titleSize = 11;
  const groupHeight = spec.measures.length * (barHeight + barGap) - barGap;
  const widest = Math.max(...spec.groups.map((g) => estimateTextWidth(g.label, textSize)), 40);
  const left = Math.min(spec.width * 0.4, widest + 12);
  const valueRoom = 34;
  const plot = {
    x: left,
    y: titleSize + 10,
    width: spec.width - left - valueRoom,
    height: spec.groups.length * (groupHeight + groupGap),
  };
  const legendTop = plot.y + plot.height + textSize + 8;
  const height = legendTop + 4;
  const shapes: Shape[] = [
    {
      kind: 'text',
      x: 0,
      y: titleSize,
      text: spec.title,
      size: titleSize,
      color: chartColors.text,
      anchor: 'start',
      bold: true,
    },
  ];
  const xOf = (value: number) => plot.x + Math.min(1, Math.max(0, value / spec.max)) * plot.width;
  for (const marker of spec.markers ?? []) {
    shapes.push({
      kind: 'line',
      x1: xOf(marker),
      y1: plot.y - 2,
      x2: xOf(marker),
      y2: plot.y + plot.height - groupGap + 2,
      color: chartColors.grid,
      width: 1,
      dash: [2, 2],
    });
  }
  spec.groups.forEach((group, row) => {
    const top = plot.y + row * (groupHeight + groupGap);
    shapes.push({
      kind: 'text',
      x: plot.x - 6,
      y: top + groupHeight / 2 + textSize / 3,
      text: group.label,
      size: textSize,
      color: chartColors.text,
      anchor: 'end',
    });
    spec.measures.forEach((measure, index) => {
      const value = group.values[index] ?? null;
      const y = top + index * (barHeight + barGap);
      shapes.push({ kind: 'rect', x: plot.x, y, width: plot.width, height: barHeight, fill: '#f0f4f8' });
      if (value !== null) {
        shapes.push({
          kind: 'rect',
          x: plot.x,
          y,
          width: Math.max(0.5, xOf(value) - plot.x),
          height: barHeight,
          fill: measure.color,
        });
      }
      shapes.push({
        kind: 'text',
        x: plot.x + plot.width + 4,
        y: y + barHeight - 0.5,
        text: value === null ? 'n/a' : spec.formatValue(value),
        size: textSize - 1,
        color: chartColors.muted,
        anchor: 'start',
      });
    });
  });
  let x = plot.x;
  for (const measure of spec.measures) {
    shapes.push({
      kind: 'rect',
      x,
      y: legendTop - textSize + 1,
      width: 10,
      height: textSize - 1,
      fill: measure.color,
    });
    shapes.push({
      kind: 'text',
      x: x + 14,
      y: legendTop,
      text: measure.name,
      size: textSize,
      color: chartColors.muted,
      anchor: 'start',
    });
    x += 28 + estimateTextWidth(measure.name, textSize);
  }
  return { width: spec.width, height, title: spec.title, shapes };
}
