import type { NodeAdviceInfo } from '../../../core/contract/index.ts';
import { NodeActionButtons } from '../actions/NodeActionButtons.tsx';

/** The advice's action as the button and the Overview say it. */
export const ADVICE_VERB: Record<NodeAdviceInfo['action'], string> = {
  cordon: 'Cordon',
  uncordon: 'Uncordon',
};

/**
 * Foresight's node advice, above the pod's: cordon a machine that keeps failing (placement alone
 * cannot keep kube-scheduler from refilling it after each repair), uncordon it once that lapses.
 * Each with its reasons and the one-click action, previewed and confirmed as everywhere else.
 */
export function NodeAdvicePanel({ advice }: { advice: readonly NodeAdviceInfo[] }) {
  if (advice.length === 0) return null;
  return (
    <section className="panel placement-node-advice" data-testid="placement-node-advice">
      <h3 className="placement-title">Node advice</h3>
      {advice.map((a) => (
        <div key={`${a.action}/${a.node}`} className="placement-node-advice-item" data-node={a.node}>
          <p className="card-state">
            {ADVICE_VERB[a.action]} {a.node}
          </p>
          <p className="card-detail" title={a.since}>
            advised since {new Date(a.since).toLocaleString()}
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
