import { z } from 'zod';

/** What the UI knows about the connection to the cluster. */
export const connectionStates = ['connecting', 'connected', 'degraded', 'disconnected'] as const;

export const connectionStatusSchema = z.object({
  context: z.string(),
  server: z.string(),
  demo: z.boolean(),
  state: z.enum(connectionStates),
  /** Why the state is not `connected`, in words the user can act on. */
  message: z.string().optional(),
  /** Epoch ms of the last successful collection, if any. */
  lastSuccessAt: z.number().optional(),
  /** Epoch ms when the state last changed. */
  since: z.number(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** The state of the local history database. */
export const historyStatusSchema = z.object({
  state: z.enum(['ok', 'unavailable']),
  path: z.string(),
  message: z.string().optional(),
  retentionDays: z.number(),
  sampleCount: z.number(),
});
export type HistoryStatus = z.infer<typeof historyStatusSchema>;

/** One row of the Nodes table: live usage against capacity. */
export const nodeRowSchema = z.object({
  name: z.string(),
  ready: z.boolean(),
  unschedulable: z.boolean(),
  roles: z.array(z.string()),
  /** CPU in use, millicores; null when metrics are unavailable. */
  cpuMillis: z.number().nullable(),
  cpuAllocatableMillis: z.number(),
  /** Memory in use (working set), bytes; null when metrics are unavailable. */
  memoryBytes: z.number().nullable(),
  memoryAllocatableBytes: z.number(),
  pods: z.number(),
  podCapacity: z.number(),
  /** Bytes used on the node's root filesystem (kubelet Summary API); absent or null when unknown. */
  diskBytes: z.number().nullable().optional(),
  /** The node's root filesystem size, bytes (kubelet Summary API), when known. */
  diskCapacityBytes: z.number().optional(),
  /**
   * The fullest container on the node: working set over memory limit, of containers with a limit
   * (1 = at the limit, where the kernel OOM-kills); absent or null when unknown or none has one.
   */
  podMemoryPeak: z.number().nullable().optional(),
  /**
   * Errors per minute the node's network interfaces counted (kubelet Summary API rx/tx error
   * counters) since its previous reading; absent or null when unknown (the first reading).
   */
  nicErrorsPerMinute: z.number().nullable().optional(),
  /**
   * Hours until the container soonest to reach its memory limit reaches it, at its own 30-min
   * trend (kubelet Summary API, per container; 0 = at its limit); absent or null when unknown or
   * no container's memory is rising.
   */
  containerHoursToLimit: z.number().nullable().optional(),
  /** That container, as namespace/pod/container; absent when there is no such forecast. */
  containerNearestLimit: z.string().optional(),
});
export type NodeRow = z.infer<typeof nodeRowSchema>;

export const nodesSnapshotSchema = z.object({
  /** Epoch ms when the snapshot was collected. */
  at: z.number(),
  nodes: z.array(nodeRowSchema),
  /** False when metrics.k8s.io did not answer: usage columns are then null. */
  metricsAvailable: z.boolean(),
});
export type NodesSnapshot = z.infer<typeof nodesSnapshotSchema>;

export const nodeSamplePointSchema = z.object({
  at: z.number(),
  cpuMillis: z.number().nullable(),
  memoryBytes: z.number().nullable(),
  pods: z.number(),
  /** Root filesystem bytes used, where the kubelet reported it. */
  diskBytes: z.number().optional(),
  /** The fullest container's working set over its memory limit, where known. */
  podMemoryPeak: z.number().optional(),
  /** NIC errors per minute (kubelet Summary API rx/tx error counters), where known. */
  nicErrorsPerMinute: z.number().optional(),
  /** Hours until a container reaches its memory limit at its 30-min trend, where one is rising. */
  containerHoursToLimit: z.number().optional(),
});
export type NodeSamplePoint = z.infer<typeof nodeSamplePointSchema>;

export const appStatusSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  connection: connectionStatusSchema,
  history: historyStatusSchema,
});
export type AppStatus = z.infer<typeof appStatusSchema>;

/** Something that happened to a node or one of its pods (restart, OOMKill, eviction, condition…). */
export const lifecycleEventSchema = z.object({
  at: z.number(),
  kind: z.enum([
    'PodRestarted',
    'PodOOMKilled',
    'PodEvicted',
    'PodPhase',
    'PodScheduled',
    'PodDeleted',
    'NodeCondition',
    'NodeCordoned',
    'NodeUncordoned',
    'NodeAdded',
    'NodeRemoved',
    'KubeletStarted',
    'Warning',
  ]),
  node: z.string().optional(),
  namespace: z.string().optional(),
  pod: z.string().optional(),
  detail: z.string(),
});
export type LifecycleEventInfo = z.infer<typeof lifecycleEventSchema>;
