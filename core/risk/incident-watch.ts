import type { RiskKind } from '../contract/risk.ts';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { BURST_WINDOW_MS, EPISODE_GAP_MS, incidentSignals, type IncidentSignal } from './incident-labels.ts';

/** An incident episode that started among newly collected events: what the live stream reports. */
export interface StartedIncident {
  node: string;
  /** Its first signal. */
  at: number;
  kind: RiskKind;
  /** "node-06: 3+ failing probes in 5 min (12×); OOMKill of web-1". */
  message: string;
}

export interface IncidentObservation {
  started: StartedIncident[];
  /** Nodes with any incident signal among the new events, new episode or not. */
  troubled: Set<string>;
}

/** How many different signals a message names before "and N more". */
const NAMED_SIGNALS = 3;

/**
 * Watches collected lifecycle events as they arrive, collection after collection, with the same
 * rules and episodes the labels use (incident-labels.ts): an incident is reported once, when its
 * episode starts, not again for each signal that continues it (a pod failing its probe every few
 * seconds is one incident, not one a collection). Each node's events of the last burst window are
 * kept, so a burst that straddles two collections is still seen. Times are the cluster's.
 */
export class IncidentWatch {
  private readonly recent = new Map<string, LifecycleEvent[]>();
  private readonly lastSignal = new Map<string, number>();

  observe(events: readonly LifecycleEvent[]): IncidentObservation {
    const started: StartedIncident[] = [];
    const troubled = new Set<string>();
    for (const [node, list] of byNode(events)) {
      const fresh = this.freshSignals(node, list);
      const first = fresh[0];
      if (!first) continue;
      troubled.add(node);
      const previous = this.lastSignal.get(node) ?? -Infinity;
      this.lastSignal.set(node, fresh.at(-1)?.at ?? first.at);
      if (first.at - previous < EPISODE_GAP_MS) continue;
      started.push({ node, at: first.at, kind: first.kind, message: `${node}: ${summarize(fresh)}.` });
    }
    return { started, troubled };
  }

  /** The node's signals newer than the last one seen, over its kept events and the new ones. */
  private freshSignals(node: string, events: readonly LifecycleEvent[]): IncidentSignal[] {
    const all = [...(this.recent.get(node) ?? []), ...events].sort((a, b) => a.at - b.at);
    const newest = all.at(-1)?.at ?? 0;
    this.recent.set(
      node,
      all.filter((e) => newest - e.at <= BURST_WINDOW_MS),
    );
    const seen = this.lastSignal.get(node) ?? -Infinity;
    return incidentSignals(all).filter((s) => s.at > seen);
  }
}

function byNode(events: readonly LifecycleEvent[]): Map<string, LifecycleEvent[]> {
  const grouped = new Map<string, LifecycleEvent[]>();
  for (const e of events) {
    if (!e.node) continue;
    const list = grouped.get(e.node);
    if (list) list.push(e);
    else grouped.set(e.node, [e]);
  }
  return grouped;
}

/** The signals in words, each different one once with how often it came, the first few only. */
export function summarize(signals: readonly IncidentSignal[]): string {
  const counts = new Map<string, number>();
  for (const s of signals) counts.set(s.what, (counts.get(s.what) ?? 0) + 1);
  const parts = [...counts].map(([what, n]) => (n > 1 ? `${what} (${n}×)` : what));
  if (parts.length <= NAMED_SIGNALS) return parts.join('; ');
  return `${parts.slice(0, NAMED_SIGNALS).join('; ')} and ${parts.length - NAMED_SIGNALS} more`;
}
