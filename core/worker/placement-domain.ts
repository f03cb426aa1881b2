import {
  contractError,
  errorReply,
  type ParamsOf,
  type PlacementSource,
  type ReplyEnvelope,
  type RequestId,
  type ValidRequest,
} from '../contract/index.ts';
import { signalsFromHistory } from '../scheduling/history-signals.ts';
import type { NodeObject, PodObject } from '../scheduling/kube-objects.ts';
import { buildNodeInfos } from '../scheduling/node-info.ts';
import { placeOnNodes } from '../scheduling/place.ts';
import { podFromText, PodSpecError } from '../scheduling/pod-spec.ts';
import type { ClusterAccess, WorkerDomain, WorkerDomainContext, WorkerDomainFactory } from './domain.ts';

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
  readonly methods = ['placement.candidates', 'placement.advise'] as const;

  constructor(private readonly context: WorkerDomainContext) {}

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
      const { nodes, pods } = await this.objects(cluster);
      const pod = this.podOf(source, pods, cluster);
      if (typeof pod === 'string') return errorReply(id, contractError('BadRequest', pod));
      const key = `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
      const others =
        source.kind === 'pending'
          ? pods.filter((p) => `${p.metadata?.namespace}/${p.metadata?.name}` !== key)
          : pods;
      const infos = buildNodeInfos(nodes, others);
      const signals = signalsFromHistory(
        this.context.history(),
        infos,
        this.context.nodeRisks(),
        this.context.now(),
      );
      return ok(id, placeOnNodes(pod, infos, { signals }));
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
