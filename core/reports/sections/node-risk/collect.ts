import { riskFigure, riskLevels, type NodeRisk } from '../../../contract/risk.ts';
import type { ReportSource } from '../../source.ts';
import { answered } from '../availability.ts';
import type { NodeRiskEntry, NodeRiskSection } from './model.ts';

export const sourceLabels: Record<NodeRisk['source'], string> = {
  model: 'model',
  detector: 'streaming detector',
  rules: 'rules',
};

/**
 * The Nodes page's figure (the model's probability, or which alarm raised the level); a healthy
 * node the model does not score has no alarm to name, so it says who watches it.
 */
function figureOf(risk: NodeRisk): string {
  if (risk.source !== 'model' && risk.level === 'healthy') return `no alarm (${sourceLabels[risk.source]})`;
  return riskFigure(risk);
}

const levelRank = (level: NodeRisk['level']) => riskLevels.indexOf(level);
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function entryOf(risk: NodeRisk): NodeRiskEntry {
  return {
    node: risk.node,
    at: risk.at,
    level: risk.level,
    probability: risk.probability,
    figure: figureOf(risk),
    kind: risk.kind ?? null,
    leadTimeMinutes: risk.leadTimeMinutes ?? null,
    reasons: [...risk.reasons],
    source: risk.source,
  };
}

/** The latest prediction per node: the most at risk first, then by probability, then by name. */
export function collectNodeRisk(source: ReportSource): NodeRiskSection {
  const { at, risks } = answered(source.reads?.risk, 'Node risk');
  const nodes = risks
    .map(entryOf)
    .sort(
      (a, b) =>
        levelRank(b.level) - levelRank(a.level) ||
        b.probability - a.probability ||
        collator.compare(a.node, b.node),
    );
  const count = (level: NodeRisk['level']) => nodes.filter((n) => n.level === level).length;
  return {
    predictedAt: at,
    nodes,
    counts: { healthy: count('healthy'), caution: count('caution'), atRisk: count('at-risk') },
  };
}
