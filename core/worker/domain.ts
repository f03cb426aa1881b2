import type { KubeConfig } from '@kubernetes/client-node';
import type {
  EventName,
  MethodName,
  NodeRisk,
  NodesSnapshot,
  PayloadOf,
  ReplyEnvelope,
  ValidRequest,
} from '../contract/index.ts';
import type { ClusterReader } from '../kube/cluster-client.ts';
import type { HistoryStore } from '../history/store.ts';
import type { WorkerConfig } from './config.ts';

/** The connected cluster, for domains that read more than the snapshot or write to it. */
export interface ClusterAccess {
  readonly kubeConfig: KubeConfig;
  readonly context: string;
  readonly server: string;
  readonly demo: boolean;
  readonly reader: ClusterReader;
}

/**
 * What the worker lends a domain (risk, placement, actions, scaling): the clock, the latest
 * collection, the history database (the worker's one writer: domains add their own tables
 * through migrations and write through this connection) and a way to push events.
 */
export interface WorkerDomainContext {
  readonly config: WorkerConfig;
  now(): number;
  /** The latest successful collection, or undefined before the first one. */
  snapshot(): NodesSnapshot | undefined;
  /** The open history database, or undefined while it cannot be opened (say so in replies). */
  history(): HistoryStore | undefined;
  /** Why history() is undefined, in words for the user. */
  historyProblem(): string;
  /** The connected cluster, or undefined while the kubeconfig cannot be loaded. */
  cluster(): ClusterAccess | undefined;
  push<E extends EventName>(name: E, payload: PayloadOf<E>): void;
  /** The latest risk per node (empty until the risk domain has predicted). */
  nodeRisks(): ReadonlyMap<string, NodeRisk>;
  /** The risk domain publishes each round of predictions here for placement and the autopilot. */
  publishNodeRisks(risks: readonly NodeRisk[]): void;
}

/** A capability the worker serves: the contract methods it answers and what it does per cycle. */
export interface WorkerDomain {
  /** What the user loses when its afterCollect fails, in their words ("Risk predictions"). */
  readonly title?: string;
  readonly methods: readonly MethodName[];
  handle(request: ValidRequest): ReplyEnvelope | Promise<ReplyEnvelope>;
  /** Runs after each successful collection (inference, autopilot); errors are the domain's own. */
  afterCollect?(snapshot: NodesSnapshot): void | Promise<void>;
  stop?(): void | Promise<void>;
}

export type WorkerDomainFactory = (context: WorkerDomainContext) => WorkerDomain;
