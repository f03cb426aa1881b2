import type { AdvisoryPlugin } from '../evaluate.ts';
import { defaultNormalizeScore, MAX_NODE_SCORE } from '../framework.ts';
import { spanText, type PlacementSignals } from './signals.ts';

export const STABILITY = 'Stability';

/** OOMKills and evictions are disruptions the node caused; restarts may be the app's own doing. */
const OOM_WEIGHT = 3;
const EVICTION_WEIGHT = 3;

/**
 * Stability: the node's recent history of restarts, OOMKills and evictions (up to 7 days);
 * the node with the most trouble scores 0, a quiet node 100.
 */
export function stability(signals: PlacementSignals, weight = 2): AdvisoryPlugin {
  const events = signals.disruptions;
  const window = spanText(signals.disruptionWindowMs ?? 7 * 24 * 3_600_000);
  return {
    name: STABILITY,
    weight,
    missingData: () =>
      events
        ? undefined
        : 'no lifecycle history yet (restarts, OOMKills and evictions are recorded as they happen)',
    score(_pod, node) {
      const d = events?.get(node.name);
      return d ? d.restarts + OOM_WEIGHT * d.oomKills + EVICTION_WEIGHT * d.evictions : 0;
    },
    normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
    explain(_pod, node) {
      const d = events?.get(node.name);
      if (!d || d.restarts + d.oomKills + d.evictions === 0)
        return `no restart, OOMKill or eviction in ${window} of history`;
      return `in ${window}: ${d.oomKills} OOMKill(s), ${d.evictions} eviction(s), ${d.restarts} restart(s)`;
    },
  };
}
