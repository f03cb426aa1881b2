import type { ScalingAdviceInfo, ScalingWorkloadRef } from '../../../contract/scaling.ts';
import { maxAdvisedWorkloads } from '../../reads/gather.ts';
import type { ReportSource } from '../../source.ts';
import { answered } from '../availability.ts';
import type { ScalingSection, ScalingWorkload, UnadvisedWorkload } from './model.ts';

const cents = (n: number) => Math.round(n * 100) / 100;

function workloadOf(ref: ScalingWorkloadRef, advice: ScalingAdviceInfo): ScalingWorkload {
  const { rightSizing: r, cost: c } = advice;
  return {
    ...ref,
    confidence: advice.confidence,
    replicas: { ...advice.replicas },
    hpa: { ...advice.hpa },
    currentHpa: advice.currentHpa ? { ...advice.currentHpa } : null,
    cpuRequestMillis: { ...r.cpuRequestMillis },
    memoryRequestBytes: { ...r.memoryRequestBytes },
    memoryLimitBytes: { ...r.memoryLimitBytes },
    rightSizing: { severity: r.severity, confidence: r.confidence, reasoning: r.reasoning },
    cost: {
      today: c.today,
      recommended: c.recommended,
      monthlySavings: c.monthlySavings,
      scheduled: c.scheduled,
      fixedAtPeak: c.fixedAtPeak,
    },
    recommendations: advice.recommendations.map(({ kind, confidence, explanation }) => ({
      kind,
      confidence,
      explanation,
    })),
  };
}

/**
 * Every workload the Scaling page lists, advised as it advises it; those it cannot advise yet
 * (too little usage recorded) or that the report left out are listed with the reason.
 */
export function collectScaling(source: ReportSource): ScalingSection {
  const { workloads, advice = [] } = answered(source.reads?.scaling, 'Scaling advice');
  const advised: ScalingWorkload[] = [];
  const unadvised: UnadvisedWorkload[] = [];
  let currency: string | null = null;
  for (const { workload, advice: answer } of advice) {
    if (answer.ok) {
      advised.push(workloadOf(workload, answer.value));
      currency ??= answer.value.cost.currency;
    } else unadvised.push({ ...workload, reason: answer.reason });
  }
  for (const workload of workloads.slice(advice.length)) {
    unadvised.push({
      ...workload,
      reason: `left out: a report advises ${maxAdvisedWorkloads} workloads at most; see the Scaling page`,
    });
  }
  advised.sort(
    (a, b) =>
      b.cost.monthlySavings - a.cost.monthlySavings ||
      `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
  const sum = (pick: (w: ScalingWorkload) => number) => cents(advised.reduce((t, w) => t + pick(w), 0));
  return {
    currency,
    workloads: advised,
    unadvised,
    totals: {
      today: sum((w) => w.cost.today),
      recommended: sum((w) => w.cost.recommended),
      monthlySavings: sum((w) => w.cost.monthlySavings),
    },
  };
}
