import type { RiskDataset } from './dataset.ts';
import type { IncidentEpisode } from './incident-labels.ts';

const MINUTE = 60_000;

/**
 * A one-minute-stride dataset of one node, for alarm tests: a point each minute from 0 to
 * `minutes`, labelled with the incident that starts within `horizonMinutes` after it. Points while
 * an incident is on (its start minute) are skipped, as buildDataset skips them.
 */
export function minuteDataset(options: {
  minutes: number;
  incidentsAt: readonly number[];
  horizonMinutes: number;
  node?: string;
}): RiskDataset {
  const node = options.node ?? 'node-a';
  const episodes: IncidentEpisode[] = options.incidentsAt.map((minute) => ({
    node,
    startMs: minute * MINUTE,
    lastMs: minute * MINUTE,
    kind: 'resource-exhaustion',
    what: `incident at minute ${minute}`,
  }));
  const times: number[] = [];
  const episodeOf: number[] = [];
  for (let minute = 0; minute <= options.minutes; minute++) {
    if (options.incidentsAt.includes(minute)) continue;
    times.push(minute * MINUTE);
    episodeOf.push(
      options.incidentsAt.findIndex((start) => start > minute && start - minute <= options.horizonMinutes),
    );
  }
  return {
    features: new Float32Array(0),
    labels: Uint8Array.from(episodeOf, (e) => (e >= 0 ? 1 : 0)),
    kinds: episodeOf.map((e) => (e >= 0 ? 'resource-exhaustion' : 'none')),
    nodes: [node],
    nodeOf: new Uint32Array(times.length),
    times: Float64Array.from(times),
    episodeOf: Int32Array.from(episodeOf),
    episodes,
    strideMs: MINUTE,
    horizonMs: options.horizonMinutes * MINUTE,
    get length() {
      return times.length;
    },
  };
}

/** Scores of `length` points: 1 at the given minutes (point index = minute before any skip), else 0. */
export function alarmsAt(dataset: RiskDataset, minutes: readonly number[]): Float32Array {
  return Float32Array.from(dataset.times, (t) => (minutes.includes(t / MINUTE) ? 1 : 0));
}
