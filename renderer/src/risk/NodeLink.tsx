import type { ReactNode } from 'react';
import { useRisk } from './RiskBadge.tsx';

/**
 * A link to a node's page on the Risk section. The section is in the URL hash; which node is
 * open is the risk store's (the hash holds only the section), so the link selects it on click.
 */
export function NodeLink({ node, children }: { node: string; children?: ReactNode }) {
  const select = useRisk((s) => s.select);
  return (
    <a href="#/risk" onClick={() => select(node)} data-testid="risk-node-link">
      {children ?? node}
    </a>
  );
}
