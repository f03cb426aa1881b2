import {
  contractError,
  errorReply,
  type ParamsOf,
  type PlacementAnswerInfo as PlacementAnswer,
  type PlacementSource,
  type ReplyEnvelope,
  type RequestId,
  type ValidRequest,
} from '../contract/index.ts';
import type Database from 'better-sqlite3';
import { AdviceRecords, OUTCOME_WINDOW_MS } from '../scheduling/advice-records.ts';
import { clusterNodeAdvice } from '../scheduling/cluster-node-advice.ts';
import { signalsFromHistory } from '../scheduling/history-signals.ts';
import { OutcomeLearner } from '../scheduling/outcome/outcome-learner.ts';
import type { NodeObject, PodObject } from '../scheduling/kube-objects.ts';
import type { PlacementSignals } from '../scheduling/advisors/signals.ts';
import type { NodeAdvice } from '../scheduling/node-advice.ts';
import { buildNodeInfos, type NodeInfo } from '../scheduling/node-info.ts';
import { placeOnNodes } from '../scheduling/place.ts';
import { podFromText, PodSpecError } from '../scheduling/pod-spec.ts';
import type { ClusterAccess, WorkerDomain, WorkerDomainContext, WorkerDomainFactory } from './domain.ts';

/** What a report reads of placement: each pending pod's ranking, or why it has none. */
export interface PendingPlacementAdvice {
  /** Pending pods in the cluster (more than advised when over the limit). */
  pending: number;
  advised: Array<{ namespace: string; name: string; answer: PlacementAnswer | string }>;
}

const ok = (id: RequestId, result: unknown): ReplyEnvelope =>
  ({ kind: 'reply', id, ok: true, result }) as ReplyEnvelope;

