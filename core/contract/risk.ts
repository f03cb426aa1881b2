import { z } from 'zod';

/**
 * Node risk and early warning (issue 5): the requests and pushed events of this capability.
 * methods.ts and events.ts spread these tables into the contract.
 */

export const riskLevels = ['healthy', 'caution', 'at-risk'] as const;

/** The kinds of trouble a prediction can expect. */
export const riskKinds = ['resource-exhaustion', 'pod-failures', 'network', 'node-down'] as const;
export type RiskKind = (typeof riskKinds)[number];
export type RiskLevel = (typeof riskLevels)[number];

/** One node's current risk: what placement, the autopilot and the UI all read. */
export const nodeRiskSchema = z.object({
  node: z.string(),
  /** Epoch ms of the prediction. */
  at: z.number(),
  level: z.enum(riskLevels),
  /** Probability of an incident within the horizon, 0–1. */
  probability: z.number().min(0).max(1),
  /** The most likely kind of trouble; absent when the node is healthy. */
  kind: z.enum(riskKinds).optional(),
  /** Expected minutes until the incident, when one is expected. */
  leadTimeMinutes: z.number().nonnegative().optional(),
  /** Top reasons in plain words, most important first. */
  reasons: z.array(z.string()),
  /** What produced it: the trained model, the streaming detector or the rules baseline. */
  source: z.enum(['model', 'detector', 'rules']),
});
export type NodeRisk = z.infer<typeof nodeRiskSchema>;

export const riskMethods = {} as const;

export const riskEvents = {} as const;
