import { chartColors, type ChartDrawing } from '../../charts/drawing.ts';
import { drawNodeShareChart, type LineSeries } from '../../charts/line-chart.ts';
import type { ReportContext } from '../types.ts';
import type { TimelineSection } from './model.ts';

/** Nodes charted at most: those with incidents first, then the highest risk reached. */
export const chartedNodeLimit = 12;

/** The nodes worth a chart: an incident, or a level above healthy, at some point. */
export function eventfulNodes(section: TimelineSection): string[] {
  const incidents = new Set(section.incidents.map((i) => i.node));
  const peak = new Map(
    section.nodes.map((n) => [n.node, Math.max(0, ...n.points.map((p) => p.probability))]),
  );
  const raised = new Set(section.changes.filter((c) => c.to !== 'healthy').map((c) => c.node));
  return section.nodes
    .map((n) => n.node)
    .filter((node) => incidents.has(node) || raised.has(node))
    .sort(
      (a, b) =>
        Number(incidents.has(b)) - Number(incidents.has(a)) || (peak.get(b) ?? 0) - (peak.get(a) ?? 0),
    );
}

/** From the first prediction or incident of the period to its end: history may start late. */
export function timelineWindow(
  section: TimelineSection,
  context: ReportContext,
): { from: number; to: number } {
  const first = Math.min(
    ...section.nodes.flatMap((n) => n.points.slice(0, 1).map((p) => p.at)),
    ...section.incidents.map((i) => i.startMs),
  );
  const from = Number.isFinite(first) ? Math.max(context.range.since, first) : context.range.since;
  return { from, to: Math.max(from + 60_000, Math.min(context.range.until, context.generatedAt)) };
}

/**
 * One small chart per eventful node: its probability over the period, and each incident as a red
 * bar along the top from when it began to when it was last seen.
 */
export function nodeTimelineCharts(section: TimelineSection, context: ReportContext): ChartDrawing[] {
  const byNode = new Map(section.nodes.map((n) => [n.node, n]));
  const window = timelineWindow(section, context);
  return eventfulNodes(section)
    .slice(0, chartedNodeLimit)
    .map((node) => {
      const incidents: LineSeries[] = section.incidents
        .filter((i) => i.node === node)
        .map((i) => ({
          name: 'Incident',
          color: chartColors.memory,
          points: [
            { x: Math.max(i.startMs, window.from), y: 1 },
            { x: Math.min(i.lastMs, window.to), y: 1 },
          ],
        }));
      return drawNodeShareChart(node, window, [
        {
          name: 'Probability',
          color: chartColors.cpu,
          points: (byNode.get(node)?.points ?? []).map((p) => ({ x: p.at, y: p.probability })),
        },
        ...incidents,
      ]);
    });
}
