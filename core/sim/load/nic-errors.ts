import type { NicErrors } from './effects.ts';

/** Errors a NIC counts in one step of time starting at `stepStartMs` (rx and tx). */
export type ErrorsPerStep = (stepStartMs: number) => { rx: number; tx: number };

/**
 * A NIC's cumulative error counters from a per-step count: the sum over whole steps from
 * `startMs` up to `tMs`, stopping at `untilMs` (after which the counters hold still, as a NIC that
 * no longer errs). Counters are what /proc/net/dev shows, so they must never go down however
 * often or in whatever order they are read: the running sum is kept, and a read earlier than the
 * last one recounts from the start.
 */
export function cumulativeNicErrors(
  startMs: number,
  stepMs: number,
  perStep: ErrorsPerStep,
  untilMs = Infinity,
): NicErrors {
  let steps = 0;
  let rx = 0;
  let tx = 0;
  return (tMs) => {
    const due = Math.max(0, Math.floor((Math.min(tMs, untilMs) - startMs) / stepMs));
    if (due < steps) {
      steps = 0;
      rx = 0;
      tx = 0;
    }
    for (; steps < due; steps++) {
      const n = perStep(startMs + steps * stepMs);
      rx += n.rx;
      tx += n.tx;
    }
    return { rx, tx };
  };
}

const HEALTHY: { rx: number; tx: number } = Object.freeze({ rx: 0, tx: 0 });

/** The counters of a node's NIC: the sum of what every running incident has made it count. */
export function nicErrorTotals(
  effects: readonly NicErrors[] | undefined,
  tMs: number,
): { rx: number; tx: number } {
  if (!effects) return HEALTHY;
  let rx = 0;
  let tx = 0;
  for (const effect of effects) {
    const n = effect(tMs);
    rx += n.rx;
    tx += n.tx;
  }
  return { rx, tx };
}
