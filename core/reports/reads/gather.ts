import type { MethodName, ParamsOf, ResultOf } from '../../contract/methods.ts';
import type {
  Answer,
  FeatureRead,
  FeatureReads,
  NodeRiskHistory,
  PendingPlacement,
  WorkloadAdvice,
} from './types.ts';

/** Asks the worker one contract question, as a page would; never throws. */
export type Ask = <M extends MethodName>(method: M, params: ParamsOf<M>) => Promise<Answer<ResultOf<M>>>;

/**
 * How a report reads the worker: contract questions, and placement advice for pending pods
 * without recording it (asking `placement.advise` would record advice nobody was shown on the
 * Placement page, and skew the outcome tracking).
 */
export interface WorkerReads {
  ask: Ask;
  pendingPlacement(limit: number): Promise<Answer<PendingPlacement>>;
}

/** The audit log read for a report: the contract's own ceiling. */
export const auditReadLimit = 1000;
/** Workloads advised in one report at most (advice runs a forecast per workload). */
export const maxAdvisedWorkloads = 60;
/** Nodes whose risk history a timeline reads at most: one query each. */
export const maxTimelineNodes = 1000;
/** Pending pods advised in one report at most (each ranks every node). */
export const maxAdvisedPods = 50;

/**
 * `catalog` reads only what tells whether a section can be built (cheap: the Reports page asks
 * on every visit); `build` also reads the heavy parts (scaling advice per workload, each node's
 * risk history).
 */
export type ReadDepth = 'catalog' | 'build';

async function scalingReads(ask: Ask, depth: ReadDepth): Promise<FeatureReads['scaling']> {
  const listed = await ask('scaling.workloads', {});
  if (!listed.ok) return listed;
  const workloads = listed.value.workloads.map(({ namespace, kind, name }) => ({ namespace, kind, name }));
  if (depth === 'catalog') return { ok: true, value: { workloads } };
  const advice: WorkloadAdvice[] = [];
  // One at a time: each advice is a forecast, and the worker has other work to do.
  for (const workload of workloads.slice(0, maxAdvisedWorkloads)) {
    advice.push({ workload, advice: await ask('scaling.advise', { workload }) });
  }
  return { ok: true, value: { workloads, advice } };
}

/** Each predicted node's history since `since`, the nodes in order of name. */
async function timelineReads(
  ask: Ask,
  risk: FeatureReads['risk'],
  since: number,
): Promise<FeatureReads['timeline']> {
  if (!risk?.ok) return risk ?? { ok: false, reason: 'node risk was not read' };
  const names = risk.value.risks.map((r) => r.node).sort();
  const nodes: NodeRiskHistory[] = [];
  for (const node of names.slice(0, maxTimelineNodes)) {
    const answer = await ask('risk.node', { node, since });
    if (!answer.ok) return answer;
    const { points, incidents } = answer.value;
    nodes.push({ node, points, incidents });
  }
  return { ok: true, value: { since, nodes, nodesLeftOut: Math.max(0, names.length - maxTimelineNodes) } };
}

export interface GatherOptions {
  depth: ReadDepth;
  /** Where the report's period starts: histories are read from here. */
  since: number;
}

/** Reads what the given features know, each once, for the sections that need them. */
async function placementReads(worker: WorkerReads, depth: ReadDepth): Promise<FeatureReads['placement']> {
  const candidates = await worker.ask('placement.candidates', {});
  if (!candidates.ok) return candidates;
  const pending = candidates.value.pending.length;
  if (depth === 'catalog' || pending === 0) return { ok: true, value: { pending } };
  const advice = await worker.pendingPlacement(maxAdvisedPods);
  return advice.ok ? { ok: true, value: { pending: advice.value.pending, advice: advice.value } } : advice;
}

export async function gatherReads(
  worker: WorkerReads,
  needs: ReadonlySet<FeatureRead>,
  { depth, since }: GatherOptions,
): Promise<FeatureReads> {
  const { ask } = worker;
  const reads: FeatureReads = {};
  if (needs.has('audit')) {
    // The catalog only needs to know the log can be read: one record says so.
    const answer = await ask('actions.audit', { limit: depth === 'catalog' ? 1 : auditReadLimit });
    reads.audit = answer.ok
      ? { ok: true, value: { records: answer.value.records, limit: auditReadLimit } }
      : answer;
  }
  if (needs.has('risk') || needs.has('timeline')) reads.risk = await ask('risk.nodes', {});
  if (needs.has('timeline') && depth === 'build')
    reads.timeline = await timelineReads(ask, reads.risk, since);
  if (needs.has('model')) reads.model = await ask('risk.model', {});
  if (needs.has('scaling')) reads.scaling = await scalingReads(ask, depth);
  if (needs.has('placement')) reads.placement = await placementReads(worker, depth);
  return reads;
}
