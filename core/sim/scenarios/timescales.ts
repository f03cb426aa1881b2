import type { Rng } from '../random.ts';
import type { ScenarioFamily } from './scenario.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long real incidents take to show, per family: [shortest, longest] time from the cause to
 * the visible effect (ScenarioSpec.timescaleMs). Real leaks and disk fills develop over tens of
 * minutes to hours; the families' severity-tied defaults (4-20 min to a memory limit, 5-30 min to
 * a full disk) are the fast end of that. A family without a range keeps its own timing: a NIC or
 * a machine fails on its own schedule.
 *  - memoryLeak: a container reaching its limit (or the node's memory) 5 min .. 3 h after a start.
 *  - diskFill: a filesystem reaching the eviction threshold 10 min .. 6 h after the writer began.
 *  - noisyNeighbour: a runaway process or a batch job widening to saturation over 3 .. 60 min.
 *  - kubeletCrashLoop: short restarts inside the grace period for 5 .. 60 min (a strong
 *    precursor; a weak one has 30% of that) before the outages turn the node NotReady.
 *  - trafficSurge: traffic ramping to its peak over 3 .. 60 min.
 */
export const REALISTIC_TIMESCALES: Readonly<Partial<Record<ScenarioFamily, readonly [number, number]>>> = {
  memoryLeak: [5 * MINUTE, 3 * HOUR],
  diskFill: [10 * MINUTE, 6 * HOUR],
  noisyNeighbour: [3 * MINUTE, HOUR],
  kubeletCrashLoop: [5 * MINUTE, HOUR],
  trafficSurge: [3 * MINUTE, HOUR],
};

/** A draw log-uniform in [low, high], rounded to the second: as many 5-10 min as 1-2 h incidents. */
export function logUniformMs(rng: Rng, [low, high]: readonly [number, number]): number {
  return Math.round(Math.exp(rng.float(Math.log(low), Math.log(high))) / 1000) * 1000;
}
