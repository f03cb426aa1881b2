import type { NodesSnapshot } from '../contract/index.ts';
import { printableServer } from '../kube/printable-server.ts';
import type { NodeBucket, NodeSpan, TimeRange } from '../history/node-sample-queries.ts';
import type { FeatureReads } from './reads/types.ts';

export type { NodeBucket, NodeSpan, TimeRange };

/** Which cluster a report is about. Names and the server address only: never credentials. */
export interface ReportCluster {
  /** The kubeconfig's cluster entry name. */
  name: string;
  context: string;
  /** The API server address, without any user-info or query it may carry. */
  server: string;
  demo: boolean;
}

/** The history reads a report needs; the worker passes its own store's queries. */
export interface ReportHistoryReads {
  coverage(range: TimeRange): { first: number; last: number } | null;
  nodeBuckets(range: TimeRange, bucketMs: number): NodeBucket[];
  nodeSpans(range: TimeRange): NodeSpan[];
}

/**
 * Everything a report may read, and nothing else. It runs in the worker, which owns the
 * database; the kubeconfig never reaches it, so no report can leak what is in there.
 */
export interface ReportSource {
  cluster: ReportCluster;
  /** The live snapshot, or null before the first successful collection. */
  snapshot: NodesSnapshot | null;
  /** Undefined when the history database cannot be used; `historyProblem` then says why. */
  history: ReportHistoryReads | undefined;
  historyProblem?: string;
  /** What risk, scaling and actions know, as their pages show it (only what the sections need). */
  reads?: FeatureReads;
  /** Foresight's version, printed on the report. */
  version: string;
}

export { printableServer };
