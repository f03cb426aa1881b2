import { formatPercent, missing } from '../../format.ts';
import { tableOf, type AnyReportTable } from '../../table.ts';
import type { PendingPod, PlacementSection } from './model.ts';

const podName = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;

/** Foresight's pick, or why there is none. */
function adviceText(p: PendingPod): string {
  if (p.advice) return p.advice.node;
  if (p.problem) return `none: ${p.problem}`;
  if (p.unschedulable) return `fits nowhere: ${p.unschedulable.message}`;
  return missing;
}

function whyText(p: PendingPod): string {
  if (p.advice) return p.advice.reasons.join('; ') || missing;
  if (p.unschedulable?.changes.length) return `Would fit if: ${p.unschedulable.changes.join('; ')}`;
  return missing;
}

/** "agrees", "differs", or nothing when either has no pick. */
export function agreement(p: PendingPod): 'agrees' | 'differs' | null {
  if (!p.advice || !p.kubeScheduler) return null;
  const same = p.advice.node === p.kubeScheduler.node || p.kubeScheduler.tiedWith.includes(p.advice.node);
  return same ? 'agrees' : 'differs';
}

export function placementTable(section: PlacementSection): AnyReportTable {
  return tableOf<PendingPod>({
    name: 'placement',
    title: 'Where each pending pod should go, and why',
    rows: section.pods,
    columns: [
      { header: 'Pod', display: podName, weight: 2.2 },
      {
        header: 'Advice',
        display: adviceText,
        tone: (p) => (p.advice ? 'good' : 'bad'),
        weight: 1.8,
      },
      {
        header: 'Confidence',
        display: (p) => (p.advice ? formatPercent(p.advice.confidence) : missing),
        align: 'right',
        weight: 1,
      },
      {
        header: 'kube-scheduler',
        display: (p) =>
          p.kubeScheduler
            ? `${p.kubeScheduler.node}${agreement(p) === 'agrees' ? ' (agrees)' : ''}`
            : missing,
        weight: 1.6,
      },
      {
        header: 'Fits',
        display: (p) => (p.nodes ? `${p.feasibleNodes} of ${p.nodes}` : missing),
        align: 'right',
        weight: 0.9,
      },
      { header: 'Why', display: whyText, weight: 3.5 },
    ],
    csv: [
      { header: 'namespace', value: (p) => p.namespace },
      { header: 'pod', value: (p) => p.name },
      { header: 'advised_node', value: (p) => p.advice?.node ?? null },
      { header: 'confidence', value: (p) => p.advice?.confidence ?? null },
      { header: 'kube_scheduler_node', value: (p) => p.kubeScheduler?.node ?? null },
      { header: 'agreement', value: agreement },
      { header: 'feasible_nodes', value: (p) => p.feasibleNodes },
      { header: 'nodes', value: (p) => p.nodes },
      { header: 'reasons', value: (p) => p.advice?.reasons.join('; ') ?? null },
      { header: 'unschedulable', value: (p) => p.unschedulable?.message ?? null },
      { header: 'would_fit_if', value: (p) => p.unschedulable?.changes.join('; ') ?? null },
      { header: 'problem', value: (p) => p.problem },
    ],
  });
}

type RankRow = PendingPod['best'][number] & { pod: string };

export function rankingTable(section: PlacementSection): AnyReportTable {
  return tableOf<RankRow>({
    name: 'placement-ranking',
    title: 'The best-ranked nodes per pending pod (Foresight’s total and kube-scheduler’s)',
    rows: section.pods.flatMap((p) => p.best.map((b) => ({ ...b, pod: podName(p) }))),
    columns: [
      { header: 'Pod', display: (r) => r.pod, weight: 2.2 },
      { header: 'Rank', display: (r) => String(r.rank), align: 'right', weight: 0.6 },
      { header: 'Node', display: (r) => r.node, weight: 1.8 },
      { header: 'Foresight total', display: (r) => r.foresightTotal.toFixed(1), align: 'right' },
      { header: 'kube-scheduler total', display: (r) => r.kubeSchedulerTotal.toFixed(1), align: 'right' },
    ],
    csv: [
      { header: 'pod', value: (r) => r.pod },
      { header: 'rank', value: (r) => r.rank },
      { header: 'node', value: (r) => r.node },
      { header: 'foresight_total', value: (r) => r.foresightTotal },
      { header: 'kube_scheduler_total', value: (r) => r.kubeSchedulerTotal },
    ],
  });
}
