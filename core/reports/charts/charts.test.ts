import { describe, expect, it } from 'vitest';
import { drawBarChart } from './bar-chart.ts';
import type { Shape } from './drawing.ts';
import { drawLineChart } from './line-chart.ts';
import { chartSvg } from './svg.ts';
import { binaryUnit, timeTicks, valueTicks } from './ticks.ts';

const gi = 1024 ** 3;

describe('ticks', () => {
  it.each([
    [10, [0, 2.5, 5, 7.5, 10]],
    [0.93, [0, 0.25, 0.5, 0.75, 1]],
    [28_000, [0, 10_000, 20_000, 30_000]],
    [0, [0, 1]],
  ])('valueTicks(%d) = %o', (max, ticks) => {
    expect(valueTicks(max)).toEqual(ticks);
  });

  it('makes memory ticks round in binary units', () => {
    expect(binaryUnit(112 * gi)).toBe(gi);
    expect(valueTicks(112 * gi, 4, gi)).toEqual([0, 50, 100, 150].map((n) => n * gi));
  });

  it.each([
    [0, 6 * 3_600_000, ['00:00', '01:00', '02:00', '03:00', '04:00', '05:00', '06:00']],
    [10_000, 40_000, ['00:00:10', '00:00:15', '00:00:20', '00:00:25', '00:00:30', '00:00:35', '00:00:40']],
    [0, 7 * 86_400_000, ['1 Jan', '3 Jan', '5 Jan', '7 Jan']],
  ])('timeTicks(%i, %i)', (from, to, labels) => {
    expect(timeTicks(from, to).map((t) => t.label)).toEqual(labels);
  });
});

const polylines = (shapes: Shape[]) => shapes.filter((s) => s.kind === 'polyline');

describe('drawLineChart', () => {
  const base = {
    title: 'CPU',
    width: 400,
    height: 200,
    from: 0,
    to: 100,
    formatValue: (v: number) => `${v}`,
    gapMs: 15,
  };

  it('breaks a line where a value is unknown or samples are missing, and dots a lone point', () => {
    const drawing = drawLineChart({
      ...base,
      series: [
        {
          name: 'a',
          color: '#000',
          points: [
            { x: 0, y: 1 },
            { x: 10, y: 2 },
            { x: 20, y: null },
            { x: 30, y: 3 },
            { x: 40, y: 3 },
            { x: 70, y: 4 },
          ],
        },
      ],
    });
    expect(polylines(drawing.shapes).map((p) => (p.kind === 'polyline' ? p.points.length : 0))).toEqual([
      2, 2,
    ]);
    expect(drawing.shapes.filter((s) => s.kind === 'circle')).toHaveLength(1);
  });

  it('never breaks a dashed reference line, and keeps every point inside the plot', () => {
    const drawing = drawLineChart({
      ...base,
      series: [
        {
          name: 'cap',
          color: '#999',
          dashed: true,
          points: [
            { x: 0, y: 8 },
            { x: 100, y: 8 },
          ],
        },
      ],
    });
    const [line] = polylines(drawing.shapes);
    expect(line && line.kind === 'polyline' && line.dash).toEqual([4, 3]);
    for (const shape of drawing.shapes) {
      if (shape.kind !== 'polyline') continue;
      for (const [x, y] of shape.points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(base.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(base.height);
      }
    }
  });

  it('says so when there is nothing to draw', () => {
    const drawing = drawLineChart({ ...base, series: [{ name: 'a', color: '#000', points: [] }] });
    expect(drawing.shapes.some((s) => s.kind === 'text' && s.text === 'No samples in this period')).toBe(
      true,
    );
  });
});

describe('chartSvg', () => {
  it('is inline SVG with an accessible name, and escapes every text', () => {
    const svg = chartSvg(
      drawBarChart({
        title: 'Nodes <now>',
        width: 300,
        measures: [{ name: 'CPU', color: '#00f' }],
        groups: [{ label: '<script>alert(1)</script>', values: [0.5] }],
        max: 1,
        formatValue: (v) => `${Math.round(v * 100)}%`,
      }),
    );
    expect(svg).toMatch(/^<svg class="chart" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 300 /);
    expect(svg).toContain('aria-label="Nodes &lt;now&gt;"');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('50%');
  });
});
