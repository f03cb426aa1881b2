import { chart, charts, facts, heading, note, table, type Block } from '../../blocks.ts';
import { formatCount, formatTime } from '../../format.ts';
import type { AnyReportTable } from '../../table.ts';
import { importanceChart, prChart, rocChart } from './charts.ts';
import type { EvaluationSection } from './model.ts';
import { confusionTable, curvesTable, importanceTable, metricsTable, perKindTable } from './tables.ts';

export function evaluationTables(section: EvaluationSection): AnyReportTable[] {
  return [
    metricsTable(section),
    confusionTable(section),
    perKindTable(section),
    importanceTable(section),
    curvesTable(section),
  ];
}

function provenance(section: EvaluationSection): string {
  const which =
    section.origin === 'default'
      ? 'The model shipped with Foresight'
      : `A model trained on this cluster${section.trainedAt === null ? '' : ` on ${formatTime(section.trainedAt)}`}`;
  return `${which}, trained on ${section.trainedOn}, with ${section.featureCount} features; it alarms at a probability of ${section.threshold.toFixed(2)} or more.`;
}

export function evaluationBlocks(section: EvaluationSection): Block[] {
  const [metrics, confusion, perKind] = evaluationTables(section);
  const [latest] = section.decisions;
  const importance = importanceChart(section);
  const blocks: Block[] = [
    note(provenance(section)),
    facts([
      { label: 'Model', value: section.origin === 'default' ? 'Shipped' : 'Trained here' },
      { label: 'Threshold', value: section.threshold.toFixed(2), detail: 'probability that alarms' },
      {
        label: 'Feedback',
        value: formatCount(section.feedback.useful + section.feedback.falseAlarm),
        detail: `${formatCount(section.feedback.useful)} useful, ${formatCount(section.feedback.falseAlarm)} false alarms`,
      },
    ]),
  ];
  if (latest) {
    blocks.push(
      note(
        `Latest champion/challenger decision (${formatTime(latest.at)}): ${latest.replaced ? 'replaced' : 'kept'} — ${latest.reason}`,
      ),
    );
  }
  if (section.runs.length === 0) {
    blocks.push(note('The model carries no evaluation.'));
    return blocks;
  }
  for (const run of section.runs) {
    blocks.push(heading(`Curves: ${run.dataset}`), charts([rocChart(run), prChart(run)]));
  }
  blocks.push(heading('Model beside the rules'));
  if (metrics) blocks.push(table(metrics));
  blocks.push(heading('Confusion matrix'));
  if (confusion) blocks.push(table(confusion));
  blocks.push(heading('Per kind of trouble'));
  if (perKind) blocks.push(table(perKind));
  if (importance) blocks.push(heading('Feature importance'), chart(importance));
  return blocks;
}
