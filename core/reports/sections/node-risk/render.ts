import { chart, facts, note, table, type Block } from '../../blocks.ts';
import { drawBarChart } from '../../charts/bar-chart.ts';
import { chartColors, type ChartDrawing } from '../../charts/drawing.ts';
import { formatCount, formatPercent } from '../../format.ts';
import type { AnyReportTable } from '../../table.ts';
import type { NodeRiskSection } from './model.ts';
import { nodeRiskTable, predictionNote } from './tables.ts';

/** Nodes in the probability chart at most: the highest; the table lists every node. */
export const riskChartLimit = 30;

export function nodeRiskTables(section: NodeRiskSection): AnyReportTable[] {
  return [nodeRiskTable(section)];
}

/** The model's probability per node, highest first (alarms from other scorers have none). */
export function riskChart(section: NodeRiskSection): ChartDrawing | null {
  const scored = section.nodes
    .filter((n) => n.source === 'model')
    .sort((a, b) => b.probability - a.probability);
  const shown = scored.slice(0, riskChartLimit);
  if (shown.length === 0) return null;
  return drawBarChart({
    title:
      scored.length > shown.length
        ? `Probability of an incident: the ${shown.length} highest of ${scored.length} nodes`
        : 'Probability of an incident, per node',
    width: 560,
    measures: [{ name: 'Probability (model)', color: chartColors.memory }],
    groups: shown.map((n) => ({ label: n.node, values: [n.probability] })),
    max: 1,
    formatValue: formatPercent,
  });
}

export function nodeRiskBlocks(section: NodeRiskSection): Block[] {
  const { counts } = section;
  const drawing = riskChart(section);
  return [
    note(predictionNote(section)),
    facts([
      { label: 'At risk', value: formatCount(counts.atRisk), detail: 'nodes' },
      { label: 'Caution', value: formatCount(counts.caution), detail: 'nodes' },
      { label: 'Healthy', value: formatCount(counts.healthy), detail: 'nodes' },
    ]),
    ...(drawing ? [chart(drawing)] : []),
    ...nodeRiskTables(section).map(table),
  ];
}
