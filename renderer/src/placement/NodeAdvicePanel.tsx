import type { NodeAdviceInfo } from '../../../core/contract/index.ts';
import { NodeActionButtons } from '../actions/NodeActionButtons.tsx';

const VERB: Record<NodeAdviceInfo['action'], string> = { cordon: 'Cordon', uncordon: 'Uncordon' };

/**
 * Foresight's node advice beside the pod's: cordon a machine that keeps failing (placement alone
 * cannot keep kube-scheduler from refilling it after each repair), uncordon it once that lapses.
 * Each with its reasons and the one-click action, previewed and confirmed as everywhere else.
 */
export function NodeAdvicePanel({ advice }: { advice: readonly NodeAdviceInfo[] }) {
  if (advice.length === 0) return null;
  return (
    <section className="panel placement-node-advice" data-testid="placement-node-advice">
      <h3 className="placement-title">Foresight also advises, for the nodes themselves</h3>
      {advice.map((a) => (
        <div key={`${a.action}/${a.node}`} className="placement-node-advice-item" data-node={a.node}>
          <p className="card-state">
            {VERB[a.action]} {a.node}{' '}
            <span className="muted" title={a.since}>
              since {new Date(a.since).toLocaleString()}
            </span>
          </p>
          <ul className="placement-reasons">
            {a.reasons.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
          <NodeActionButtons node={a.node} unschedulable={a.action === 'uncordon'} />
        </div>
      ))}
    </section>
  );
}
