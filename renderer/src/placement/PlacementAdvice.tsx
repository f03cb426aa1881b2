import type { PlacementAnswerInfo } from '../../../core/contract/index.ts';
import { NodeActionButtons } from '../actions/NodeActionButtons.tsx';
import { patchCommand, preferredAffinityPatch } from './affinityPatch.ts';

function CopyButton({ text, label }: { text: string; label: string }) {
  return (
    <button
      type="button"
      className="action-button"
      data-testid="placement-copy-patch"
      onClick={() => void navigator.clipboard?.writeText(text).catch(() => undefined)}
    >
      {label}
    </button>
  );
}

/** Side by side: kube-scheduler's likely pick and Foresight's advice, with reasons and confidence. */
export function PlacementAdvice({
  answer,
  workload,
}: {
  answer: PlacementAnswerInfo;
  workload?: { kind: string; namespace: string; name: string };
}) {
  const { kubeSchedulerChoice: kube, advice } = answer;
  if (!kube || !advice) return null;
  const differs = kube.node !== advice.node;
  const patch = preferredAffinityPatch(advice.node);
  return (
    <div className="panels placement-choices">
      <section className="panel" data-testid="placement-kube-choice">
        <h3 className="placement-title">kube-scheduler would most likely pick</h3>
        <p className="card-state">{kube.node}</p>
        <p className="card-detail">
          weighted total {kube.total}
          {kube.tiedWith.length > 0
            ? `; tied with ${kube.tiedWith.slice(0, 5).join(', ')} (it breaks ties at random)`
            : ''}
        </p>
        {differs ? (
          <div className="placement-act">
            <span className="muted">Act on {kube.node}:</span>{' '}
            <NodeActionButtons node={kube.node} unschedulable={false} />
          </div>
        ) : null}
      </section>
      <section className="panel" data-testid="placement-advice">
        <h3 className="placement-title">Foresight advises</h3>
        <p className="card-state">
          {advice.node}{' '}
          <span
            className="badge"
            title="How much of Foresight's evidence took part, times how clearly this node leads"
          >
            confidence {Math.round(advice.confidence * 100)}%
          </span>
        </p>
        <ul className="placement-reasons" data-testid="placement-advice-reasons">
          {advice.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
        <details>
          <summary>Preferred node-affinity patch for the workload</summary>
          <pre className="placement-patch">
            {workload ? patchCommand(workload.kind, workload.namespace, workload.name, advice.node) : patch}
          </pre>
          <CopyButton
            text={
              workload ? patchCommand(workload.kind, workload.namespace, workload.name, advice.node) : patch
            }
            label="Copy"
          />
        </details>
      </section>
    </div>
  );
}
