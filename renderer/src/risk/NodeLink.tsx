import type { ReactNode } from 'react';
import { nodeHash } from '../sections.ts';
import { useRisk } from './RiskBadge.tsx';

/**
 * A link to a node's page on the Risk section (`#/risk/node-03`, so reload and back keep it); it
 * also selects the node at once, before the hash change arrives.
 */
export function NodeLink({ node, children }: { node: string; children?: ReactNode }) {
  const select = useRisk((s) => s.select);
  return (
    <a href={nodeHash(node)} onClick={() => select(node)} data-testid="risk-node-link">
      {children ?? node}
    </a>
  );
}
