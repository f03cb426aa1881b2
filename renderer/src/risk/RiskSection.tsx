import { riskFigure } from '../../../core/contract/index.ts';
import { EventStream } from './EventStream.tsx';
import { needsAttention } from './needsAttention.ts';
import { NodeLink } from './NodeLink.tsx';
import { NodeRiskPage } from './NodeRiskPage.tsx';
import { useRisk } from './RiskBadge.tsx';
import { useNodeFromHash } from './useNodeFromHash.ts';
import './risk.css';

/** Risk: the nodes at risk now, the live event stream, and a node's page. */
export function RiskSection() {
  const node = useRisk((s) => s.selected);
  const risks = useRisk((s) => s.risks);
  useNodeFromHash(useRisk((s) => s.select));
  const atRisk = needsAttention(Object.values(risks));
  return (
    <div className="section section-fill">
      <header className="section-header">
        <h1>Risk</h1>
        <span className="section-meta">
          Which nodes are heading for trouble, why, and what happened; pick a node for its page.
        </span>
      </header>
      <div className="risk-layout">
        <section className="panel">
          <h2>Needs attention</h2>
          {atRisk.length === 0 ? (
            <p className="muted">Every node looks healthy.</p>
          ) : (
            <ul data-testid="risk-list">
              {atRisk.map((r) => (
                <li key={r.node}>
                  <NodeLink node={r.node} /> <span className={`badge risk-${r.level}`}>{r.level}</span>{' '}
                  {riskFigure(r)} — {r.reasons.join('; ')}
                </li>
              ))}
            </ul>
          )}
          <h2>Live events</h2>
          <EventStream />
        </section>
        {node ? (
          <NodeRiskPage node={node} />
        ) : (
          <p className="muted">Pick a node (here or in the Nodes table) to see its risk over time.</p>
        )}
      </div>
    </div>
  );
}
