import { holtWinters } from '../forecast/holt-winters.ts';
import { STATISTICAL_CANDIDATES } from '../forecast/candidates.ts';
import { fillGaps } from '../forecast/fill-gaps.ts';
import { rollingSelect } from '../forecast/rolling-selection.ts';
import { seasonalNaive } from '../forecast/seasonal-naive.ts';
import { seasonsFor } from '../forecast/seasons.ts';
import { replicasForLoad } from '../replay/predictive-policy.ts';
import { compareCost, DEFAULT_PRICES, type CostComparison, type Prices } from './cost.ts';
import { rightSize, type RightSizing } from './right-sizing.ts';
import { weeklySchedule, type WeeklySchedule } from './schedule.ts';
import { confidenceFor, finite, maxOf, percentile } from './stats.ts';
import type { Confidence, Recommendation, WorkloadObservation } from './types.ts';

/** Everything the advisor says about one workload. */
export interface WorkloadAdvice {
  readonly workload: string;
  readonly kind: string;
  readonly confidence: Confidence;
  readonly replicas: {
    readonly current: number;
    /** What the load of the last step needs at the target (what the upstream HPA aims for). */
    readonly neededNow: number;
    /** Enough for the upper forecast over the next hours (never below neededNow). */
    readonly predictive: number;
  };
  readonly hpa: {
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly targetUtilization: number;
  };
  readonly forecast: {
    readonly startMs: number;
    readonly stepMs: number;
    readonly values: number[];
    readonly lower: number[];
    readonly upper: number[];
    readonly method: string;
  };
  readonly schedule: WeeklySchedule;
  readonly rightSizing: RightSizing;
  readonly cost: CostComparison;
  readonly recommendations: Recommendation[];
}

export interface AdvisorOptions {
  readonly nowMs?: number;
  readonly prices?: Prices;
  /** How far ahead the predictive count and the forecast look (default 6 h). */
  readonly aheadMs?: number;
  readonly targetUtilization?: number;
}

const DEFAULT_TARGET = 70;
const HOUR = 3_600_000;

function forecastPath(w: WorkloadObservation, steps: number) {
  const seasons = seasonsFor(w.stepMs);
  const values = fillGaps(Array.from(w.cpuMillis), seasons);
  const enough = seasons.daily > 0 && values.length >= 2 * seasons.daily;
  const method = enough ? holtWinters : seasonalNaive('daily');
  const path = method.path?.(values, steps, seasons) ?? new Float64Array(steps).fill(NaN);
  return { path, method: method.name, seasons };
}

async function bandRatios(w: WorkloadObservation, horizon: number): Promise<{ lo: number; hi: number }> {
  const seasons = seasonsFor(w.stepMs);
  const r = await rollingSelect(Array.from(w.cpuMillis), horizon, seasons, STATISTICAL_CANDIDATES, {
    coverage: 0.9,
    relative: true,
  });
  for (let t = r.forecast.length - 1; t >= 0; t--) {
    const f = r.forecast[t] ?? NaN;
    if (f > 0 && Number.isFinite(r.upper[t] ?? NaN))
      return { lo: (r.lower[t] ?? f) / f, hi: (r.upper[t] ?? f) / f };
  }
  return { lo: 0.8, hi: 1.25 };
}

