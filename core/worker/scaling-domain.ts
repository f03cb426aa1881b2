import {
  contractError,
  errorReply,
  type ReplyEnvelope,
  type RequestId,
  type ScalingAdviceInfo,
  type ValidRequest,
} from '../contract/index.ts';
import { adviseWorkload } from '../scaling/advice/advisor.ts';
import { readHpas, type HpaBounds } from '../scaling/advice/cluster-hpas.ts';
import { observationFromHistory } from '../scaling/advice/from-history.ts';
import { countOomKills } from '../scaling/advice/oom-kills.ts';
import { cronJobsYaml, kedaScaledObjectYaml } from '../scaling/advice/schedule-yaml.ts';
import type { WorkerDomain, WorkerDomainContext, WorkerDomainFactory } from './domain.ts';

const ok = (id: RequestId, result: unknown): ReplyEnvelope =>
  ({ kind: 'reply', id, ok: true, result }) as ReplyEnvelope;

const WEEK_MS = 7 * 86_400_000;
const CHART_MS = 86_400_000;
const HPA_CACHE_MS = 60_000;
const MIN_BUCKETS = 6;

const finiteOrNull = (n: number | undefined): number | null =>
  n !== undefined && Number.isFinite(n) ? n : null;

/**
 * Scaling advice in the worker, from the per-workload usage the collector records in history and
 * the cluster's HPAs (re-read at most once a minute; a cluster that refuses them gets advice that
 * assumes none).
 */
export class ScalingService implements WorkerDomain {
  readonly methods = ['scaling.workloads', 'scaling.advise'] as const;
  private hpas: { at: number; byTarget: Map<string, HpaBounds> } | undefined;

  constructor(private readonly context: WorkerDomainContext) {}

  private async hpaBounds(): Promise<Map<string, HpaBounds>> {
    const now = this.context.now();
    if (this.hpas && now - this.hpas.at < HPA_CACHE_MS) return this.hpas.byTarget;
    const cluster = this.context.cluster();
    const byTarget = cluster
      ? await readHpas(cluster.kubeConfig).catch(() => new Map<string, HpaBounds>())
      : new Map();
    this.hpas = { at: now, byTarget };
    return byTarget;
  }

  async handle(request: ValidRequest): Promise<ReplyEnvelope> {
    const { id } = request;
    const store = this.context.history();
    if (!store) return errorReply(id, contractError('StoreError', this.context.historyProblem()));
    const now = this.context.now();
    if (request.method === 'scaling.workloads') {
      const { namespace } = request.params as { namespace?: string };
      const workloads = store.usage
        .workloads(now - WEEK_MS)
        .filter(
          (w) =>
            (w.kind === 'Deployment' || w.kind === 'StatefulSet') &&
            (!namespace || w.namespace === namespace),
        );
      return ok(id, { workloads });
    }
    if (request.method !== 'scaling.advise') {
      return errorReply(
        id,
        contractError('UnknownMethod', `The scaling domain does not answer ${request.method}.`),
      );
    }
    const { workload: ref } = request.params as {
      workload: { namespace: string; kind: string; name: string };
    };
    const samples = store.usage.workloadSeries(ref, now - WEEK_MS, 500_000);
    const hpa = (await this.hpaBounds()).get(`${ref.namespace}/${ref.kind}/${ref.name}`);
    const oomKills = countOomKills(store, ref, now - WEEK_MS);
    const observation = observationFromHistory({ ...ref, samples, hpa, oomKills });
    const buckets = observation ? Array.from(observation.cpuMillis).filter(Number.isFinite).length : 0;
    if (!observation || buckets < MIN_BUCKETS) {
      return errorReply(
        id,
        contractError(
          'BadRequest',
          `Only ${buckets === 1 ? '1 five-minute bucket of usage is' : `${buckets} five-minute buckets of usage are`} recorded for ${ref.namespace}/${ref.name}; advice needs ${MIN_BUCKETS} (half an hour). Keep Foresight connected and try again.`,
        ),
      );
    }
    const advice = await adviseWorkload(observation, { nowMs: now });
    const target = { namespace: ref.namespace, name: ref.name, kind: ref.kind };
    const recent = samples.filter((s) => s.at >= now - CHART_MS);
    const result: ScalingAdviceInfo = {
      ...advice,
      currentHpa: hpa ?? null,
      history: {
        at: recent.map((s) => s.at),
        cpuMillis: recent.map((s) => finiteOrNull(s.cpuMillis)),
        replicas: recent.map((s) => finiteOrNull(s.pods)),
        podCpuMillis: recent.map((s) => finiteOrNull(s.pods > 0 ? s.cpuMillis / s.pods : NaN)),
        podMemoryBytes: recent.map((s) => finiteOrNull(s.memoryMaxBytes)),
      },
      forecast: {
        ...advice.forecast,
        values: advice.forecast.values.map(finiteOrNull),
        lower: advice.forecast.lower.map(finiteOrNull),
        upper: advice.forecast.upper.map(finiteOrNull),
      },
      schedule: {
        ...advice.schedule,
        weekdays: [...advice.schedule.weekdays],
        weekends: [...advice.schedule.weekends],
        peaks: [...advice.schedule.peaks],
        quiet: [...advice.schedule.quiet],
        cronJobYaml: cronJobsYaml(target, advice.schedule),
        kedaYaml: kedaScaledObjectYaml(target, advice.schedule, advice.hpa.maxReplicas),
      },
    };
    return ok(id, result);
  }
}

export const scalingDomain: WorkerDomainFactory = (context: WorkerDomainContext) =>
  new ScalingService(context);
