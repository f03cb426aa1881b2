import { useStore } from 'zustand';
import { useSectionStore } from '../app/storesContext.ts';
import { nodeHash } from '../sections.ts';
import { createRiskStore, type RiskState } from '../stores/riskStore.ts';

/** The risk store, made on first use by whichever page needs it first. */
export function useRisk<T>(selector: (state: RiskState) => T): T {
  return useStore(
    useSectionStore('risk', (api) => createRiskStore(api)),
    selector,
  );
}

const LABELS = { healthy: 'Healthy', caution: 'Caution', 'at-risk': 'At risk' } as const;

/** A node's risk level in the Nodes table; opens the node page. */
export function RiskBadge({ node }: { node: string }) {
  const risk = useRisk((s) => s.risks[node]);
  const select = useRisk((s) => s.select);
  if (!risk) return null;
  const title = [`${Math.round(risk.probability * 100)}% (${risk.source})`, ...risk.reasons].join('\n');
  return (
    <a
      className={`badge risk-badge risk-${risk.level}`}
      href={nodeHash(node)}
      onClick={() => select(node)}
      title={title}
      data-testid="risk-badge"
      data-level={risk.level}
    >
      {LABELS[risk.level]}
    </a>
  );
}
