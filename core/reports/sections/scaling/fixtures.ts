import type { ScalingAdviceInfo, ScalingWorkloadRef } from '../../../contract/scaling.ts';
import type { FeatureReads } from '../../reads/types.ts';

const mi = 1024 ** 2;

/** Advice as the scaling domain answers it, with the parts a report leaves out filled in. */
function advice(
  ref: ScalingWorkloadRef,
  cost: { today: number; recommended: number },
  overrides: Partial<ScalingAdviceInfo> = {},
): ScalingAdviceInfo {
  return {
    workload: ref.name,
    kind: ref.kind,
    confidence: 'medium',
    replicas: { current: 6, neededNow: 4, predictive: 5 },
    hpa: { minReplicas: 2, maxReplicas: 9, targetUtilization: 70 },
    currentHpa: null,
    history: { at: [1], cpuMillis: [1], replicas: [1], podCpuMillis: [1], podMemoryBytes: [1] },
    forecast: { startMs: 0, stepMs: 300_000, values: [1], lower: [1], upper: [1], method: 'seasonal' },
    schedule: {
      weekdays: Array(24).fill(3),
      weekends: Array(24).fill(2),
      peaks: [],
      quiet: [],
      leadMinutes: 10,
      cronJobYaml: 'kind: CronJob # not in reports',
      kedaYaml: 'kind: ScaledObject # not in reports',
    },
    rightSizing: {
      cpuRequestMillis: { current: 500, recommended: 250, changePercent: -50 },
      memoryRequestBytes: { current: 512 * mi, recommended: 384 * mi, changePercent: -25 },
      memoryLimitBytes: { current: 0, recommended: 768 * mi, changePercent: 0 },
      severity: 'high',
      confidence: 'high',
      reasoning: 'p95 CPU is 180m against a 500m request.',
    },
    cost: {
      currency: 'USD',
      today: cost.today,
      recommended: cost.recommended,
      monthlySavings: Math.round((cost.today - cost.recommended) * 100) / 100,
      scheduled: cost.recommended,
      fixedAtPeak: cost.recommended * 1.5,
    },
    recommendations: [
      { kind: 'right-size', confidence: 'high', explanation: 'Lower the CPU request to 250m.' },
    ],
    ...overrides,
  };
}

export const storyWorkloads: ScalingWorkloadRef[] = [
  { namespace: 'shop', kind: 'Deployment', name: 'web' },
  { namespace: 'shop', kind: 'Deployment', name: 'checkout' },
  { namespace: 'data', kind: 'StatefulSet', name: 'db' },
  { namespace: 'shop', kind: 'Deployment', name: 'new-thing' },
];

/** Three advised workloads (savings 30, 120 and -5 USD) and one too new for advice. */
export function storyScalingReads(): FeatureReads['scaling'] {
  const [web, checkout, db, fresh] = storyWorkloads as [
    ScalingWorkloadRef,
    ScalingWorkloadRef,
    ScalingWorkloadRef,
    ScalingWorkloadRef,
  ];
  return {
    ok: true,
    value: {
      workloads: storyWorkloads,
      advice: [
        { workload: web, advice: { ok: true, value: advice(web, { today: 100, recommended: 70 }) } },
        {
          workload: checkout,
          advice: {
            ok: true,
            value: advice(
              checkout,
              { today: 300, recommended: 180 },
              { currentHpa: { name: 'checkout', minReplicas: 3, maxReplicas: 12, targetUtilization: 80 } },
            ),
          },
        },
        {
          workload: db,
          advice: {
            ok: true,
            value: advice(
              db,
              { today: 50, recommended: 55 },
              {
                rightSizing: {
                  ...advice(db, { today: 0, recommended: 0 }).rightSizing,
                  severity: 'none',
                  cpuRequestMillis: { current: 1000, recommended: 1100, changePercent: 10 },
                },
              },
            ),
          },
        },
        {
          workload: fresh,
          advice: {
            ok: false,
            reason: 'Only 2 five-minute buckets of usage are recorded for shop/new-thing; advice needs 6.',
          },
        },
      ],
    },
  };
}
