import type { ForecastCandidate } from '../forecast/candidate.ts';
import { STATISTICAL_CANDIDATES } from '../forecast/candidates.ts';
import { movingAverage } from '../forecast/moving-average.ts';
import { rollingSelect } from '../forecast/rolling-selection.ts';
import { seasonsFor } from '../forecast/seasons.ts';
import type { SimWorkloadSeries } from '../sim-workloads.ts';
import { replay, upstreamPolicy, type ReplayResult, type ReplayWorkload } from './autoscaler-replay.ts';
import { PREDICTIVE_SETTINGS, predictivePolicy } from './predictive-policy.ts';

/**
 * The upstream HPA algorithm and predictive replicas on the same load, side by side: every
 * workload with a CPU request, replayed over the days after `warmupDays` (the forecasters'
 * history). Workloads without an HPA get the upstream defaults: 80% target, 1..50 replicas.
 */
export interface AutoscalerComparison {
  workload: string;
  upstream: ReplayResult;
  predictive: ReplayResult;
}

/**
 * The replay's forecasters: the statistical ones plus a 3-minute moving average. One and two
 * minutes ahead, the mean of the last three minutes misses the load by less than the last value
 * does (its noise partly averages out), so where it is selected its error quantiles — the
 * policy's bands — are narrower. Only the replay uses it: the Scaling page and `foresight
 * forecast` look hours ahead, where a flat level has nothing to offer.
 */
export const REPLAY_CANDIDATES: readonly ForecastCandidate[] = [...STATISTICAL_CANDIDATES, movingAverage(3)];

export async function compareAutoscalers(
  series: readonly SimWorkloadSeries[],
  warmupDays: number,
): Promise<AutoscalerComparison[]> {
  const rows: AutoscalerComparison[] = [];
  for (const s of series) {
    if (s.requestCpuMillis <= 0) continue;
    const workload: ReplayWorkload = {
      load: s.cpuMillis,
      stepMs: s.stepMs,
      requestMillis: s.requestCpuMillis,
      targetUtilization: s.hpa?.targetUtilization ?? 80,
      minReplicas: s.hpa?.minReplicas ?? 1,
      maxReplicas: s.hpa?.maxReplicas ?? 50,
    };
    const lead = Math.max(1, Math.round(PREDICTIVE_SETTINGS.leadMs / s.stepMs));
    const from = Math.round((warmupDays * 86_400_000) / s.stepMs);
    // Each quantile's largest over steps 1..lead; the hold quantile of the next step alone.
    const [prescale, hold, holdNext] = [0, 1, 2].map(() =>
      new Float64Array(s.cpuMillis.length).fill(NaN),
    ) as [Float64Array, Float64Array, Float64Array];
    for (let h = 1; h <= lead; h++) {
      const { quantiles } = await rollingSelect(s.cpuMillis, h, seasonsFor(s.stepMs), REPLAY_CANDIDATES, {
        relative: true,
        from,
        quantiles: [PREDICTIVE_SETTINGS.prescaleQuantile, PREDICTIVE_SETTINGS.holdQuantile],
      });
      largestSoFar(prescale, quantiles[0], from, h);
      largestSoFar(hold, quantiles[1], from, h);
      if (h === 1) largestSoFar(holdNext, quantiles[1], from, h);
    }
    const range = { from, to: s.cpuMillis.length };
    rows.push({
      workload: s.workload,
      upstream: replay(workload, upstreamPolicy(workload), range),
      predictive: replay(workload, predictivePolicy(workload, { prescale, hold, holdNext }), {
        ...range,
        scaleDownWindowSeconds: PREDICTIVE_SETTINGS.scaleDownWindowSeconds,
      }),
    });
  }
  return rows;
}

/** into[t] = the largest of the quantile over the horizons so far (the first horizon sets it). */
function largestSoFar(into: Float64Array, q: Float64Array | undefined, from: number, h: number): void {
  for (let t = from; t < into.length; t++) {
    const v = q?.[t] ?? NaN;
    into[t] = h === 1 ? v : Math.max(into[t] ?? NaN, v);
  }
}
