import type { RiskKind, RiskLevel } from '../../../contract/risk.ts';
import { formatTime, missing } from '../../format.ts';
import { tableOf, type AnyReportTable, type CellTone } from '../../table.ts';
import { sourceLabels } from './collect.ts';
import type { NodeRiskEntry, NodeRiskSection } from './model.ts';

export const levelLabels: Record<RiskLevel, string> = {
  healthy: 'Healthy',
  caution: 'Caution',
  'at-risk': 'At risk',
};

export const levelTones: Record<RiskLevel, CellTone> = {
  healthy: 'good',
  caution: 'warn',
  'at-risk': 'bad',
};

export const kindLabels: Record<RiskKind, string> = {
  'resource-exhaustion': 'Resource exhaustion',
  'pod-failures': 'Pod failures',
  network: 'Network',
  'node-down': 'Node down',
};

const lead = (minutes: number | null) => (minutes === null ? missing : `${Math.round(minutes)} min`);

export function nodeRiskTable(section: NodeRiskSection): AnyReportTable {
  return tableOf<NodeRiskEntry>({
    name: 'node-risk',
    title: 'Each node’s risk now, most at risk first',
    rows: section.nodes,
    columns: [
      { header: 'Node', display: (n) => n.node, weight: 1.8 },
      {
        header: 'Risk',
        display: (n) => levelLabels[n.level],
        tone: (n) => levelTones[n.level],
        weight: 0.9,
      },
      { header: 'Probability', display: (n) => n.figure, align: 'right', weight: 1.3 },
      { header: 'Kind', display: (n) => (n.kind ? kindLabels[n.kind] : missing), weight: 1.4 },
      { header: 'Lead time', display: (n) => lead(n.leadTimeMinutes), align: 'right', weight: 0.9 },
      { header: 'Reasons', display: (n) => n.reasons.join('; ') || missing, weight: 4.5 },
    ],
    csv: [
      { header: 'node', value: (n) => n.node },
      { header: 'level', value: (n) => n.level },
      { header: 'probability', value: (n) => n.probability },
      { header: 'source', value: (n) => n.source },
      { header: 'kind', value: (n) => n.kind },
      { header: 'lead_time_minutes', value: (n) => n.leadTimeMinutes },
      { header: 'reasons', value: (n) => n.reasons.join('; ') },
      { header: 'predicted_at_utc', value: (n) => new Date(n.at).toISOString() },
    ],
  });
}

/** "Predicted by the model at 2025-03-14 11:59 UTC", and who raised levels besides the model. */
export function predictionNote(section: NodeRiskSection): string {
  const when = section.predictedAt === null ? '' : ` at ${formatTime(section.predictedAt, true)}`;
  const others = [...new Set(section.nodes.filter((n) => n.source !== 'model').map((n) => n.source))];
  const also = others.length
    ? ` Some nodes are judged by the ${others.map((s) => sourceLabels[s]).join(' and the ')} instead of the model (the detector watches nodes too new for the model; the rules flag what is plainly wrong now): neither gives a probability.`
    : '';
  return `The latest predictions${when}; the probability is of an incident within the model’s horizon.${also}`;
}