export async function adviseWorkload(
  w: WorkloadObservation,
  options: AdvisorOptions = {},
): Promise<WorkloadAdvice> {
  const target = w.hpa?.targetUtilization ?? options.targetUtilization ?? DEFAULT_TARGET;
  const aheadSteps = Math.max(1, Math.round((options.aheadMs ?? 6 * HOUR) / w.stepMs));
  const { path, method } = forecastPath(w, aheadSteps);
  const ratios = await bandRatios(w, Math.max(1, Math.round(HOUR / w.stepMs)));
  const values = Array.from(path, (v) => Math.max(0, v));
  const upper = values.map((v) => v * ratios.hi);
  const lower = values.map((v) => Math.max(0, v * ratios.lo));
  const request = w.requestCpuMillis > 0 ? w.requestCpuMillis : 100;
  const all = finite(w.cpuMillis);
  const last = all.at(-1) ?? 0;
  const neededNow = replicasForLoad(last, request, target);
  const upperPeak = Math.max(0, ...upper.filter(Number.isFinite));
  const predictive = Math.max(neededNow, replicasForLoad(upperPeak, request, target));
  const floor = w.replicas >= 2 ? 2 : 1; // keep two for availability where there were two
  const schedule = weeklySchedule({ ...w, requestCpuMillis: request }, target, floor);
  const p99 = percentile(all, 0.99);
  const peakNeed = replicasForLoad(Math.max(p99, upperPeak), request, target);
  const hpa = {
    minReplicas: Math.max(floor, Math.min(...schedule.weekdays, ...schedule.weekends)),
    // 50% above the largest need seen or forecast: room for spikes the history has not shown.
    maxReplicas: Math.max(floor, Math.ceil(peakNeed * 1.5)),
    targetUtilization: target,
  };
  const rightSizing = rightSize(w);
  const cost = compareCost(
    { replicas: w.replicas, cpuMillis: w.requestCpuMillis, memoryBytes: w.requestMemoryBytes },
    {
      cpuMillis: rightSizing.cpuRequestMillis.recommended,
      memoryBytes: rightSizing.memoryRequestBytes.recommended,
      weekdays: schedule.weekdays,
      weekends: schedule.weekends,
    },
    options.prices ?? DEFAULT_PRICES,
  );
  const confidence = confidenceFor(all.length * w.stepMs);
  const nowMs = options.nowMs ?? w.startMs + w.cpuMillis.length * w.stepMs;
  const recommendations = recommend(w, {
    target,
    request,
    neededNow,
    predictive,
    hpa,
    schedule,
    rightSizing,
    confidence,
    nowMs,
    cost,
  });
  return {
    workload: w.workload,
    kind: w.kind,
    confidence,
    replicas: { current: w.replicas, neededNow, predictive },
    hpa,
    forecast: { startMs: nowMs, stepMs: w.stepMs, values, lower, upper, method },
    schedule,
    rightSizing,
    cost,
    recommendations,
  };
}

interface Facts {
  target: number;
  request: number;
  neededNow: number;
  predictive: number;
  hpa: WorkloadAdvice['hpa'];
  schedule: WeeklySchedule;
  rightSizing: RightSizing;
  confidence: Confidence;
  nowMs: number;
  cost: CostComparison;
}

