import { z } from 'zod';

/**
 * Placement advice for the pods waiting for a node when the report was made, as the Placement
 * page ranks them: Foresight's pick with its confidence and reasons, kube-scheduler's pick, the
 * best few nodes by score, and for a pod that fits nowhere what would have to change.
 */
export const rankedNodeSchema = z
  .object({
    node: z.string(),
    rank: z.number().int().positive(),
    foresightTotal: z.number(),
    kubeSchedulerTotal: z.number(),
  })
  .strict();

export const pendingPodSchema = z
  .object({
    namespace: z.string(),
    name: z.string(),
    advice: z
      .object({ node: z.string(), confidence: z.number(), reasons: z.array(z.string()) })
      .strict()
      .nullable()
      .describe('Foresight’s pick; null when no node fits or the pod could not be read.'),
    kubeScheduler: z
      .object({ node: z.string(), tiedWith: z.array(z.string()) })
      .strict()
      .nullable()
      .describe('Where kube-scheduler’s own plugins would put it.'),
    feasibleNodes: z.number().int(),
    nodes: z.number().int(),
    best: z.array(rankedNodeSchema).describe('The best-ranked nodes, at most bestNodes.'),
    unschedulable: z
      .object({ message: z.string(), changes: z.array(z.string()) })
      .strict()
      .nullable(),
    problem: z.string().nullable().describe('Why there is no ranking (the pod went away, say).'),
  })
  .strict();
export type PendingPod = z.infer<typeof pendingPodSchema>;

export const placementSectionSchema = z
  .object({
    pending: z.number().int().describe('Pods pending when the report was made.'),
    pods: z.array(pendingPodSchema),
    leftOut: z.number().int().nonnegative().describe('Pending pods beyond the advice limit.'),
  })
  .strict();
export type PlacementSection = z.infer<typeof placementSectionSchema>;
