import { createSimulation } from '../sim/index.ts';
import { demandAt } from '../sim/load/curve.ts';
import { profileFor, workloadOf, type LoadProfile } from '../sim/load/profile.ts';
import { controllerRef, podShape } from '../sim/kube/pods.ts';
import { keys } from '../sim/store/api-resources.ts';
import type { HorizontalPodAutoscaler, Pod } from '../sim/kube/types.ts';
import type { LoadPattern } from '../sim/types.ts';

/**
 * The simulator's workloads as load series, for backtests, replays and fixtures: the demand of a
 * workload's pods is a pure function of (seed, profile, time) (core/sim/load/curve.ts), so weeks
 * of history are computed directly instead of ticking the cluster through them. The total is the
 * work the workload has to do, however many replicas share it.
 */
export interface SimWorkloadSeries {
  /** `namespace/name`. */
  readonly workload: string;
  readonly kind: string;
  readonly pattern: LoadPattern;
  readonly replicas: number;
  /** Per pod. */
  readonly requestCpuMillis: number;
  readonly requestMemoryBytes: number;
  readonly limitMemoryBytes: number | undefined;
  readonly hpa: { minReplicas: number; maxReplicas: number; targetUtilization: number } | undefined;
  readonly startMs: number;
  readonly stepMs: number;
  /** Total CPU demand of the workload, millicores. */
  readonly cpuMillis: Float64Array;
  /** The largest pod's memory, bytes. */
  readonly podMemoryBytes: Float64Array;
}

export interface SimSeriesOptions {
  seed?: number;
  days?: number;
  stepMs?: number;
  /** Default: Monday 2026-01-05 00:00 UTC, so weeks line up with the calendar. */
  startMs?: number;
  /** Keep only workloads with at least this many replicas (default 2: the ones that scale). */
  minReplicas?: number;
}

export const SERIES_START_MS = Date.UTC(2026, 0, 5);

export function simulatorWorkloadSeries(options: SimSeriesOptions = {}): SimWorkloadSeries[] {
  const seed = options.seed ?? 1;
  const days = options.days ?? 28;
  const stepMs = options.stepMs ?? 300_000;
  const startMs = options.startMs ?? SERIES_START_MS;
  const sim = createSimulation({ seed, preset: 'quiet', startMs });
  try {
    const pods = (sim.store.list(keys.pods) as Pod[]).filter((p) => {
      const kind = controllerRef(p)?.kind;
      return kind === 'ReplicaSet' || kind === 'StatefulSet';
    });
    const groups = new Map<string, Pod[]>();
    for (const pod of pods) {
      const key = workloadOf(pod);
      groups.set(key, [...(groups.get(key) ?? []), pod]);
    }
    const hpas = new Map<string, HorizontalPodAutoscaler>();
    for (const hpa of sim.store.list(keys.horizontalpodautoscalers) as HorizontalPodAutoscaler[]) {
      hpas.set(`${hpa.metadata.namespace ?? ''}/${hpa.spec.scaleTargetRef.name}`, hpa);
    }
    const steps = Math.floor((days * 86_400_000) / stepMs);
    const result: SimWorkloadSeries[] = [];
    for (const [workload, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      if (members.length < (options.minReplicas ?? 2)) continue;
      const profiles: LoadProfile[] = members.map((pod) => profileFor(seed, pod));
      const shape = podShape((members[0] as Pod).spec);
      const limits = shape.containers.map((c) => c.limitMemoryBytes);
      const cpuMillis = new Float64Array(steps);
      const podMemoryBytes = new Float64Array(steps);
      for (let i = 0; i < steps; i++) {
        const t = startMs + i * stepMs;
        let cpu = 0;
        let memory = 0;
        for (const profile of profiles) {
          const d = demandAt(seed, profile, t, startMs);
          cpu += d.cpuMillis;
          memory = Math.max(memory, d.memoryBytes);
        }
        cpuMillis[i] = cpu;
        podMemoryBytes[i] = memory;
      }
      const hpa = hpas.get(workload);
      const target = hpa?.spec.metrics?.[0]?.resource?.target.averageUtilization;
      result.push({
        workload,
        kind: controllerRef(members[0] as Pod)?.kind === 'StatefulSet' ? 'StatefulSet' : 'Deployment',
        pattern: (profiles[0] as LoadProfile).pattern,
        replicas: members.length,
        requestCpuMillis: shape.requests.cpuMillis,
        requestMemoryBytes: shape.requests.memoryBytes,
        limitMemoryBytes: limits.every((l) => l !== undefined)
          ? limits.reduce<number>((sum, l) => sum + (l ?? 0), 0)
          : undefined,
        hpa: hpa
          ? {
              minReplicas: hpa.spec.minReplicas ?? 1,
              maxReplicas: hpa.spec.maxReplicas,
              targetUtilization: target ?? 80,
            }
          : undefined,
        startMs,
        stepMs,
        cpuMillis,
        podMemoryBytes,
      });
    }
    return result;
  } finally {
    sim.close();
  }
}
