import { z } from 'zod';

/**
 * Placement advice (issue 6): the requests and pushed events of this capability. methods.ts and
 * events.ts spread these tables into the contract, so the capability's schemas live in one file
 * of their own.
 */

const name = z.string().min(1).max(253);
const namespace = z.string().min(1).max(63);

/** What to place: a pending pod, a workload's pod template, or a pasted spec (YAML or JSON). */
export const placementSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pending'), namespace, name }).strict(),
  z
    .object({
      kind: z.literal('workload'),
      workloadKind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']),
      namespace,
      name,
    })
    .strict(),
  z.object({ kind: z.literal('spec'), text: z.string().max(256 * 1024) }).strict(),
]);
export type PlacementSource = z.infer<typeof placementSourceSchema>;

export const placedNodeSchema = z.object({
  name: z.string(),
  feasible: z.boolean(),
  /** kube-scheduler's filter messages for an excluded node ("Insufficient cpu"). */
  reasons: z.array(z.string()),
  /** Each plugin's normalized 0–100 score before weighting, by plugin name. */
  scores: z.record(z.string(), z.number()),
  /** Each plugin's score in plain words (the best nodes and kube-scheduler's pick). */
  explanations: z.record(z.string(), z.string()),
  kubeSchedulerTotal: z.number(),
  foresightTotal: z.number(),
  /** 1 = Foresight's advice; null for excluded nodes. */
  rank: z.number().int().positive().nullable(),
});
export type PlacedNodeInfo = z.infer<typeof placedNodeSchema>;

export const placementPluginSchema = z.object({
  name: z.string(),
  weight: z.number(),
  source: z.enum(['kube-scheduler', 'foresight']),
  active: z.boolean(),
  note: z.string().optional(),
});

/** Cordon a node that keeps failing; uncordon it once that advice has lapsed. */
export const nodeAdviceSchema = z.object({
  node: z.string(),
  action: z.enum(['cordon', 'uncordon']),
  /** Why, in plain words: how many failures in what window, the last one, when the advice lapses. */
  reasons: z.array(z.string()),
  /** When the advice began to hold (RFC 3339). */
  since: z.string(),
});
export type NodeAdviceInfo = z.infer<typeof nodeAdviceSchema>;

export const placementAnswerSchema = z.object({
  pod: z.string(),
  nodes: z.array(placedNodeSchema),
  kubeSchedulerChoice: z
    .object({ node: z.string(), total: z.number(), tiedWith: z.array(z.string()) })
    .nullable(),
  advice: z
    .object({
      node: z.string(),
      total: z.number(),
      /** 0–1: how much of Foresight's evidence took part times how clearly the node leads. */
      confidence: z.number().min(0).max(1),
      reasons: z.array(z.string()),
    })
    .nullable(),
  plugins: z.array(placementPluginSchema),
  /** For a pod that fits nowhere: kube-scheduler's message and what would have to change. */
  unschedulable: z.object({ message: z.string(), changes: z.array(z.string()) }).optional(),
  /**
   * Node-level advice from the nodes' failure history (empty without history). Optional only so
   * that answers recorded before it existed still read.
   */
  nodeAdvice: z.array(nodeAdviceSchema).optional(),
});
export type PlacementAnswerInfo = z.infer<typeof placementAnswerSchema>;

export const placementCandidatesSchema = z.object({
  /** Pods waiting for a node (no spec.nodeName, not finished). */
  pending: z.array(z.object({ namespace: z.string(), name: z.string() })),
  workloads: z.array(
    z.object({
      kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']),
      namespace: z.string(),
      name: z.string(),
    }),
  ),
});
export type PlacementCandidates = z.infer<typeof placementCandidatesSchema>;

/** How the advice fared (recorded per advised pending pod, resolved a day after placement). */
export const placementOutcomesSchema = z.object({
  advised: z.number().int(),
  placed: z.number().int(),
  followed: z.number().int(),
  resolvedFollowed: z.number().int(),
  disruptedFollowed: z.number().int(),
  resolvedIgnored: z.number().int(),
  disruptedIgnored: z.number().int(),
});
export type PlacementOutcomes = z.infer<typeof placementOutcomesSchema>;

export const placementMethods = {
  /** Pending pods and workloads the Placement page offers to place. */
  'placement.candidates': {
    params: z.object({}).strict(),
    result: placementCandidatesSchema,
  },
  /** Every node ranked for the pod, kube-scheduler's likely pick and Foresight's advice. */
  'placement.advise': {
    params: z.object({ source: placementSourceSchema }).strict(),
    result: placementAnswerSchema,
  },
  /**
   * Foresight's node advice for the cluster as it is now (cordon a node that keeps failing,
   * uncordon it once that lapses), without a pod to place: the same list `placement.advise` returns.
   */
  'placement.nodeAdvice': {
    params: z.object({}).strict(),
    result: z.array(nodeAdviceSchema),
  },
  /** Online learning's record: advice given, followed, and how pods fared a day later. */
  'placement.outcomes': {
    params: z.object({}).strict(),
    result: placementOutcomesSchema,
  },
} as const;

export const placementEvents = {} as const;
