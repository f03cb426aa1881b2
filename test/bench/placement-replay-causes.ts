import type { IncidentRecord } from '../../core/sim/scenarios/scenario.ts';

/** One disruption of a stream pod, as the replay counts it. */
export interface Disruption {
  kind: 'PodOOMKilled' | 'PodEvicted' | 'PodRestarted';
  node: string;
  pod: string;
  at: number;
}

/**
 * What caused a disruption, read from the simulator's ground truth after the run (the advice
 * never sees it): which of the replay's incidents it belongs to, and whether anything observable
 * could have warned about that incident before it hit.
 */
export const CAUSES = [
  'leaking pod itself',
  'leak on its node',
  'first failure, no warning',
  'first failure, NIC errors',
  'repeat failure of a node',
  'noisy neighbour',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];

/** An incident's effects on pods outlast its cause by a few minutes (eviction timeouts, restarts). */
const AFTERMATH_MS = 20 * 60_000;

const on = (i: IncidentRecord, d: Disruption): boolean =>
  i.node === d.node && i.onsetMs <= d.at && d.at <= (i.endMs ?? Infinity) + AFTERMATH_MS;

/** A node that failed before is what Stability sees; a first failure shows at most NIC errors. */
function failureCause(failure: IncidentRecord, incidents: readonly IncidentRecord[]): Cause {
  const earlier = incidents.some(
    (i) => i.family === 'hardwareFailure' && i.node === failure.node && i.onsetMs < failure.onsetMs,
  );
  if (earlier) return 'repeat failure of a node';
  return failure.precursor === 'none' ? 'first failure, no warning' : 'first failure, NIC errors';
}

/** Incidents running on the node when it happened (newest first): a failure takes every pod. */
function activeOn(d: Disruption, incidents: readonly IncidentRecord[]): IncidentRecord[] {
  return incidents.filter((i) => on(i, d)).sort((a, b) => b.onsetMs - a.onsetMs);
}

export function causeOf(d: Disruption, incidents: readonly IncidentRecord[]): Cause {
  const leaker = incidents.find(
    (i) => i.family === 'memoryLeak' && i.target.name === d.pod && i.onsetMs <= d.at,
  );
  if (leaker) return 'leaking pod itself';
  const active = activeOn(d, incidents);
  const failure = active.find((i) => i.family === 'hardwareFailure');
  if (failure) return failureCause(failure, incidents);
  if (active.some((i) => i.family === 'memoryLeak')) return 'leak on its node';
  if (active.some((i) => i.family === 'noisyNeighbour')) return 'noisy neighbour';
  return 'other';
}

/** Disruptions counted by cause, every cause present (0 when none). */
export function tallyCauses(
  disruptions: readonly Disruption[],
  incidents: readonly IncidentRecord[],
): Record<Cause, number> {
  const tally = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
  for (const d of disruptions) tally[causeOf(d, incidents)]++;
  return tally;
}

/**
 * Of the disruptions a first failure with NIC errors caused, how many took a pod bound after the
 * errors began: the most placement could have saved by reading them (the others were already
 * there). `boundAt` is when each pod was bound.
 */
export function boundDuringNicErrors(
  disruptions: readonly Disruption[],
  incidents: readonly IncidentRecord[],
  boundAt: ReadonlyMap<string, number>,
): number {
  let count = 0;
  for (const d of disruptions) {
    if (causeOf(d, incidents) !== 'first failure, NIC errors') continue;
    const failure = activeOn(d, incidents).find((i) => i.family === 'hardwareFailure');
    const bound = boundAt.get(d.pod);
    if (failure && bound !== undefined && bound >= failure.onsetMs) count++;
  }
  return count;
}
