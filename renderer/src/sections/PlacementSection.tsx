import { useEffect, useState } from 'react';
import type { PlacementAnswerInfo } from '../../../core/contract/index.ts';
import { ActionDialog } from '../actions/ActionDialog.tsx';
import { useNodes } from '../app/storesContext.ts';
import { NodeAdvicePanel } from '../placement/NodeAdvicePanel.tsx';
import { PlacementAdvice } from '../placement/PlacementAdvice.tsx';
import { RankedNodes } from '../placement/RankedNodes.tsx';
import { usePlacement } from '../placement/usePlacement.ts';
import type { PlacementInput } from '../stores/placementStore.ts';
import '../placement/placement.css';

const INPUTS: { id: PlacementInput; label: string }[] = [
  { id: 'spec', label: 'Paste a spec' },
  { id: 'pending', label: 'A pending pod' },
  { id: 'workload', label: 'A workload' },
];

function SourcePicker() {
  const input = usePlacement((s) => s.input);
  const specText = usePlacement((s) => s.specText);
  const chosen = usePlacement((s) => s.chosen);
  const candidates = usePlacement((s) => s.candidates);
  const candidatesError = usePlacement((s) => s.candidatesError);
  const setInput = usePlacement((s) => s.setInput);
  const setSpecText = usePlacement((s) => s.setSpecText);
  const choose = usePlacement((s) => s.choose);
  const loadCandidates = usePlacement((s) => s.loadCandidates);
  const rank = usePlacement((s) => s.rank);
  const phase = usePlacement((s) => s.phase);
  useEffect(() => {
    if (input !== 'spec') void loadCandidates();
  }, [input, loadCandidates]);
  const options =
    input === 'pending'
      ? (candidates?.pending ?? []).map((p) => ({
          key: `${p.namespace}/${p.name}`,
          label: `${p.namespace}/${p.name}`,
        }))
      : (candidates?.workloads ?? []).map((w) => ({
          key: `${w.kind}/${w.namespace}/${w.name}`,
          label: `${w.kind} ${w.namespace}/${w.name}`,
        }));
  return (
    <section className="panel placement-source">
      <div className="placement-inputs" role="tablist">
        {INPUTS.map((i) => (
          <button
            key={i.id}
            type="button"
            role="tab"
            aria-selected={input === i.id}
            className={
              input === i.id ? 'action-button placement-tab selected' : 'action-button placement-tab'
            }
            onClick={() => setInput(i.id)}
          >
            {i.label}
          </button>
        ))}
      </div>
      {input === 'spec' ? (
        <textarea
          className="placement-spec"
          data-testid="placement-spec"
          aria-label="Pod spec (YAML or JSON)"
          placeholder={
            'A Pod, a Deployment or a pod spec, YAML or JSON, e.g.\ncontainers:\n  - name: app\n    resources: {requests: {cpu: 500m, memory: 1Gi}}'
          }
          value={specText}
          spellCheck={false}
          onChange={(e) => setSpecText(e.target.value)}
        />
      ) : (
        <select
          className="filter"
          aria-label="What to place"
          value={chosen}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">
            {options.length === 0 ? `No ${input === 'pending' ? 'pending pods' : 'workloads'}` : 'Choose…'}
          </option>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {candidatesError && input !== 'spec' ? <p className="notice">{candidatesError}</p> : null}
      <div>
        <button
          type="button"
          className="action-button"
          data-testid="placement-rank"
          disabled={phase === 'ranking'}
          onClick={() => void rank()}
        >
          {phase === 'ranking' ? 'Ranking…' : 'Rank nodes'}
        </button>
      </div>
    </section>
  );
}

/** How old the page's node advice may be when a new snapshot arrives. */
const NODE_ADVICE_MAX_AGE_MS = 10_000;

/** Foresight's node advice for the cluster, shown whether or not a pod is being placed. */
function ClusterNodeAdvice() {
  const advice = usePlacement((s) => s.nodeAdvice);
  const refresh = usePlacement((s) => s.refreshNodeAdvice);
  const snapshotAt = useNodes((s) => s.snapshot?.at);
  useEffect(() => {
    // On opening, then with the snapshots: after a cordon from here the advice goes within one.
    void refresh(NODE_ADVICE_MAX_AGE_MS);
  }, [refresh, snapshotAt]);
  return <NodeAdvicePanel advice={advice ?? []} />;
}

/** Online learning's record, in one line: advice given, followed, and how pods fared. */
function OutcomesLine() {
  const outcomes = usePlacement((s) => s.outcomes);
  const loadOutcomes = usePlacement((s) => s.loadOutcomes);
  useEffect(() => {
    void loadOutcomes();
  }, [loadOutcomes]);
  if (!outcomes || outcomes.advised === 0) return null;
  const rate = (bad: number, all: number) =>
    all === 0 ? 'none resolved yet' : `${bad} of ${all} disrupted within a day`;
  return (
    <p className="section-meta" data-testid="placement-outcomes">
      Advice given {outcomes.advised === 1 ? 'once' : `${outcomes.advised} times`}; {outcomes.placed} pending{' '}
      {outcomes.placed === 1 ? 'pod' : 'pods'} placed since, {outcomes.followed} where Foresight advised.
      Followed: {rate(outcomes.disruptedFollowed, outcomes.resolvedFollowed)}. Not followed:{' '}
      {rate(outcomes.disruptedIgnored, outcomes.resolvedIgnored)}.
    </p>
  );
}

/**
 * Foresight's plugins that took no part, and why. The advice's reasons say it too, so this line
 * is only for a pod that fits nowhere, which gets no advice.
 */
function IdlePlugins({ answer }: { answer: PlacementAnswerInfo }) {
  return (
    <p className="section-meta">
      {answer.plugins
        .filter((p) => p.source === 'foresight' && !p.active)
        .map((p) => `${p.name} takes no part: ${p.note ?? 'no data'}.`)
        .join(' ')}
    </p>
  );
}

/** Where should this pod go: every node ranked by kube-scheduler's rules and Foresight's evidence. */
export function PlacementSection() {
  const answer = usePlacement((s) => s.answer);
  const error = usePlacement((s) => s.error);
  const phase = usePlacement((s) => s.phase);
  const input = usePlacement((s) => s.input);
  const chosen = usePlacement((s) => s.chosen);
  const [showAll, setShowAll] = useState(false);
  const [kind, namespace, name] = chosen.split('/');
  const workload = input === 'workload' && kind && namespace && name ? { kind, namespace, name } : undefined;
  return (
    <div className="section section-fill placement">
      <div className="section-header">
        <h1>Placement</h1>
        <span className="section-meta">
          Legal by kube-scheduler&apos;s rules; ranked by its scores and Foresight&apos;s evidence.
        </span>
      </div>
      <ClusterNodeAdvice />
      <SourcePicker />
      <OutcomesLine />
      {phase === 'failed' && error ? (
        <p className="notice" role="alert" data-testid="placement-error">
          {error}
        </p>
      ) : null}
      {answer && phase !== 'failed' ? (
        <>
          <p className="section-meta" data-testid="placement-pod">
            {answer.pod}: {answer.nodes.filter((n) => n.feasible).length} of {answer.nodes.length} nodes can
            take it.
          </p>
          {answer.unschedulable ? (
            <section className="panel placement-unschedulable" data-testid="placement-unschedulable">
              <h3 className="placement-title">It fits nowhere</h3>
              <p>{answer.unschedulable.message}</p>
              <h4 className="placement-title">What would have to change</h4>
              <ul className="placement-reasons">
                {answer.unschedulable.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </section>
          ) : (
            <PlacementAdvice answer={answer} {...(workload ? { workload } : {})} />
          )}
          {answer.unschedulable ? <IdlePlugins answer={answer} /> : null}
          <RankedNodes answer={answer} showAll={showAll} onShowAll={() => setShowAll(true)} />
        </>
      ) : null}
      <ActionDialog />
    </div>
  );
}
