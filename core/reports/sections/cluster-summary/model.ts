import { z } from 'zod';

/**
 * The cluster summary's data: the live snapshot (capacity, usage, health now) joined with the
 * history of the period (usage over time, what changed). Epoch ms for times; millicores and
 * bytes for quantities; null wherever the value is unknown (metrics missing, node gone).
 */

/** `gone`: in the period's history but not in the cluster now; `unknown`: no live snapshot yet. */
export const nodeHealths = ['healthy', 'not-ready', 'cordoned', 'no-metrics', 'gone', 'unknown'] as const;
export type NodeHealth = (typeof nodeHealths)[number];

export const changeKinds = [
  'appeared',
  'disappeared',
  'absent',
  'not-ready',
  'cordoned',
  'metrics-lost',
  'metrics-back',
  'emptied',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

const nullableNumber = z.number().nullable();

export const clusterTotalsSchema = z
  .object({
    nodes: z.number().int(),
    ready: z.number().int(),
    notReady: z.number().int(),
    cordoned: z.number().int(),
    cpuAllocatableMillis: z.number(),
    cpuUsedMillis: nullableNumber.describe('Sum over the nodes that report metrics; null when none do.'),
    memoryAllocatableBytes: z.number(),
    memoryUsedBytes: nullableNumber,
    pods: z.number().int(),
    podCapacity: z.number().int(),
  })
  .strict();
export type ClusterTotals = z.infer<typeof clusterTotalsSchema>;

export const nodePeriodStatsSchema = z
  .object({
    firstSeen: z.number(),
    lastSeen: z.number(),
    samples: z.number().int(),
    cpuMeanMillis: nullableNumber,
    cpuPeakMillis: nullableNumber,
    memoryMeanBytes: nullableNumber,
    memoryPeakBytes: nullableNumber,
  })
  .strict();
export type NodePeriodStats = z.infer<typeof nodePeriodStatsSchema>;

export const summaryNodeSchema = z
  .object({
    name: z.string(),
    roles: z.array(z.string()),
    health: z.enum(nodeHealths),
    ready: z.boolean().nullable().describe('Null for a node that is no longer in the cluster.'),
    cordoned: z.boolean().nullable(),
    cpuAllocatableMillis: nullableNumber,
    cpuUsedMillis: nullableNumber,
    memoryAllocatableBytes: nullableNumber,
    memoryUsedBytes: nullableNumber,
    pods: nullableNumber,
    podCapacity: nullableNumber,
    period: nodePeriodStatsSchema
      .nullable()
      .describe('Null when history holds no sample of it in the period.'),
  })
  .strict();
export type SummaryNode = z.infer<typeof summaryNodeSchema>;

export const clusterPointSchema = z
  .object({
    at: z.number(),
    cpuMillis: nullableNumber,
    memoryBytes: nullableNumber,
    pods: z.number(),
    nodes: z.number().int().describe('Nodes sampled in this bucket.'),
    measuredNodes: z.number().int().describe('Of those, how many reported metrics.'),
  })
  .strict();
export type ClusterPoint = z.infer<typeof clusterPointSchema>;

export const nodePointSchema = z
  .object({ at: z.number(), cpuMillis: nullableNumber, memoryBytes: nullableNumber, pods: z.number() })
  .strict();
export type NodePoint = z.infer<typeof nodePointSchema>;

export const nodeSeriesSchema = z.object({ node: z.string(), points: z.array(nodePointSchema) }).strict();
export type NodeSeries = z.infer<typeof nodeSeriesSchema>;

export const clusterChangeSchema = z
  .object({ at: z.number(), node: z.string(), kind: z.enum(changeKinds), detail: z.string() })
  .strict();
export type ClusterChange = z.infer<typeof clusterChangeSchema>;

export const clusterSummarySchema = z
  .object({
    snapshotAt: nullableNumber.describe('When the live snapshot was taken; null if none was yet.'),
    metricsAvailable: z.boolean(),
    history: z
      .object({
        available: z.boolean(),
        note: z.string().optional().describe('Why history is missing or partial, in words.'),
        coverage: z.object({ first: z.number(), last: z.number() }).strict().nullable(),
        bucketMs: z.number().int().positive().describe('Width of one point of the series.'),
      })
      .strict(),
    totals: clusterTotalsSchema,
    nodes: z.array(summaryNodeSchema),
    clusterSeries: z.array(clusterPointSchema),
    nodeSeries: z.array(nodeSeriesSchema).describe('The busiest nodes only; see nodeSeriesLimit.'),
    nodeSeriesLimit: z.number().int().positive(),
    changes: z.array(clusterChangeSchema),
    changesOmitted: z.number().int().nonnegative().describe('Changes left out beyond the list limit.'),
  })
  .strict();
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;
