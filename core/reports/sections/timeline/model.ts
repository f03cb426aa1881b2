import { z } from 'zod';
import { riskKinds, riskLevels } from '../../../contract/risk.ts';

/**
 * The period as Foresight saw it, node by node: its risk predictions (the probability, and the
 * level each time it changed) beside the incidents that happened, so a reader can tell what was
 * foreseen, and how early, from what came unannounced.
 */
export const timelinePointSchema = z
  .object({ at: z.number(), probability: z.number(), level: z.enum(riskLevels) })
  .strict();

export const timelineIncidentSchema = z
  .object({
    node: z.string(),
    startMs: z.number(),
    lastMs: z.number(),
    kind: z.enum(riskKinds),
    what: z.string(),
    warnedAt: z
      .number()
      .nullable()
      .describe(
        'When the node was last raised to at-risk before the incident began (within 2 h); null if not.',
      ),
  })
  .strict();
export type TimelineIncident = z.infer<typeof timelineIncidentSchema>;

export const levelChangeSchema = z
  .object({
    node: z.string(),
    at: z.number(),
    from: z.enum(riskLevels).nullable().describe('Null for the first prediction of the period.'),
    to: z.enum(riskLevels),
    probability: z.number(),
  })
  .strict();
export type LevelChange = z.infer<typeof levelChangeSchema>;

export const timelineNodeSchema = z
  .object({ node: z.string(), points: z.array(timelinePointSchema).describe('Thinned to maxPointsPerNode.') })
  .strict();
export type TimelineNode = z.infer<typeof timelineNodeSchema>;

export const timelineSectionSchema = z
  .object({
    nodes: z.array(timelineNodeSchema).describe('Nodes with a prediction or an incident in the period.'),
    changes: z.array(levelChangeSchema).describe('Risk level changes, oldest first.'),
    incidents: z.array(timelineIncidentSchema).describe('Oldest first.'),
    nodesLeftOut: z.number().int().nonnegative().describe('Nodes whose history was not read (limit).'),
  })
  .strict();
export type TimelineSection = z.infer<typeof timelineSectionSchema>;
