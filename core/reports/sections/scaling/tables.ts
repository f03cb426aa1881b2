import { formatBytes, formatChange, formatCores, formatMoney, missing } from '../../format.ts';
import { tableOf, type AnyReportTable, type CellTone } from '../../table.ts';
import type { ScalingSection, ScalingWorkload, UnadvisedWorkload } from './model.ts';

type Change = ScalingWorkload['cpuRequestMillis'];

const workloadName = (w: { namespace: string; name: string }) => `${w.namespace}/${w.name}`;

const severityTones: Partial<Record<ScalingWorkload['rightSizing']['severity'], CellTone>> = {
  high: 'bad',
  medium: 'warn',
  none: 'good',
};

/** "250m → 120m (-52%)"; a limit that is not set reads "not set → 512Mi". */
function change(c: Change, format: (n: number | null) => string): string {
  if (c.current <= 0) return `not set → ${format(c.recommended)}`;
  return `${format(c.current)} → ${format(c.recommended)} (${formatChange(c.changePercent)})`;
}

const hpaText = (h: { minReplicas: number; maxReplicas: number; targetUtilization: number } | null) =>
  h ? `${h.minReplicas}–${h.maxReplicas} at ${Math.round(h.targetUtilization)}%` : 'none';

export function replicasTable(section: ScalingSection): AnyReportTable {
  return tableOf<ScalingWorkload>({
    name: 'scaling-replicas',
    title: 'Replicas and HPA bounds, per workload',
    rows: section.workloads,
    columns: [
      { header: 'Workload', display: workloadName, weight: 2.4 },
      { header: 'Kind', display: (w) => w.kind, weight: 1.1 },
      { header: 'Replicas now', display: (w) => String(w.replicas.current), align: 'right' },
      { header: 'Needed now', display: (w) => String(w.replicas.neededNow), align: 'right' },
      { header: 'Ahead', display: (w) => String(w.replicas.predictive), align: 'right' },
      { header: 'HPA recommended', display: (w) => hpaText(w.hpa), weight: 1.6 },
      { header: 'HPA now', display: (w) => hpaText(w.currentHpa), weight: 1.6 },
      { header: 'Confidence', display: (w) => w.confidence },
    ],
    csv: [
      { header: 'namespace', value: (w) => w.namespace },
      { header: 'kind', value: (w) => w.kind },
      { header: 'name', value: (w) => w.name },
      { header: 'confidence', value: (w) => w.confidence },
      { header: 'replicas_current', value: (w) => w.replicas.current },
      { header: 'replicas_needed_now', value: (w) => w.replicas.neededNow },
      { header: 'replicas_predictive', value: (w) => w.replicas.predictive },
      { header: 'hpa_min_replicas', value: (w) => w.hpa.minReplicas },
      { header: 'hpa_max_replicas', value: (w) => w.hpa.maxReplicas },
      { header: 'hpa_target_cpu_percent', value: (w) => w.hpa.targetUtilization },
      { header: 'current_hpa_name', value: (w) => w.currentHpa?.name ?? null },
      { header: 'current_hpa_min_replicas', value: (w) => w.currentHpa?.minReplicas ?? null },
      { header: 'current_hpa_max_replicas', value: (w) => w.currentHpa?.maxReplicas ?? null },
      { header: 'current_hpa_target_cpu_percent', value: (w) => w.currentHpa?.targetUtilization ?? null },
    ],
  });
}

