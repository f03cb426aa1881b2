import { contractError, errorReply, type ReplyEnvelope, type ValidRequest } from '../contract/index.ts';
import { NodeReadError, readNodeDetails } from '../kube/node-read.ts';
import type { WorkerDomain, WorkerDomainContext, WorkerDomainFactory } from './domain.ts';

/** One node described on demand (`kubectl describe node`): read live, nothing kept between reads. */
export class NodesService implements WorkerDomain {
  readonly methods = ['nodes.describe'] as const;

  constructor(private readonly context: WorkerDomainContext) {}

  async handle(request: ValidRequest): Promise<ReplyEnvelope> {
    const { id } = request;
    const { node } = request.params as { node: string };
    const access = this.context.cluster();
    if (!access) {
      return errorReply(
        id,
        contractError(
          'Unavailable',
          `No cluster is connected, so ${node} cannot be described.`,
          'Pick a context (or the demo cluster) in the Context menu at the top.',
        ),
      );
    }
    try {
      const result = await readNodeDetails(access, node, this.context.now);
      return { kind: 'reply', id, ok: true, result } as ReplyEnvelope;
    } catch (error) {
      if (error instanceof NodeReadError) return errorReply(id, contractError('ClusterError', error.message));
      throw error;
    }
  }
}

export const nodesDomain: WorkerDomainFactory = (context) => new NodesService(context);
