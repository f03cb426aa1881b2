import type { NodeRisk } from '../contract/risk.ts';
import type { HistoryStore } from '../history/store.ts';
import { DisruptionTally } from './advisors/disruption-tally.ts';
import { NIC_ERROR_WINDOW_MS } from './advisors/network-health.ts';
import type { NodeRiskSignal, NodeUsage, PlacementSignals } from './advisors/signals.ts';
import type { NodeInfo } from './node-info.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const DISRUPTION_WINDOW_DAYS = 7;

/**
 * Foresight's evidence per node from its own history: usage over the last hour (the recent
 * half-hour's mean cpu and peak memory, and how fast memory grew between the two half-hours),
 * restarts, OOMKills and evictions over 7 days, each node's highest NIC error rate over the last
 * few minutes, and the risk domain's latest predictions.
 * A part with no data is left undefined, and its plugin then takes no part.
 */
export function signalsFromHistory(
  history: HistoryStore | undefined,
  nodes: readonly NodeInfo[],
  risks: ReadonlyMap<string, NodeRisk>,
  now: number,
): PlacementSignals {
  const signals: PlacementSignals = {};
  if (risks.size > 0) {
    const map = new Map<string, NodeRiskSignal>();
    for (const [node, r] of risks)
      map.set(node, {
        probability: r.probability,
        level: r.level,
        ...(r.kind ? { kind: r.kind } : {}),
        ...(r.leadTimeMinutes !== undefined ? { leadTimeMinutes: r.leadTimeMinutes } : {}),
        reasons: r.reasons,
      });
    signals.risks = map;
  }
  if (!history) return signals;
  const allocatable = new Map(nodes.map((n) => [n.name, n.allocatable.memory]));
  const half = HOUR_MS / 2;
  const usage = new Map<string, NodeUsage>();
  const earlier = new Map<string, number>();
  // Pods bound after the last collection are in no sample yet: LoadAware adds their requests.
  const lastSample = history.nodeQueries.coverage({ since: now - HOUR_MS, until: now + 1 })?.last;
  for (const b of history.nodeQueries.nodeBuckets({ since: now - HOUR_MS, until: now + 1 }, half)) {
    if (b.cpuMillis === null || b.memoryBytes === null) continue;
    if (b.at < now - half) {
      earlier.set(b.node, b.memoryBytes);
      continue;
    }
    const before = earlier.get(b.node);
    const alloc = allocatable.get(b.node) ?? 0;
    const growth =
      before !== undefined && alloc > 0 ? ((b.memoryBytes - before) / alloc) * (HOUR_MS / half) : undefined;
    usage.set(b.node, {
      cpuMillis: b.cpuMillis,
      memoryBytes: b.memoryPeakBytes ?? b.memoryBytes,
      ...(growth !== undefined ? { memoryGrowthPerHour: growth } : {}),
      ...(lastSample !== undefined ? { sampledAt: lastSample } : {}),
    });
  }
  if (usage.size > 0) signals.usage = usage;
  const nicErrors = history.nodeSamples.nicErrorPeaks(now - NIC_ERROR_WINDOW_MS, now + 1);
  if (nicErrors.size > 0) {
    signals.nicErrors = nicErrors;
    signals.nicErrorWindowMs = NIC_ERROR_WINDOW_MS;
  }
  // Lifecycle history counts as evidence only once the database has watched the cluster a while.
  const coverage = history.nodeQueries.coverage({
    since: now - DISRUPTION_WINDOW_DAYS * DAY_MS,
    until: now + 1,
  });
  if (coverage) {
    signals.disruptionWindowMs = now - Math.max(coverage.first, now - DISRUPTION_WINDOW_DAYS * DAY_MS);
    const tally = new DisruptionTally();
    const since = now - DISRUPTION_WINDOW_DAYS * DAY_MS;
    for (const node of nodes) tally.addAll(history.lifecycle.forNode(node.name, since, 10_000));
    signals.disruptions = tally.disruptions;
    signals.nodeFailures = tally.nodeFailures;
    signals.observedAt = now;
  }
  return signals;
}
