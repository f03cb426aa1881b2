import { z } from 'zod';

/**
 * Scaling advice (issue 8): the requests and pushed events of this capability. methods.ts and
 * events.ts spread these tables into the contract, so the capability's schemas live in one file
 * of their own. Numbers that may be missing (a gap in history) are null.
 */

const name = z.string().min(1).max(253);
const namespace = z.string().min(1).max(63);
const confidence = z.enum(['low', 'medium', 'high']);
const maybe = z.number().nullable();

export const scalingWorkloadRefSchema = z
  .object({ namespace, kind: z.enum(['Deployment', 'StatefulSet']), name })
  .strict();
export type ScalingWorkloadRef = z.infer<typeof scalingWorkloadRefSchema>;

const resourceChange = z.object({ current: z.number(), recommended: z.number(), changePercent: z.number() });
const hourWindow = z.object({
  days: z.enum(['weekdays', 'weekends']),
  fromHour: z.number().int(),
  toHour: z.number().int(),
});

export const scalingAdviceSchema = z.object({
  workload: z.string(),
  kind: z.string(),
  confidence,
  replicas: z.object({ current: z.number(), neededNow: z.number(), predictive: z.number() }),
  /** Recommended HPA bounds and target. */
  hpa: z.object({ minReplicas: z.number(), maxReplicas: z.number(), targetUtilization: z.number() }),
  /** The workload's HPA as it is, or null when it has none. */
  currentHpa: z
    .object({
      name: z.string(),
      minReplicas: z.number(),
      maxReplicas: z.number(),
      targetUtilization: z.number(),
    })
    .nullable(),
  /** What was observed, oldest first (the chart's left part). */
  history: z.object({
    at: z.array(z.number()),
    cpuMillis: z.array(maybe),
    replicas: z.array(maybe),
    podCpuMillis: z.array(maybe),
    podMemoryBytes: z.array(maybe),
  }),
  forecast: z.object({
    startMs: z.number(),
    stepMs: z.number(),
    values: z.array(maybe),
    lower: z.array(maybe),
    upper: z.array(maybe),
    method: z.string(),
  }),
  schedule: z.object({
    weekdays: z.array(z.number()),
    weekends: z.array(z.number()),
    peaks: z.array(hourWindow),
    quiet: z.array(hourWindow),
    leadMinutes: z.number(),
    cronJobYaml: z.string(),
    kedaYaml: z.string(),
  }),
  rightSizing: z.object({
    cpuRequestMillis: resourceChange,
    memoryRequestBytes: resourceChange,
    memoryLimitBytes: resourceChange,
    severity: z.enum(['none', 'low', 'medium', 'high']),
    confidence,
    reasoning: z.string(),
  }),
  cost: z.object({
    currency: z.string(),
    today: z.number(),
    recommended: z.number(),
    monthlySavings: z.number(),
    scheduled: z.number(),
    fixedAtPeak: z.number(),
  }),
  recommendations: z.array(z.object({ kind: z.string(), confidence, explanation: z.string() })),
});
export type ScalingAdviceInfo = z.infer<typeof scalingAdviceSchema>;

/**
 * The optional LLM explanation of one workload's advice. `plain` is the advisor's own explanation
 * (always there, and what the LLM was given); `text` is the LLM's rewording when `status` is
 * 'written'. Otherwise `message` says why there is none and what to do. `unverifiedNumbers` are
 * numbers in `text` that the facts do not contain: the plain explanation is the one to trust.
 */
export const llmExplanationSchema = z.object({
  status: z.enum(['written', 'off', 'no-key', 'failed']),
  plain: z.array(z.string()),
  text: z.string().nullable(),
  model: z.string().nullable(),
  message: z.string().nullable(),
  unverifiedNumbers: z.array(z.string()),
});
export type LlmExplanation = z.infer<typeof llmExplanationSchema>;

export const scalingMethods = {
  /** Workloads with recorded usage in the last week (the Scaling page's list). */
  'scaling.workloads': {
    params: z.object({ namespace: namespace.optional() }).strict(),
    result: z.object({ workloads: z.array(scalingWorkloadRefSchema) }),
  },
  /** The advice for one workload: forecast, replicas, HPA bounds, schedule, right-sizing, cost. */
  'scaling.advise': {
    params: z.object({ workload: scalingWorkloadRefSchema }).strict(),
    result: scalingAdviceSchema,
  },
  /** The advice's explanation rewritten by an LLM (Settings → LLM explanations; off by default). */
  'scaling.explainWithLlm': {
    params: z.object({ workload: scalingWorkloadRefSchema }).strict(),
    result: llmExplanationSchema,
  },
} as const;

export const scalingEvents = {} as const;