function recommend(w: WorkloadObservation, f: Facts): Recommendation[] {
  const out: Recommendation[] = [];
  const mib = (b: number) => Math.round(b / 1024 ** 2);
  for (const event of w.plannedEvents ?? []) {
    if (event.endMs < f.nowMs || event.startMs > f.nowMs + 7 * 24 * HOUR) continue;
    const hour = new Date(event.startMs).getUTCHours();
    const weekend = [0, 6].includes(new Date(event.startMs).getUTCDay());
    const usual = (weekend ? f.schedule.weekends : f.schedule.weekdays)[hour] ?? f.neededNow;
    const replicas = Math.ceil(usual * event.loadFactor);
    out.push({
      kind: 'pre-scale-event',
      confidence: f.confidence === 'high' ? 'medium' : 'low',
      explanation: `"${event.name}" is expected to bring ${event.loadFactor}× the usual load from ${new Date(event.startMs).toISOString()}. The usual ${usual} pods at that hour become ${replicas}; scale to ${replicas} ${f.schedule.leadMinutes} minutes before it starts and raise the HPA maximum to at least ${replicas}.`,
    });
  }
  const rs = f.rightSizing;
  const memoryMax = maxOf(w.podMemoryBytes);
  const nearLimit = w.limitMemoryBytes !== undefined && memoryMax > 0.9 * w.limitMemoryBytes;
  if (w.oomKills > 0 || nearLimit) {
    out.push({
      kind: 'raise-memory',
      confidence: w.oomKills > 0 ? 'high' : 'medium',
      explanation: `${w.oomKills > 0 ? `${w.oomKills} OOMKills. ` : ''}Pods reached ${mib(memoryMax)} MiB against a limit of ${mib(w.limitMemoryBytes ?? 0)} MiB. Set the memory request and limit to ${mib(rs.memoryLimitBytes.recommended)} MiB.`,
    });
  }
  const recent = finite(w.cpuMillis).slice(-Math.max(1, Math.round(HOUR / w.stepMs)));
  const before = finite(w.cpuMillis).slice(0, -recent.length);
  const usualHigh = percentile(before, 0.99);
  const recentPeak = Math.max(...recent);
  const spiking = before.length > 0 && recentPeak > 1.5 * usualHigh;
  const needForSpike = replicasForLoad(recentPeak, f.request, f.target);
  if (spiking && w.hpa && w.hpa.maxReplicas < needForSpike) {
    out.push({
      kind: 'raise-max-replicas',
      confidence: 'medium',
      explanation: `Load in the last hour reached ${Math.round(recentPeak)}m CPU, ${(recentPeak / usualHigh).toFixed(1)}× the highest usual level; at ${f.target}% of ${f.request}m per pod that needs ${needForSpike} pods, but the HPA stops at ${w.hpa.maxReplicas}. Raise maxReplicas to ${Math.max(f.hpa.maxReplicas, needForSpike)}.`,
    });
  } else if (f.predictive > w.replicas && (!w.hpa || spiking)) {
    out.push({
      kind: 'scale-up',
      confidence: f.confidence,
      explanation: `The forecast's upper bound over the next hours needs ${f.predictive} pods at ${f.target}% of the CPU request; ${w.replicas} run now. Scale to ${f.predictive} before the load arrives.`,
    });
  }
  if (w.requestCpuMillis <= 0) {
    out.push({
      kind: 'set-requests',
      confidence: rs.confidence,
      explanation: `No CPU request is set, so the HPA cannot compute utilization and the scheduler cannot plan for these pods. ${rs.reasoning} Set the CPU request to ${rs.cpuRequestMillis.recommended}m and memory to ${mib(rs.memoryRequestBytes.recommended)} MiB.`,
    });
  }
  const cpuCut = rs.cpuRequestMillis.changePercent;
  if (w.requestCpuMillis > 0 && cpuCut <= -40 && w.oomKills === 0) {
    out.push({
      kind: 'reduce-requests',
      confidence: rs.confidence,
      explanation: `${rs.reasoning} Lowering the CPU request by ${-cpuCut}% saves about ${f.cost.monthlySavings} ${f.cost.currency} a month with the schedule.`,
    });
  }
  const top = Math.max(...f.schedule.weekdays, ...f.schedule.weekends);
  if (!w.hpa && top < w.replicas / 2) {
    out.push({
      kind: 'scale-down',
      confidence: rs.confidence,
      explanation: `Even the busiest hour needs only ${top} pods at ${f.target}% of the CPU request; ${w.replicas} run. Scale down to ${top}.`,
    });
  }
  const wd = f.schedule.weekdays;
  const we = f.schedule.weekends;
  if (Math.max(...wd) >= 2 * Math.min(...wd) && Math.max(...wd) - Math.min(...wd) >= 2) {
    const peaks = f.schedule.peaks
      .filter((p) => p.days === 'weekdays')
      .map((p) => `${p.fromHour}:00–${p.toHour}:00`);
    out.push({
      kind: 'daily-schedule',
      confidence: f.confidence,
      explanation: `Weekdays swing from ${Math.min(...wd)} to ${Math.max(...wd)} pods (peak ${peaks.join(', ')} UTC). A schedule that scales up ${f.schedule.leadMinutes} minutes before each rise costs ${f.cost.scheduled} ${f.cost.currency} a month against ${f.cost.fixedAtPeak} for a fixed count sized for the peak.`,
    });
  }
  if (Math.max(...we) <= 0.7 * Math.max(...wd)) {
    out.push({
      kind: 'weekend-schedule',
      confidence: f.confidence,
      explanation: `Weekends peak at ${Math.max(...we)} pods against ${Math.max(...wd)} on weekdays; run the weekend profile on Saturday and Sunday.`,
    });
  }
  if (out.length === 0) {
    out.push({
      kind: 'keep',
      confidence: f.confidence,
      explanation: `Replicas (${w.replicas}) and requests fit the load: the forecast needs ${f.predictive} pods at most in the next hours, and requests are within ${Math.max(Math.abs(cpuCut), Math.abs(rs.memoryRequestBytes.changePercent))}% of what usage suggests.`,
    });
  }
  return out;
}
