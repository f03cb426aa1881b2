import type { AdvisoryPlugin } from '../evaluate.ts';
import { MAX_NODE_SCORE } from '../framework.ts';
import { perNodeAdvisor } from './per-node.ts';
import { spanText, type PlacementSignals } from './signals.ts';

export const NETWORK_HEALTH = 'NetworkHealth';
/** Its weight at FORESIGHT_WEIGHT_SCALE 1 (advisors/index.ts scales it). */
export const NETWORK_HEALTH_WEIGHT = 3;

/** Errors per minute at which a node scores half: a few a minute are noise, dozens a dying NIC. */
const HALF_SCORE_RATE = 10;

/** How far back a NIC error counts as fresh: a failing NIC errs in bursts with quiet minutes between. */
export const NIC_ERROR_WINDOW_MS = 10 * 60_000;

/** 100 for a NIC that counts no errors, falling towards 0 as errors per minute climb. */
export function nicScore(errorsPerMinute: number): number {
  const rate = Math.max(0, errorsPerMinute);
  return Math.round((MAX_NODE_SCORE * HALF_SCORE_RATE) / (HALF_SCORE_RATE + rate));
}

/**
 * NetworkHealth: avoids nodes whose network interfaces are counting errors now (the kubelet
 * Summary API's rx/tx error counters, the peak rate over the last few minutes). A NIC that
 * starts dropping and corrupting frames is often the only sign a machine gives before it
 * fails, and the errors reach no other metric or event Foresight reads. Weighted as Stability
 * and RiskAware are (×3).
 */
export function networkHealth(signals: PlacementSignals, weight = NETWORK_HEALTH_WEIGHT): AdvisoryPlugin {
  const window = spanText(signals.nicErrorWindowMs ?? 0);
  return perNodeAdvisor({
    name: NETWORK_HEALTH,
    weight,
    values: signals.nicErrors,
    missing: () =>
      'no NIC error counters yet (the kubelet Summary API reports them; a rate needs two readings)',
    score: nicScore,
    explain: (rate) => {
      if (rate <= 0) return `its NIC counted no errors in the last ${window}`;
      const shown = rate < 10 ? rate.toFixed(1) : String(Math.round(rate));
      return `its NIC is counting errors: up to ${shown} a minute in the last ${window} (often the only sign before a machine fails)`;
    },
    unknown: 'no recent NIC error counters for this node',
  });
}