function isPending(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return !pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Placement in the worker: ranks every node of the connected cluster for a pending pod, a
 * workload's template or a pasted spec, with Foresight's plugins fed from the history database
 * and the risk domain's predictions.
 */
export class PlacementService implements WorkerDomain {
  readonly title = 'Placement outcome tracking';
  readonly methods = [
    'placement.candidates',
    'placement.advise',
    'placement.nodeAdvice',
    'placement.outcomes',
  ] as const;
  private records: AdviceRecords | undefined;
  private recordsDb: Database.Database | undefined;
  private readonly learner = new OutcomeLearner();

  constructor(private readonly context: WorkerDomainContext) {}

  /** The advice records of the connected cluster's history, or undefined while there is none. */
  private adviceRecords(): AdviceRecords | undefined {
    const store = this.context.history();
    if (!store) return undefined;
    if (store.database !== this.recordsDb) {
      this.recordsDb = store.database;
      this.records = new AdviceRecords(store.database);
    }
    return this.records;
  }

  /**
   * After each collection: where advised pending pods went, and a day after placement whether
   * they were OOMKilled, evicted or restarted (from the lifecycle events history recorded).
   */
  async afterCollect(): Promise<void> {
    const records = this.adviceRecords();
    const cluster = this.context.cluster();
    const history = this.context.history();
    if (!records || !cluster || !history) return;
    const open = records.open();
    if (open.length === 0) return;
    const now = this.context.now();
    const { pods } = await this.objects(cluster);
    const byKey = new Map(pods.map((p) => [`${p.metadata?.namespace}/${p.metadata?.name}`, p]));
    for (const advice of open) {
      if (!advice.actualNode) {
        const pod = byKey.get(`${advice.namespace}/${advice.pod}`);
        if (!pod) records.abandon(advice.id, now);
        else if (pod.spec?.nodeName) records.placed(advice.id, pod.spec.nodeName, now);
        continue;
      }
      if (advice.placedAt === null || now - advice.placedAt < OUTCOME_WINDOW_MS) continue;
      const disruptions = history.lifecycle
        .forNode(advice.actualNode, advice.placedAt, 10_000)
        .filter(
          (e) =>
            e.pod === advice.pod &&
            e.namespace === advice.namespace &&
            e.at < advice.placedAt! + OUTCOME_WINDOW_MS &&
            (e.kind === 'PodOOMKilled' || e.kind === 'PodEvicted' || e.kind === 'PodRestarted'),
        ).length;
      records.resolve(advice.id, disruptions, now);
    }
  }

  private async objects(cluster: ClusterAccess): Promise<{ nodes: NodeObject[]; pods: PodObject[] }> {
    if (!cluster.reader.listSchedulingObjects)
      throw new Error('This cluster connection cannot list nodes and pods for scheduling.');
    const { nodes, pods } = await cluster.reader.listSchedulingObjects();
    return { nodes: nodes as NodeObject[], pods: pods as PodObject[] };
  }

  async handle(request: ValidRequest): Promise<ReplyEnvelope> {
    const { id } = request;
    const cluster = this.context.cluster();
    if (!cluster)
      return errorReply(id, contractError('Unavailable', 'No cluster is connected: pick a context first.'));
    try {
      if (request.method === 'placement.outcomes') {
        const records = this.adviceRecords();
        if (!records) return errorReply(id, contractError('StoreError', this.context.historyProblem()));
        return ok(id, records.outcomes());
      }
      if (request.method === 'placement.nodeAdvice') return ok(id, await this.nodeAdvice(cluster));
      if (request.method === 'placement.candidates') {
        const { pods } = await this.objects(cluster);
        const pending = pods.filter(isPending).map((p) => ({
          namespace: p.metadata?.namespace ?? 'default',
          name: p.metadata?.name ?? '',
        }));
        const workloads = (cluster.reader.listWorkloads?.() ?? [])
          .filter((w) => w.template && !w.owner)
          .map((w) => ({ kind: w.kind, namespace: w.namespace, name: w.name }))
          .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
        return ok(id, { pending, workloads });
      }
      const { source } = request.params as ParamsOf<'placement.advise'>;
      const answer = await this.advise(cluster, source, { record: true });
      if (typeof answer === 'string') return errorReply(id, contractError('BadRequest', answer));
      return ok(id, answer);
    } catch (error) {
      if (error instanceof PodSpecError)
        return errorReply(
          id,
          contractError(
            'BadRequest',
            error.message,
            'Paste a Pod, a workload or a pod spec as YAML or JSON.',
          ),
        );
      return errorReply(id, contractError('ClusterError', `Could not read the cluster: ${errorText(error)}`));
    }
  }

  /** Foresight's evidence per node, from history and the risk domain's latest predictions. */
  private signals(infos: readonly NodeInfo[]): PlacementSignals {
    return signalsFromHistory(this.context.history(), infos, this.context.nodeRisks(), this.context.now());
  }

  /** The node advice for the cluster as it is: no pod, so no ranking and nothing recorded. */
  private async nodeAdvice(cluster: ClusterAccess): Promise<NodeAdvice[]> {
    const { nodes, pods } = await this.objects(cluster);
    return clusterNodeAdvice(
      this.context.history(),
      nodes,
      pods,
      this.context.nodeRisks(),
      this.context.now(),
    );
  }

  /**
   * Ranks the nodes for a pod, or says why there is no pod. `record` keeps the advice for outcome
   * tracking: the Placement page's advice is recorded, a report's is not (reports only read).
   */
  private async advise(
    cluster: ClusterAccess,
    source: PlacementSource,
    { record }: { record: boolean },
  ): Promise<PlacementAnswer | string> {
    const { nodes, pods } = await this.objects(cluster);
    const pod = this.podOf(source, pods, cluster);
    if (typeof pod === 'string') return pod;
    const key = `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
    const others =
      source.kind === 'pending'
        ? pods.filter((p) => `${p.metadata?.namespace}/${p.metadata?.name}` !== key)
        : pods;
    const infos = buildNodeInfos(nodes, others);
    const signals = this.signals(infos);
    const history = this.context.history();
    const learned = await this.learner.signals(history, infos, signals, this.context.now());
    const answer = placeOnNodes(pod, infos, { signals: { ...signals, ...learned } });
    if (record) {
      this.adviceRecords()?.record({
        at: this.context.now(),
        source: source.kind,
        namespace: pod.metadata?.namespace ?? 'default',
        pod: pod.metadata?.name ?? '',
        advisedNode: answer.advice?.node,
        kubeNode: answer.kubeSchedulerChoice?.node,
        confidence: answer.advice?.confidence ?? 0,
      });
    }
    return answer;
  }

  /**
   * For reports: the advice for every pending pod, as the Placement page would give it, without
   * recording any of it. Throws when the cluster cannot be read.
   */
  async pendingAdviceForReport(limit: number): Promise<PendingPlacementAdvice> {
    const cluster = this.context.cluster();
    if (!cluster) throw new Error('No cluster is connected.');
    const { pods } = await this.objects(cluster);
    const pending = pods.filter(isPending).map((p) => ({
      namespace: p.metadata?.namespace ?? 'default',
      name: p.metadata?.name ?? '',
    }));
    const advised: PendingPlacementAdvice['advised'] = [];
    for (const pod of pending.slice(0, limit)) {
      const answer = await this.advise(cluster, { kind: 'pending', ...pod }, { record: false });
      advised.push({ ...pod, answer });
    }
    return { pending: pending.length, advised };
  }

  /** The pod to place, or why there is none. */
  private podOf(
    source: PlacementSource,
    pods: readonly PodObject[],
    cluster: ClusterAccess,
  ): PodObject | string {
    if (source.kind === 'spec') return podFromText(source.text);
    if (source.kind === 'pending') {
      const pod = pods.find(
        (p) => p.metadata?.namespace === source.namespace && p.metadata?.name === source.name,
      );
      if (!pod)
        return `There is no pod ${source.namespace}/${source.name} (it may have been scheduled or deleted).`;
      return { ...pod, spec: { ...pod.spec, nodeName: undefined } };
    }
    const workload = (cluster.reader.listWorkloads?.() ?? []).find(
      (w) => w.kind === source.workloadKind && w.namespace === source.namespace && w.name === source.name,
    );
    if (!workload?.template)
      return `There is no ${source.workloadKind} ${source.namespace}/${source.name} with a pod template.`;
    const template = workload.template as PodObject;
    return {
      ...template,
      metadata: { ...template.metadata, name: `${source.name} (template)`, namespace: source.namespace },
    };
  }
}

export const placementDomain: WorkerDomainFactory = (context) => new PlacementService(context);
