import { z } from 'zod';
import { riskKinds, riskLevels } from '../../../contract/risk.ts';

/**
 * Each node's live risk, as the Nodes page shows it: level, the model's probability (or which
 * alarm raised the level when the rules or the streaming detector did), the kind of trouble
 * expected, the lead time and the reasons in plain words.
 */
export const nodeRiskEntrySchema = z
  .object({
    node: z.string(),
    at: z.number().describe('Epoch ms of the prediction.'),
    level: z.enum(riskLevels),
    probability: z
      .number()
      .min(0)
      .max(1)
      .describe('The model’s probability of an incident within its horizon.'),
    figure: z.string().describe('The probability, or which alarm raised the level, for people.'),
    kind: z.enum(riskKinds).nullable(),
    leadTimeMinutes: z
      .number()
      .nullable()
      .describe('Expected minutes until the incident, when one is expected.'),
    reasons: z.array(z.string()).describe('Most important first.'),
    source: z.enum(['model', 'detector', 'rules']),
  })
  .strict();
export type NodeRiskEntry = z.infer<typeof nodeRiskEntrySchema>;

export const nodeRiskSectionSchema = z
  .object({
    predictedAt: z.number().nullable().describe('When the latest round of predictions ran.'),
    nodes: z.array(nodeRiskEntrySchema).describe('Most at risk first.'),
    counts: z
      .object({ healthy: z.number().int(), caution: z.number().int(), atRisk: z.number().int() })
      .strict(),
  })
  .strict();
export type NodeRiskSection = z.infer<typeof nodeRiskSectionSchema>;
