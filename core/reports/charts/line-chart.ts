import { chartColors, estimateTextWidth, type ChartDrawing, type Shape } from './drawing.ts';
import { timeTicks, valueTicks } from './ticks.ts';
import { formatPercent } from '../format.ts';

export interface LinePoint {
  x: number;
  y: number | null;
}

export interface LineSeries {
  name: string;
  color: string;
  points: readonly LinePoint[];
  /** Reference lines (capacity) are dashed, thinner, and never broken at gaps. */
  dashed?: boolean;
}

export interface LineChartSpec {
  title: string;
  width: number;
  height: number;
  /** Time axis bounds, epoch ms. */
  from: number;
  to: number;
  /** The value axis reaches at least this (e.g. 1 for a utilisation that should read against 100%). */
  minTop?: number;
  /** Ticks are round in this unit (1024³ for memory: 8Gi, 16Gi…). */
  tickUnit?: number;
  formatValue: (value: number) => string;
  series: readonly LineSeries[];
  /** Points further apart than this are not joined: the line breaks where samples are missing. */
  gapMs?: number;
  /** The x axis's ticks; round UTC times by default (see fractionTicks for a 0–1 axis). */
  xTicks?: (from: number, to: number) => Array<{ at: number; label: string }>;
  /** Small multiples leave the legend to their caption. */
  legend?: boolean;
  /** Smaller text for small multiples. */
  compact?: boolean;
}

/** Splits a series into runs of known, close-enough points. */
function segments(points: readonly LinePoint[], gapMs: number): LinePoint[][] {
  const runs: LinePoint[][] = [];
  let run: LinePoint[] = [];
  let previous: LinePoint | undefined;
  for (const point of points) {
    const broken = point.y === null || (previous !== undefined && point.x - previous.x > gapMs);
    if (broken && run.length) {
      runs.push(run);
      run = [];
    }
    if (point.y !== null) run.push(point);
    previous = point;
  }
  if (run.length) runs.push(run);
  return runs;
}

function legendShapes(series: readonly LineSeries[], left: number, top: number, size: number): Shape[] {
  const shapes: Shape[] = [];
  let x = left;
  for (const entry of series) {
    shapes.push({
      kind: 'line',
      x1: x,
      y1: top - size / 3,
      x2: x + 14,
      y2: top - size / 3,
      color: entry.color,
      width: 2,
      ...(entry.dashed ? { dash: [4, 3] as const } : {}),
    });
    shapes.push({
      kind: 'text',
      x: x + 18,
      y: top,
      text: entry.name,
      size,
      color: chartColors.muted,
      anchor: 'start',
    });
    x += 30 + estimateTextWidth(entry.name, size);
  }
  return shapes;
}

/** Lays out a line chart (a time series unless xTicks says otherwise): title, grid, axes, series, legend. */
export function drawLineChart(spec: LineChartSpec): ChartDrawing {
  const textSize = spec.compact ? 8 : 9;
  const titleSize = spec.compact ? 9 : 11;
  const legendRow = spec.legend === false ? 0 : textSize + 8;
  const values = spec.series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  const ticks = valueTicks(Math.max(spec.minTop ?? 0, ...values, 0), 4, spec.tickUnit ?? 1);
  const top = ticks.at(-1) ?? 1;
  const labels = ticks.map((t) => (t === 0 ? '0' : spec.formatValue(t)));
  const left = Math.max(...labels.map((l) => estimateTextWidth(l, textSize))) + 8;
  const plot = {
    x: left,
    y: titleSize + 10,
    width: spec.width - left - 10,
    height: spec.height - (titleSize + 10) - (textSize + 8) - legendRow,
  };
  const span = Math.max(1, spec.to - spec.from);
  const xOf = (x: number) => plot.x + ((x - spec.from) / span) * plot.width;
  const yOf = (y: number) => plot.y + plot.height - (y / top) * plot.height;

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
  ticks.forEach((tick, index) => {
    const y = yOf(tick);
    shapes.push({
      kind: 'line',
      x1: plot.x,
      y1: y,
      x2: plot.x + plot.width,
      y2: y,
      color: index === 0 ? chartColors.axis : chartColors.grid,
      width: index === 0 ? 1 : 0.5,
    });
    shapes.push({
      kind: 'text',
      x: plot.x - 5,
      y: y + textSize / 3,
      text: labels[index] ?? '',
      size: textSize,
      color: chartColors.muted,
      anchor: 'end',
    });
  });
  const xTicks = spec.xTicks?.(spec.from, spec.to) ?? timeTicks(spec.from, spec.to, spec.compact ? 3 : 6);
  for (const tick of xTicks) {
    const x = xOf(tick.at);
    shapes.push({
      kind: 'line',
      x1: x,
      y1: plot.y + plot.height,
      x2: x,
      y2: plot.y + plot.height + 3,
      color: chartColors.axis,
      width: 1,
    });
    shapes.push({
      kind: 'text',
      x,
      y: plot.y + plot.height + 4 + textSize,
      text: tick.label,
      size: textSize,
      color: chartColors.muted,
      anchor: 'middle',
    });
  }

  const gapMs = spec.gapMs ?? Number.POSITIVE_INFINITY;
  for (const series of spec.series) {
    for (const run of segments(series.points, series.dashed ? Number.POSITIVE_INFINITY : gapMs)) {
      const points = run.map((p) => [xOf(p.x), yOf(p.y ?? 0)] as const);
      const [only] = points;
      if (points.length === 1 && only) {
        shapes.push({ kind: 'circle', x: only[0], y: only[1], r: 1.8, color: series.color });
        continue;
      }
      shapes.push({
        kind: 'polyline',
        points,
        color: series.color,
        width: series.dashed ? 1 : 1.5,
        ...(series.dashed ? { dash: [4, 3] as const } : {}),
      });
    }
  }
  if (values.length === 0) {
    shapes.push({
      kind: 'text',
      x: plot.x + plot.width / 2,
      y: plot.y + plot.height / 2,
      text: 'No samples in this period',
      size: textSize + 1,
      color: chartColors.muted,
      anchor: 'middle',
    });
  }
  if (spec.legend !== false) {
    shapes.push(...legendShapes(spec.series, plot.x, spec.height - 2, textSize));
  }
  return { width: spec.width, height: spec.height, title: spec.title, shapes };
}

/**
 * One small chart of a node's share of something (usage of allocatable, a probability) over the
 * report's window: the small multiples the cluster summary and the timeline draw per node.
 */
export function drawNodeShareChart(
  node: string,
  window: { from: number; to: number },
  series: readonly LineSeries[],
  gapMs?: number,
): ChartDrawing {
  return drawLineChart({
    title: node,
    width: 270,
    height: 130,
    ...window,
    minTop: 1,
    compact: true,
    legend: false,
    formatValue: formatPercent,
    ...(gapMs === undefined ? {} : { gapMs }),
    series,
  });
}
