import type { AdvisoryPlugin } from '../evaluate.ts';
import { loadAware } from './load-aware.ts';
import { networkHealth } from './network-health.ts';
import { outcomeAware } from './outcome-aware.ts';
import { riskAware } from './risk-aware.ts';
import type { PlacementSignals } from './signals.ts';
import { stability } from './stability.ts';

export type { PlacementSignals } from './signals.ts';

/** Foresight's own plugins with their weights, in the order they are shown. */
export function foresightAdvisors(signals: PlacementSignals): AdvisoryPlugin[] {
  return [
    loadAware(signals),
    stability(signals),
    networkHealth(signals),
    riskAware(signals),
    outcomeAware(signals),
  ];
}
