import type { AdvisoryPlugin } from '../../core/scheduling/evaluate.ts';
import { MAX_NODE_SCORE } from '../../core/scheduling/framework.ts';
import type { PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import { STABILITY, troubleOf } from '../../core/scheduling/advisors/stability.ts';

/*
 * The concern lines: the ends of the flat parts of the "do no harm" shapes
 * (test/bench/placement-replay.md), past which a plugin's reading calls a node clearly bad. The
 * shape below and the advice gates (placement-replay-gates.ts) read them from here.
 */
/** LoadAware: actual CPU or memory use after placing the pod above this share of allocatable. */
export const LOAD_CONCERN_SHARE = 0.85;
/** Stability: trouble above one node failure's worth (its NODE_FAILURE_WEIGHT). */
export const TROUBLE_CONCERN = 10;
/** NetworkHealth: NIC errors above this many a minute. */
export const NIC_ERRORS_CONCERN_PER_MINUTE = 5;
/** RiskAware: a risk probability above this. */
export const RISK_CONCERN_PROBABILITY = 0.5;

/** Trouble up to one node failure's worth (Stability's concern line) is not clearly bad. */
const FLAT_UP_TO = TROUBLE_CONCERN;
/** Three node failures' worth: clearly bad, scored 0. */
const ZERO_AT = 30;

/**
 * The "do no harm" shape for Stability (candidate (ii) of the spreader rule): 100 on a
 * node with at most one failure's worth of trouble, falling linearly to 0 at three, on the
 * absolute trouble rather than relative to the worst node, so quiet and slightly troubled nodes
 * are not told apart and the pods are not spread away from every node with a restart.
 */
export function doNoHarmTroubleScore(trouble: number): number {
  if (trouble <= FLAT_UP_TO) return MAX_NODE_SCORE;
  if (trouble >= ZERO_AT) return 0;
  return Math.round((MAX_NODE_SCORE * (ZERO_AT - trouble)) / (ZERO_AT - FLAT_UP_TO));
}

/** The plugins that may take the shape: only the spreader its rule found (test/bench/placement-replay.md). */
export const SHAPED_PLUGINS: readonly string[] = [STABILITY];

/** The plugin scored in its "do no harm" shape (Stability only), its weight and name kept. */
export function doNoHarm(plugin: AdvisoryPlugin, signals: PlacementSignals): AdvisoryPlugin {
  if (plugin.name !== STABILITY) throw new Error(`no "do no harm" shape for ${plugin.name}`);
  const { normalize: _relative, ...rest } = plugin;
  return {
    ...rest,
    score: (_pod, node) => doNoHarmTroubleScore(troubleOf(signals.disruptions?.get(node.name))),
  };
}
