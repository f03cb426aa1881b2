import { useEffect } from 'react';
import { NodeLink } from '../risk/NodeLink.tsx';
import { ADVICE_VERB } from './NodeAdvicePanel.tsx';
import { usePlacement } from './usePlacement.ts';

/** Node advice follows failures, which take minutes: a read a minute is enough, on any cluster size. */
const REFRESH_MS = 60_000;

/**
 * The Overview's node-advice card: which nodes Foresight advises cordoning (a machine that keeps
 * failing) or uncordoning, re-read with the snapshots (at most once a minute), each leading to the Placement page where
 * the reasons and the one-click action are.
 */
export function OverviewNodeAdviceCard({ snapshotAt }: { snapshotAt: number }) {
  const advice = usePlacement((s) => s.nodeAdvice);
  const error = usePlacement((s) => s.nodeAdviceError);
  const refresh = usePlacement((s) => s.refreshNodeAdvice);
  useEffect(() => {
    void refresh(REFRESH_MS);
  }, [refresh, snapshotAt]);
  const state =
    advice === null
      ? '—'
      : advice.length === 0
        ? 'None'
        : `${advice.length} ${advice.length === 1 ? 'node' : 'nodes'}`;
  return (
    <div className="card" data-testid="overview-node-advice">
      <h2>Node advice</h2>
      <div className={`card-state ${advice?.length ? 'text-warn' : 'text-ok'}`}>{state}</div>
      <div className="card-detail">
        {advice === null
          ? (error ?? 'not read yet')
          : advice.length === 0
            ? 'no node has failed repeatedly'
            : 'from the nodes’ own failures; why, and one click to act, on Placement'}
      </div>
      {advice?.length ? (
        <ul className="card-list">
          {advice.map((a) => (
            <li key={`${a.action}/${a.node}`} data-node={a.node} title={a.reasons.join('\n')}>
              {ADVICE_VERB[a.action]} <NodeLink node={a.node} /> — <a href="#/placement">why, and act</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
