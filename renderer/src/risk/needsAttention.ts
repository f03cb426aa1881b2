import type { NodeRisk } from '../../../core/contract/index.ts';

const SEVERITY: Record<NodeRisk['level'], number> = { 'at-risk': 2, caution: 1, healthy: 0 };

/**
 * The nodes an operator should look at, worst first: at risk before caution, then by
 * probability, then by name so the order does not flicker between equal predictions.
 */
export function needsAttention(risks: Iterable<NodeRisk>): NodeRisk[] {
  return [...risks]
    .filter((risk) => risk.level !== 'healthy')
    .sort(
      (a, b) =>
        SEVERITY[b.level] - SEVERITY[a.level] ||
        b.probability - a.probability ||
        a.node.localeCompare(b.node),
    );
}

/** How many nodes are at each level that needs attention. */
export function attentionCounts(attention: readonly NodeRisk[]): { atRisk: number; caution: number } {
  const atRisk = attention.filter((risk) => risk.level === 'at-risk').length;
  return { atRisk, caution: attention.length - atRisk };
}

export interface RiskHeadline {
  state: string;
  /** The text class: '' before any prediction, then ok / warn / bad by the worst level. */
  tone: '' | 'text-ok' | 'text-warn' | 'text-bad';
  detail: string;
}

/** The cluster's risk in one line, for the Overview; before the first prediction it says so. */
export function riskHeadline(
  predictedAt: number | null,
  predicted: number,
  attention: readonly NodeRisk[],
): RiskHeadline {
  if (predictedAt === null) {
    return { state: 'No prediction yet', tone: '', detail: 'Predictions start with the first collections.' };
  }
  const { atRisk, caution } = attentionCounts(attention);
  if (atRisk + caution === 0) {
    return {
      state: 'All healthy',
      tone: 'text-ok',
      detail: `${predicted} ${predicted === 1 ? 'node' : 'nodes'} predicted, none expected to be in trouble`,
    };
  }
  return {
    state: 'Needs attention',
    tone: atRisk > 0 ? 'text-bad' : 'text-warn',
    detail: `${atRisk} at risk · ${caution} caution`,
  };
}
