import type { LifecycleEvent } from '../kube/lifecycle.ts';
import type { RiskKind } from '../contract/risk.ts';

/**
 * Labels from history itself: which lifecycle events mean a node is in trouble, grouped into
 * incident episodes. Nobody labels anything by hand; the same rules run on a real cluster's
 * history and on the simulator's, so the model learns what Foresight can observe.
 */

/** Signals closer than this belong to one episode (an OOM kill every 12 minutes is one incident). */
export const EPISODE_GAP_MS = 30 * 60_000;
/** Repeated signals needed for the kinds that are noisy one by one. */
const PROBE_FAILURES = 3;
const PROBE_WINDOW_MS = 5 * 60_000;
const RESTARTS = 3;
const RESTART_WINDOW_MS = 30 * 60_000;
/** The longest window a burst of events is counted over: signals need no older events than this. */
export const BURST_WINDOW_MS = Math.max(PROBE_WINDOW_MS, RESTART_WINDOW_MS);

export interface IncidentSignal {
  at: number;
  kind: RiskKind;
  what: string;
}

export interface IncidentEpisode {
  node: string;
  /** The first signal: the moment a prediction had to come before. */
  startMs: number;
  /** The last signal of the episode. */
  lastMs: number;
  kind: RiskKind;
  what: string;
}

/** The single event's meaning, when on its own it marks an incident. */
function directSignal(event: LifecycleEvent): IncidentSignal | undefined {
  if (event.kind === 'PodOOMKilled')
    return { at: event.at, kind: 'resource-exhaustion', what: `OOMKill of ${event.pod ?? 'a pod'}` };
  if (event.kind === 'PodEvicted')
    return { at: event.at, kind: 'resource-exhaustion', what: `eviction of ${event.pod ?? 'a pod'}` };
  if (event.kind !== 'NodeCondition') return undefined;
  const [type, status] = event.detail.split('=');
  if (type === 'Ready' && status !== 'True')
    return { at: event.at, kind: 'node-down', what: `Ready=${status}` };
  if (type === 'NetworkUnavailable' && status === 'True')
    return { at: event.at, kind: 'network', what: 'NetworkUnavailable' };
  if (type?.endsWith('Pressure') && status === 'True')
    return { at: event.at, kind: 'resource-exhaustion', what: `${type}` };
  return undefined;
}

/** True when at least `count` of `times` (sorted) fall within `windowMs` ending at index i. */
function burstAt(times: readonly number[], i: number, count: number, windowMs: number): boolean {
  const t = times[i] ?? 0;
  const first = times[i - count + 1];
  return first !== undefined && t - first <= windowMs;
}

/** Every incident signal among a node's events (in time order). */
export function incidentSignals(events: readonly LifecycleEvent[]): IncidentSignal[] {
  const signals: IncidentSignal[] = [];
  const probes: number[] = [];
  const restarts: number[] = [];
  for (const event of events) {
    const direct = directSignal(event);
    if (direct) signals.push(direct);
    if (event.kind === 'Warning' && event.detail.startsWith('Unhealthy')) {
      probes.push(event.at);
      if (burstAt(probes, probes.length - 1, PROBE_FAILURES, PROBE_WINDOW_MS))
        signals.push({ at: event.at, kind: 'network', what: `${PROBE_FAILURES}+ failing probes in 5 min` });
    }
    if (event.kind === 'PodRestarted') {
      restarts.push(event.at);
      if (burstAt(restarts, restarts.length - 1, RESTARTS, RESTART_WINDOW_MS))
        signals.push({ at: event.at, kind: 'pod-failures', what: `${RESTARTS}+ restarts in 30 min` });
    }
  }
  return signals.sort((a, b) => a.at - b.at);
}

/** Signals grouped into episodes: a new one starts after EPISODE_GAP_MS without a signal. */
export function incidentEpisodes(node: string, events: readonly LifecycleEvent[]): IncidentEpisode[] {
  const episodes: IncidentEpisode[] = [];
  for (const signal of incidentSignals(events)) {
    const current = episodes.at(-1);
    if (current && signal.at - current.lastMs < EPISODE_GAP_MS) current.lastMs = signal.at;
    else episodes.push({ node, startMs: signal.at, lastMs: signal.at, kind: signal.kind, what: signal.what });
  }
  return episodes;
}

/** What a point in time is, for a model predicting `horizonMs` ahead. */
export type PointLabel =
  | { state: 'quiet' }
  | { state: 'before'; episode: IncidentEpisode }
  /** In an episode or its aftermath: not a prediction point (the trouble is already visible). */
  | { state: 'during'; episode: IncidentEpisode };

/** Labels a time against a node's episodes (sorted by start). */
export function labelAt(t: number, episodes: readonly IncidentEpisode[], horizonMs: number): PointLabel {
  for (const episode of episodes) {
    if (t >= episode.startMs && t < episode.lastMs + EPISODE_GAP_MS) return { state: 'during', episode };
    if (t < episode.startMs && episode.startMs - t <= horizonMs) return { state: 'before', episode };
  }
  return { state: 'quiet' };
}
