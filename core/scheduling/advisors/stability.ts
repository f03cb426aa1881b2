import type { AdvisoryPlugin } from '../evaluate.ts';
import { defaultNormalizeScore, MAX_NODE_SCORE } from '../framework.ts';
import { spanText, type NodeDisruptions, type PlacementSignals } from './signals.ts';

export const STABILITY = 'Stability';
/** Its weight at FORESIGHT_WEIGHT_SCALE 1 (advisors/index.ts scales it). */
export const STABILITY_WEIGHT = 3;

/** OOMKills and evictions are disruptions the node caused; restarts may be the app's own doing. */
const OOM_WEIGHT = 3;
const EVICTION_WEIGHT = 3;
/**
 * A node failure disrupts every pod on the node, and machines that failed once fail again more
 * often than others (bad hardware is a repeat offender). It weighs as much as a few evictions
 * whatever the node held then, so a failure while the node was nearly empty still counts.
 */
const NODE_FAILURE_WEIGHT = 10;

/** How much trouble the node has had: the raw score, before normalizing (more is worse). */
export function troubleOf(d: NodeDisruptions | undefined): number {
  if (!d) return 0;
  return (
    d.restarts +
    OOM_WEIGHT * d.oomKills +
    EVICTION_WEIGHT * d.evictions +
    NODE_FAILURE_WEIGHT * (d.nodeFailures ?? 0)
  );
}

function failuresText(n: number | undefined): string {
  return n ? `it failed (NotReady) ${n} time(s); ` : '';
}

/**
 * Stability: the node's recent history of its own failures and its pods' restarts, OOMKills and
 * evictions (up to 7 days); the node with the most trouble scores 0, a quiet node 100. Weighted
 * as LoadAware and RiskAware are (×3): a node that failed is the strongest evidence Foresight has
 * that pods placed there will be disrupted.
 */
export function stability(signals: PlacementSignals, weight = STABILITY_WEIGHT): AdvisoryPlugin {
  const events = signals.disruptions;
  const window = spanText(signals.disruptionWindowMs ?? 7 * 24 * 3_600_000);
  return {
    name: STABILITY,
    weight,
    missingData: () =>
      events
        ? undefined
        : 'no lifecycle history yet (restarts, OOMKills and evictions are recorded as they happen)',
    score: (_pod, node) => troubleOf(events?.get(node.name)),
    normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
    explain(_pod, node) {
      const d = events?.get(node.name);
      if (!d || troubleOf(d) === 0)
        return `no node failure, restart, OOMKill or eviction in ${window} of history`;
      return `in ${window}: ${failuresText(d.nodeFailures)}${d.oomKills} OOMKill(s), ${d.evictions} eviction(s), ${d.restarts} restart(s)`;
    },
  };
}
