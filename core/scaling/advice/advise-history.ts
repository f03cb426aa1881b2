import type { HistoryStore } from '../../history/store.ts';
import { adviseWorkload, type WorkloadAdvice } from './advisor.ts';
import type { Prices } from './cost.ts';
import { observationFromHistory } from './from-history.ts';
import { countOomKills } from './oom-kills.ts';
import type { WorkloadObservation } from './types.ts';

/**
 * Advice for every scalable workload with recorded usage: the last `lookbackMs` of history
 * (default 7 days, the retention), workloads with fewer than `minSamples` buckets skipped (too
 * little to say anything; they are named in `skipped`).
 */
export interface HistoryAdviceOptions {
  readonly nowMs: number;
  readonly namespace?: string | undefined;
  readonly lookbackMs?: number;
  readonly minSamples?: number;
  /** HPAs by `namespace/kind/name` of their target. */
  readonly hpas?: ReadonlyMap<string, NonNullable<WorkloadObservation['hpa']>>;
  readonly prices?: Prices;
}

export interface HistoryAdvice {
  readonly advice: WorkloadAdvice[];
  readonly skipped: { workload: string; reason: string }[];
}

const SCALABLE = new Set(['Deployment', 'StatefulSet']);
const SAMPLE_LIMIT = 500_000;

export async function adviseFromHistory(
  store: HistoryStore,
  options: HistoryAdviceOptions,
): Promise<HistoryAdvice> {
  const since = options.nowMs - (options.lookbackMs ?? 7 * 86_400_000);
  const advice: WorkloadAdvice[] = [];
  const skipped: HistoryAdvice['skipped'] = [];
  for (const ref of store.usage.workloads(since)) {
    if (!SCALABLE.has(ref.kind)) continue;
    if (options.namespace && ref.namespace !== options.namespace) continue;
    const samples = store.usage.workloadSeries(ref, since, SAMPLE_LIMIT);
    const observation = observationFromHistory({
      ...ref,
      samples,
      hpa: options.hpas?.get(`${ref.namespace}/${ref.kind}/${ref.name}`),
      oomKills: countOomKills(store, ref, since),
    });
    const name = `${ref.namespace}/${ref.name}`;
    const buckets = observation ? Array.from(observation.cpuMillis).filter(Number.isFinite).length : 0;
    if (!observation || buckets < (options.minSamples ?? 6)) {
      skipped.push({
        workload: name,
        reason: `only ${buckets} five-minute buckets of usage recorded; needs 6 (30 minutes)`,
      });
      continue;
    }
    advice.push(
      await adviseWorkload(observation, {
        nowMs: options.nowMs,
        ...(options.prices ? { prices: options.prices } : {}),
      }),
    );
  }
  return { advice, skipped };
}