export function requestsTable(section: ScalingSection): AnyReportTable {
  return tableOf<ScalingWorkload>({
    name: 'scaling-requests',
    title: 'Right-sizing: requests and limits per pod, now → recommended',
    rows: section.workloads,
    columns: [
      { header: 'Workload', display: workloadName, weight: 2.2 },
      { header: 'CPU request', display: (w) => change(w.cpuRequestMillis, formatCores), weight: 1.7 },
      { header: 'Memory request', display: (w) => change(w.memoryRequestBytes, formatBytes), weight: 1.9 },
      { header: 'Memory limit', display: (w) => change(w.memoryLimitBytes, formatBytes), weight: 1.9 },
      {
        header: 'Severity',
        display: (w) => w.rightSizing.severity,
        tone: (w) => severityTones[w.rightSizing.severity],
        weight: 0.9,
      },
      { header: 'Why', display: (w) => w.rightSizing.reasoning || missing, weight: 3 },
    ],
    csv: [
      { header: 'namespace', value: (w) => w.namespace },
      { header: 'name', value: (w) => w.name },
      { header: 'cpu_request_millicores', value: (w) => w.cpuRequestMillis.current },
      { header: 'cpu_request_recommended_millicores', value: (w) => w.cpuRequestMillis.recommended },
      { header: 'memory_request_bytes', value: (w) => w.memoryRequestBytes.current },
      { header: 'memory_request_recommended_bytes', value: (w) => w.memoryRequestBytes.recommended },
      { header: 'memory_limit_bytes', value: (w) => w.memoryLimitBytes.current },
      { header: 'memory_limit_recommended_bytes', value: (w) => w.memoryLimitBytes.recommended },
      { header: 'severity', value: (w) => w.rightSizing.severity },
      { header: 'confidence', value: (w) => w.rightSizing.confidence },
      { header: 'reasoning', value: (w) => w.rightSizing.reasoning },
    ],
  });
}

export function costTable(section: ScalingSection): AnyReportTable {
  const money = (n: number) => formatMoney(n, section.currency);
  return tableOf<ScalingWorkload>({
    name: 'scaling-cost',
    title: `Cost a month${section.currency ? ` (${section.currency})` : ''}: today, as recommended, and the saving`,
    rows: section.workloads,
    columns: [
      { header: 'Workload', display: workloadName, weight: 2.4 },
      { header: 'Today', display: (w) => money(w.cost.today), align: 'right' },
      { header: 'Recommended', display: (w) => money(w.cost.recommended), align: 'right' },
      {
        header: 'Saving',
        display: (w) => money(w.cost.monthlySavings),
        align: 'right',
        tone: (w) => (w.cost.monthlySavings > 0 ? 'good' : w.cost.monthlySavings < 0 ? 'warn' : undefined),
      },
      { header: 'Fixed at peak', display: (w) => money(w.cost.fixedAtPeak), align: 'right' },
    ],
    csv: [
      { header: 'namespace', value: (w) => w.namespace },
      { header: 'name', value: (w) => w.name },
      { header: 'currency', value: () => section.currency },
      { header: 'cost_today_per_month', value: (w) => w.cost.today },
      { header: 'cost_recommended_per_month', value: (w) => w.cost.recommended },
      { header: 'saving_per_month', value: (w) => w.cost.monthlySavings },
      { header: 'cost_scheduled_per_month', value: (w) => w.cost.scheduled },
      { header: 'cost_fixed_at_peak_per_month', value: (w) => w.cost.fixedAtPeak },
    ],
  });
}

type RecommendationRow = ScalingWorkload['recommendations'][number] & { workload: string };

export function recommendationsTable(section: ScalingSection): AnyReportTable {
  return tableOf<RecommendationRow>({
    name: 'scaling-recommendations',
    title: 'Recommendations, in the advisor’s words',
    rows: section.workloads.flatMap((w) =>
      w.recommendations.map((r) => ({ ...r, workload: workloadName(w) })),
    ),
    columns: [
      { header: 'Workload', display: (r) => r.workload, weight: 2 },
      { header: 'Recommendation', display: (r) => r.kind, weight: 1.3 },
      { header: 'Confidence', display: (r) => r.confidence, weight: 0.9 },
      { header: 'Explanation', display: (r) => r.explanation, weight: 5 },
    ],
    csv: [
      { header: 'workload', value: (r) => r.workload },
      { header: 'recommendation', value: (r) => r.kind },
      { header: 'confidence', value: (r) => r.confidence },
      { header: 'explanation', value: (r) => r.explanation },
    ],
  });
}

export function unadvisedTable(section: ScalingSection): AnyReportTable {
  return tableOf<UnadvisedWorkload>({
    name: 'scaling-unadvised',
    title: 'Workloads without advice, and why',
    rows: section.unadvised,
    columns: [
      { header: 'Workload', display: workloadName, weight: 2 },
      { header: 'Kind', display: (w) => w.kind, weight: 1 },
      { header: 'Why', display: (w) => w.reason, weight: 5 },
    ],
    csv: [
      { header: 'namespace', value: (w) => w.namespace },
      { header: 'kind', value: (w) => w.kind },
      { header: 'name', value: (w) => w.name },
      { header: 'reason', value: (w) => w.reason },
    ],
  });
}
