import type { MethodName, ParamsOf, ResultOf } from '../../contract/methods.ts';
import type { Answer, FeatureRead, FeatureReads, WorkloadAdvice } from './types.ts';

/** Asks the worker one contract question, as a page would; never throws. */
export type Ask = <M extends MethodName>(method: M, params: ParamsOf<M>) => Promise<Answer<ResultOf<M>>>;

/** The audit log read for a report: the contract's own ceiling. */
export const auditReadLimit = 1000;
/** Workloads advised in one report at most (advice runs a forecast per workload). */
export const maxAdvisedWorkloads = 60;

/**
 * `catalog` reads only what tells whether a section can be built (cheap: the Reports page asks
 * on every visit); `build` also reads the heavy parts (scaling advice per workload).
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

/** Reads what the given features know, each once, for the sections that need them. */
export async function gatherReads(
  ask: Ask,
  needs: ReadonlySet<FeatureRead>,
  depth: ReadDepth,
): Promise<FeatureReads> {
  const reads: FeatureReads = {};
  if (needs.has('audit')) {
    const answer = await ask('actions.audit', { limit: auditReadLimit });
    reads.audit = answer.ok
      ? { ok: true, value: { records: answer.value.records, limit: auditReadLimit } }
      : answer;
  }
  if (needs.has('risk')) reads.risk = await ask('risk.nodes', {});
  if (needs.has('model')) reads.model = await ask('risk.model', {});
  if (needs.has('scaling')) reads.scaling = await scalingReads(ask, depth);
  return reads;
}
