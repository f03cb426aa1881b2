import { chart, facts, heading, note, table, type Block } from '../../blocks.ts';
import { drawBarChart } from '../../charts/bar-chart.ts';
import { chartColors, type ChartDrawing } from '../../charts/drawing.ts';
import { formatCount, formatMoney } from '../../format.ts';
import type { AnyReportTable } from '../../table.ts';
import type { ScalingSection } from './model.ts';
import { costTable, recommendationsTable, replicasTable, requestsTable, unadvisedTable } from './tables.ts';

/** Workloads in the cost chart at most: the largest savings; the table lists all of them. */
export const costChartLimit = 20;

export function scalingTables(section: ScalingSection): AnyReportTable[] {
  return [
    replicasTable(section),
    requestsTable(section),
    costTable(section),
    recommendationsTable(section),
    unadvisedTable(section),
  ];
}

/** Cost a month today against as recommended, per workload: where the money is. */
export function costChart(section: ScalingSection): ChartDrawing | null {
  const shown = section.workloads.slice(0, costChartLimit);
  if (shown.length === 0) return null;
  const max = Math.max(...shown.flatMap((w) => [w.cost.today, w.cost.recommended]), 0.01);
  return drawBarChart({
    title:
      section.workloads.length > shown.length
        ? `Cost a month: the ${shown.length} largest savings of ${section.workloads.length} workloads`
        : 'Cost a month, today and as recommended',
    width: 560,
    measures: [
      { name: 'Today', color: chartColors.capacity },
      { name: 'Recommended', color: chartColors.cpu },
    ],
    groups: shown.map((w) => ({
      label: `${w.namespace}/${w.name}`,
      values: [w.cost.today, w.cost.recommended],
    })),
    max,
    formatValue: (value) => formatMoney(value, null),
  });
}

export function scalingBlocks(section: ScalingSection): Block[] {
  const [replicas, requests, cost, recommendations, unadvised] = scalingTables(section);
  const money = (n: number) => formatMoney(n, section.currency);
  const resize = section.workloads.filter((w) => ['medium', 'high'].includes(w.rightSizing.severity));
  const blocks: Block[] = [];
  if (section.workloads.length === 0) {
    blocks.push(note('No workload could be advised yet; the list below says why for each.'));
  } else {
    const drawing = costChart(section);
    blocks.push(
      facts([
        {
          label: 'Workloads advised',
          value: formatCount(section.workloads.length),
          detail: `${formatCount(section.unadvised.length)} without advice`,
        },
        { label: 'Cost today', value: money(section.totals.today), detail: 'a month, at today’s requests' },
        {
          label: 'As recommended',
          value: money(section.totals.recommended),
          detail: 'a month, on the schedule',
        },
        {
          label: 'Saving',
          value: money(section.totals.monthlySavings),
          detail: 'a month',
        },
        {
          label: 'To right-size',
          value: formatCount(resize.length),
          detail: 'medium or high severity',
        },
      ]),
      note(
        'Advice covers the week of usage Foresight recorded per workload, whatever the report’s period; costs use the advisor’s prices.',
      ),
      ...(drawing ? [chart(drawing)] : []),
      heading('Replicas and HPA'),
      ...(replicas ? [table(replicas)] : []),
      heading('Right-sizing'),
      ...(requests ? [table(requests)] : []),
      heading('Cost'),
      ...(cost ? [table(cost)] : []),
      heading('Recommendations'),
      ...(recommendations ? [table(recommendations)] : []),
    );
  }
  if (section.unadvised.length && unadvised) blocks.push(heading('Without advice'), table(unadvised));
  return blocks;
}
