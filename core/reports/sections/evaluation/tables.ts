import { formatCount, missing } from '../../format.ts';
import { tableOf, type AnyReportTable } from '../../table.ts';
import type { EvaluationRun, EvaluationSection, ScorerResult } from './model.ts';

const num = (n: number | null, digits = 3) => (n === null ? missing : n.toFixed(digits));

type Metric = {
  name: string;
  value: (s: ScorerResult) => number | null;
  display: (s: ScorerResult) => string;
};

/** The Model page's side-by-side rows: the model and the rules on the same data. */
const metrics: readonly Metric[] = [
  { name: 'PR-AUC, incidents', value: (s) => s.incidentPrAuc, display: (s) => num(s.incidentPrAuc) },
  { name: 'PR-AUC, points', value: (s) => s.prAuc, display: (s) => num(s.prAuc) },
  { name: 'ROC-AUC', value: (s) => s.rocAuc, display: (s) => num(s.rocAuc) },
  {
    name: 'Incidents warned',
    value: (s) => s.alarms.warned,
    display: (s) => `${formatCount(s.alarms.warned)} of ${formatCount(s.alarms.incidents)}`,
  },
  {
    name: 'Median lead (min)',
    value: (s) => s.alarms.medianLeadMinutes,
    display: (s) => num(s.alarms.medianLeadMinutes, 1),
  },
  {
    name: 'False alarms per node-day',
    value: (s) => s.alarms.falseAlarmsPerNodeDay,
    display: (s) => num(s.alarms.falseAlarmsPerNodeDay, 2),
  },
  { name: 'Alarm threshold', value: (s) => s.alarms.threshold, display: (s) => num(s.alarms.threshold, 2) },
];

type MetricRow = { run: EvaluationRun; metric: Metric };

export function metricsTable(section: EvaluationSection): AnyReportTable {
  return tableOf<MetricRow>({
    name: 'evaluation-metrics',
    title: 'The model beside the rules baseline, per evaluation dataset',
    rows: section.runs.flatMap((run) => metrics.map((metric) => ({ run, metric }))),
    columns: [
      { header: 'Dataset', display: (r) => r.run.dataset, weight: 3 },
      { header: 'Metric', display: (r) => r.metric.name, weight: 2 },
      { header: 'Model', display: (r) => r.metric.display(r.run.model), align: 'right' },
      { header: 'Rules', display: (r) => r.metric.display(r.run.baseline), align: 'right' },
    ],
    csv: [
      { header: 'dataset', value: (r) => r.run.dataset },
      { header: 'metric', value: (r) => r.metric.name },
      { header: 'model', value: (r) => r.metric.value(r.run.model) },
      { header: 'rules', value: (r) => r.metric.value(r.run.baseline) },
    ],
  });
}

type ScorerRow = { dataset: string; scorer: 'model' | 'rules'; result: ScorerResult };

const scorerRows = (section: EvaluationSection): ScorerRow[] =>
  section.runs.flatMap((run) => [
    { dataset: run.dataset, scorer: 'model' as const, result: run.model },
    { dataset: run.dataset, scorer: 'rules' as const, result: run.baseline },
  ]);

export function confusionTable(section: EvaluationSection): AnyReportTable {
  return tableOf<ScorerRow>({
    name: 'evaluation-confusion',
    title: 'Confusion matrix at the alarm threshold: did an incident follow an alarm?',
    rows: scorerRows(section),
    columns: [
      { header: 'Dataset', display: (r) => r.dataset, weight: 3 },
      { header: 'Scorer', display: (r) => r.scorer },
      { header: 'Threshold', display: (r) => num(r.result.confusion.threshold, 2), align: 'right' },
      { header: 'Alarm, incident', display: (r) => formatCount(r.result.confusion.tp), align: 'right' },
      { header: 'No alarm, incident', display: (r) => formatCount(r.result.confusion.fn), align: 'right' },
      { header: 'Alarm, none', display: (r) => formatCount(r.result.confusion.fp), align: 'right' },
      { header: 'No alarm, none', display: (r) => formatCount(r.result.confusion.tn), align: 'right' },
    ],
    csv: [
      { header: 'dataset', value: (r) => r.dataset },
      { header: 'scorer', value: (r) => r.scorer },
      { header: 'threshold', value: (r) => r.result.confusion.threshold },
      { header: 'true_positives', value: (r) => r.result.confusion.tp },
      { header: 'false_negatives', value: (r) => r.result.confusion.fn },
      { header: 'false_positives', value: (r) => r.result.confusion.fp },
      { header: 'true_negatives', value: (r) => r.result.confusion.tn },
    ],
  });
}

type KindRow = ScorerRow['result']['perKind'][number] & { dataset: string; scorer: string };

export function perKindTable(section: EvaluationSection): AnyReportTable {
  return tableOf<KindRow>({
    name: 'evaluation-per-kind',
    title: 'Precision and recall per kind of trouble',
    rows: scorerRows(section).flatMap((r) =>
      r.result.perKind.map((k) => ({ ...k, dataset: r.dataset, scorer: r.scorer })),
    ),
    columns: [
      { header: 'Dataset', display: (r) => r.dataset, weight: 3 },
      { header: 'Scorer', display: (r) => r.scorer },
      { header: 'Kind', display: (r) => r.kind, weight: 1.6 },
      { header: 'Precision', display: (r) => num(r.precision, 2), align: 'right' },
      { header: 'Recall', display: (r) => num(r.recall, 2), align: 'right' },
      { header: 'F1', display: (r) => num(r.f1, 2), align: 'right' },
      { header: 'Support', display: (r) => formatCount(r.support), align: 'right' },
    ],
    csv: [
      { header: 'dataset', value: (r) => r.dataset },
      { header: 'scorer', value: (r) => r.scorer },
      { header: 'kind', value: (r) => r.kind },
      { header: 'precision', value: (r) => r.precision },
      { header: 'recall', value: (r) => r.recall },
      { header: 'f1', value: (r) => r.f1 },
      { header: 'support', value: (r) => r.support },
    ],
  });
}

export function importanceTable(section: EvaluationSection): AnyReportTable {
  return tableOf<EvaluationSection['importance'][number]>({
    name: 'feature-importance',
    title: 'Feature importance: how much PR-AUC drops when the feature is shuffled',
    rows: section.importance,
    csv: [
      { header: 'feature', value: (r) => r.feature },
      { header: 'pr_auc_drop', value: (r) => r.prAucDrop },
    ],
  });
}

type CurveRow = { dataset: string; scorer: string; curve: 'roc' | 'pr'; x: number; y: number };

/** The curves' points, for a spreadsheet (the HTML and PDF draw them). */
export function curvesTable(section: EvaluationSection): AnyReportTable {
  return tableOf<CurveRow>({
    name: 'evaluation-curves',
    title: 'ROC (x false positive rate, y true positive rate) and PR (x recall, y precision) points',
    rows: scorerRows(section).flatMap((r) => [
      ...r.result.roc.map((p) => ({ dataset: r.dataset, scorer: r.scorer, curve: 'roc' as const, ...p })),
      ...r.result.pr.map((p) => ({ dataset: r.dataset, scorer: r.scorer, curve: 'pr' as const, ...p })),
    ]),
    csv: [
      { header: 'dataset', value: (r) => r.dataset },
      { header: 'scorer', value: (r) => r.scorer },
      { header: 'curve', value: (r) => r.curve },
      { header: 'x', value: (r) => r.x },
      { header: 'y', value: (r) => r.y },
    ],
  });
}
