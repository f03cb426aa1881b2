import type { RiskEvent } from '../../../core/contract/index.ts';
import { NodeLink } from './NodeLink.tsx';
import { useRisk } from './RiskBadge.tsx';

const TITLES: Record<RiskEvent['type'], string> = {
  'risk-detected': 'Risk detected',
  'risk-cleared': 'Risk cleared',
  'incident-observed': 'Incident observed',
  'node-recovering': 'Node recovering',
  'action-taken': 'Action taken',
};

const time = (at: number) => new Date(at).toLocaleTimeString();

/** The live stream across the cluster, newest first (the latest `limit`), each with its reasoning. */
export function EventStream({ limit }: { limit?: number }) {
  const events = useRisk((s) => s.events);
  if (events.length === 0) return <p className="muted">Nothing yet: events appear as nodes change.</p>;
  const newest = [...events].reverse().slice(0, limit ?? events.length);
  return (
    <ul className="risk-stream" data-testid="risk-stream">
      {newest.map((e, i) => (
        <li
          key={`${e.at}-${e.node}-${e.type}-${i}`}
          data-testid="risk-event"
          data-type={e.type}
          data-node={e.node}
        >
          <strong>{TITLES[e.type]}</strong> <NodeLink node={e.node} />{' '}
          <span className="muted">{time(e.at)}</span>
          <div>{e.message}</div>
          {e.reasons.length > 0 ? <div className="muted">{e.reasons.join('; ')}</div> : null}
        </li>
      ))}
    </ul>
  );
}
