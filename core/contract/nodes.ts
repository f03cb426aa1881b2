import { z } from 'zod';

/**
 * One node as `kubectl describe node` shows it: read live from the API server when the node page
 * opens. methods.ts spreads these methods into the contract.
 */

/** At most this many pods are listed; the allocated sums still count every pod on the node. */
export const maxDescribedPods = 500;

export const nodeConditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  /** ISO time the condition last changed: "since when". */
  lastTransitionTime: z.string().optional(),
  lastHeartbeatTime: z.string().optional(),
  /** Ready not True, or a pressure / NetworkUnavailable True (core/kube/lifecycle isBadCondition). */
  bad: z.boolean(),
});
export type NodeCondition = z.infer<typeof nodeConditionSchema>;

export const nodeTaintSchema = z.object({
  key: z.string(),
  value: z.string().optional(),
  effect: z.string(),
});

/** status.nodeInfo; absent when the kubelet has not reported it (a node registering). */
export const nodeSystemInfoSchema = z.object({
  kubeletVersion: z.string(),
  osImage: z.string(),
  kernelVersion: z.string(),
  containerRuntimeVersion: z.string(),
  architecture: z.string(),
  operatingSystem: z.string(),
});

/** A pod holding resources on the node (kubectl's "Non-terminated Pods"): sums of its containers. */
export const nodePodSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  restarts: z.number().int().nonnegative(),
  cpuRequestMillis: z.number().nonnegative(),
  cpuLimitMillis: z.number().nonnegative(),
  memoryRequestBytes: z.number().nonnegative(),
  memoryLimitBytes: z.number().nonnegative(),
  /** Why the amounts are zero when the spec carries a quantity that does not parse. */
  problem: z.string().optional(),
});
export type NodePod = z.infer<typeof nodePodSchema>;

/** Requests and limits of all non-terminated pods against allocatable (kubectl's "Allocated resources"). */
const allocatedSchema = z.object({
  requests: z.number().nonnegative(),
  limits: z.number().nonnegative(),
  allocatable: z.number().nonnegative(),
});

export const nodeDetailsSchema = z.object({
  name: z.string(),
  /** Epoch ms of the read. */
  at: z.number(),
  /** ISO metadata.creationTimestamp (the node's age). */
  createdAt: z.string().optional(),
  unschedulable: z.boolean(),
  taints: z.array(nodeTaintSchema),
  conditions: z.array(nodeConditionSchema),
  info: nodeSystemInfoSchema.optional(),
  addresses: z.array(z.object({ type: z.string(), address: z.string() })),
  capacity: z.record(z.string(), z.string()),
  allocatable: z.record(z.string(), z.string()),
  labels: z.record(z.string(), z.string()),
  /** At most maxDescribedPods, by namespace then name. */
  pods: z.array(nodePodSchema),
  /** Every non-terminated pod on the node; more than pods.length when the list was cut. */
  podCount: z.number().int().nonnegative(),
  /** Why the pods could not be read (the node's own fields are still shown). */
  podsProblem: z.string().optional(),
  allocated: z.object({ cpuMillis: allocatedSchema, memoryBytes: allocatedSchema }),
});
export type NodeDetails = z.infer<typeof nodeDetailsSchema>;

/** kubectl's percentage of allocatable: truncated, 0 when nothing is allocatable. */
export function percentOfAllocatable(amount: number, allocatable: number): number {
  return allocatable > 0 ? Math.trunc((amount / allocatable) * 100) : 0;
}

export const nodesMethods = {
  /** One node read live from the API server, with the pods on it (`kubectl describe node`). */
  'nodes.describe': {
    params: z.object({ node: z.string().min(1).max(253) }).strict(),
    result: nodeDetailsSchema,
  },
} as const;
