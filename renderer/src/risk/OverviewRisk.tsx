import { riskFigure } from '../../../core/contract/index.ts';
import { EventStream } from './EventStream.tsx';
import { NodeLink } from './NodeLink.tsx';
import { needsAttention, riskHeadline } from './needsAttention.ts';
import { useRisk } from './RiskBadge.tsx';
import './risk.css';

/** How many worst nodes the Overview names; the Risk page lists them all. */
const NAMED_NODES = 3;
/** How many of the newest risk events the Overview shows. */
const RECENT_EVENTS = 5;

/**
 * The Overview's risk card: how many nodes need attention and the worst few, each linking to
 * its node page; before the first prediction it says so rather than "healthy".
 */
export function OverviewRiskCard() {
  const at = useRisk((s) => s.at);
  const risks = useRisk((s) => s.risks);
  const attention = needsAttention(Object.values(risks));
  const headline = riskHeadline(at, Object.keys(risks).length, attention);
  return (
    <div className="card" data-testid="overview-risk">
      <h2>Node risk</h2>
      <div className={`card-state ${headline.tone}`}>{headline.state}</div>
      <div className="card-detail">{headline.detail}</div>
      {attention.length > 0 ? (
        <ul className="card-list" data-testid="overview-risk-nodes">
          {attention.slice(0, NAMED_NODES).map((risk) => (
            <li key={risk.node} title={risk.reasons.join('\n')}>
              <NodeLink node={risk.node} /> <span className={`badge risk-${risk.level}`}>{risk.level}</span>{' '}
              {riskFigure(risk)}
              {risk.reasons[0] ? <span className="muted"> — {risk.reasons[0]}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The newest events of the cluster-wide risk stream, with a way to the whole stream. */
export function OverviewRecentEvents() {
  return (
    <section className="panel" data-testid="overview-events">
      <h2>
        Recent events <a href="#/risk">all events</a>
      </h2>
      <EventStream limit={RECENT_EVENTS} />
    </section>
  );
}
