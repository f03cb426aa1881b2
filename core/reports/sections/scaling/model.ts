import { z } from 'zod';

/**
 * Scaling and right-sizing: per workload, what the Scaling page advises (replicas now and ahead,
 * HPA bounds, requests, the cost a month today and as recommended). Money is in `currency` a
 * month; CPU in millicores, memory in bytes.
 */
const confidence = z.enum(['low', 'medium', 'high']);

const requestChange = z
  .object({
    current: z.number().describe('0 when not set.'),
    recommended: z.number(),
    changePercent: z.number(),
  })
  .strict();

const hpaBounds = z
  .object({
    minReplicas: z.number(),
    maxReplicas: z.number(),
    targetUtilization: z.number().describe('CPU utilisation target, percent.'),
  })
  .strict();

export const scalingWorkloadSchema = z
  .object({
    namespace: z.string(),
    kind: z.string(),
    name: z.string(),
    confidence,
    replicas: z.object({ current: z.number(), neededNow: z.number(), predictive: z.number() }).strict(),
    hpa: hpaBounds.describe('The recommended HPA.'),
    currentHpa: hpaBounds.extend({ name: z.string() }).strict().nullable(),
    cpuRequestMillis: requestChange,
    memoryRequestBytes: requestChange,
    memoryLimitBytes: requestChange,
    rightSizing: z
      .object({ severity: z.enum(['none', 'low', 'medium', 'high']), confidence, reasoning: z.string() })
      .strict(),
    cost: z
      .object({
        today: z.number(),
        recommended: z.number(),
        monthlySavings: z.number(),
        scheduled: z.number(),
        fixedAtPeak: z.number(),
      })
      .strict(),
    recommendations: z
      .array(z.object({ kind: z.string(), confidence, explanation: z.string() }).strict())
      .describe('In the advisor’s words, as the Scaling page shows them.'),
  })
  .strict();
export type ScalingWorkload = z.infer<typeof scalingWorkloadSchema>;

export const unadvisedWorkloadSchema = z
  .object({ namespace: z.string(), kind: z.string(), name: z.string(), reason: z.string() })
  .strict();
export type UnadvisedWorkload = z.infer<typeof unadvisedWorkloadSchema>;

export const scalingSectionSchema = z
  .object({
    currency: z.string().nullable().describe('Of every cost; null when no workload was advised.'),
    workloads: z.array(scalingWorkloadSchema).describe('Largest monthly saving first.'),
    unadvised: z.array(unadvisedWorkloadSchema).describe('Workloads with usage but no advice, and why.'),
    totals: z
      .object({ today: z.number(), recommended: z.number(), monthlySavings: z.number() })
      .strict()
      .describe('Sums over the advised workloads, a month.'),
  })
  .strict();
export type ScalingSection = z.infer<typeof scalingSectionSchema>;
