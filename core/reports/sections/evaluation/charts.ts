import { drawBarChart } from '../../charts/bar-chart.ts';
import { chartColors, type ChartDrawing } from '../../charts/drawing.ts';
import { drawLineChart, type LineSeries } from '../../charts/line-chart.ts';
import { fractionTicks } from '../../charts/ticks.ts';
import type { EvaluationRun, EvaluationSection } from './model.ts';

/** Features in the importance chart at most; the CSV has all of them. */
export const importanceChartLimit = 15;

const auc = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

function curveChart(
  title: string,
  run: EvaluationRun,
  pick: 'roc' | 'pr',
  reference: LineSeries,
): ChartDrawing {
  const area = (s: EvaluationRun['model']) => (pick === 'roc' ? s.rocAuc : s.prAuc);
  return drawLineChart({
    title,
    width: 270,
    height: 220,
    from: 0,
    to: 1,
    minTop: 1,
    compact: true,
    xTicks: fractionTicks,
    formatValue: (v) => v.toFixed(1),
    series: [
      {
        name: `Model (${auc(area(run.model))})`,
        color: chartColors.cpu,
        points: [...run.model[pick]].sort((a, b) => a.x - b.x),
      },
      {
        name: `Rules (${auc(area(run.baseline))})`,
        color: chartColors.memory,
        points: [...run.baseline[pick]].sort((a, b) => a.x - b.x),
      },
      reference,
    ],
  });
}

/** ROC against chance (the diagonal), true positive rate over false positive rate. */
export function rocChart(run: EvaluationRun): ChartDrawing {
  return curveChart('ROC: true vs false positive rate', run, 'roc', {
    name: 'Chance',
    color: chartColors.capacity,
    dashed: true,
    points: [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ],
  });
}

/** Precision over recall, against the share of positives (what guessing would reach). */
export function prChart(run: EvaluationRun): ChartDrawing {
  const base = run.model.points > 0 ? run.model.positives / run.model.points : 0;
  return curveChart('Precision (y) vs recall (x)', run, 'pr', {
    name: 'Base rate',
    color: chartColors.capacity,
    dashed: true,
    points: [
      { x: 0, y: base },
      { x: 1, y: base },
    ],
  });
}

export function importanceChart(section: EvaluationSection): ChartDrawing | null {
  const shown = section.importance.slice(0, importanceChartLimit);
  if (shown.length === 0) return null;
  const max = Math.max(...shown.map((f) => f.prAucDrop), 0.001);
  return drawBarChart({
    title: `Feature importance: the ${shown.length} features whose loss costs most PR-AUC`,
    width: 560,
    measures: [{ name: 'PR-AUC drop when shuffled', color: chartColors.cpu }],
    groups: shown.map((f) => ({ label: f.feature, values: [Math.max(0, f.prAucDrop)] })),
    max,
    formatValue: (v) => v.toFixed(3),
  });
}
