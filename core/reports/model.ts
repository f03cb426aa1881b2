import { z } from 'zod';
import { reportSectionIdSchema } from '../contract/reports.ts';
import { auditLogSchema } from './sections/audit-log/model.ts';
import { clusterSummarySchema } from './sections/cluster-summary/model.ts';
import { evaluationSectionSchema } from './sections/evaluation/model.ts';
import { nodeRiskSectionSchema } from './sections/node-risk/model.ts';
import { placementSectionSchema } from './sections/placement/model.ts';
import { scalingSectionSchema } from './sections/scaling/model.ts';
import { timelineSectionSchema } from './sections/timeline/model.ts';

/**
 * The one model every format is built from. The JSON export is this model as it is, so its
 * schema (report-data.schema.json, generated from this file) is a published interface: bump
 * `reportSchemaVersion` on any change that is not purely additive.
 */
export const reportSchemaVersion = 1;

export const reportClusterSchema = z
  .object({
    name: z.string().describe('The kubeconfig cluster entry name.'),
    context: z.string(),
    server: z.string().describe('API server address, without user-info or query.'),
    demo: z.boolean(),
  })
  .strict();

export const reportRangeSchema = z
  .object({
    since: z.number().describe('Epoch ms, inclusive.'),
    until: z.number().describe('Epoch ms, exclusive.'),
    label: z.string().describe('How the period was asked for, e.g. "last 24 h".'),
  })
  .strict();
export type ReportRange = z.infer<typeof reportRangeSchema>;

/** Sections the report holds, by id. A section's key appears here when its feature has landed. */
export const reportSectionsSchema = z
  .object({
    'cluster-summary': clusterSummarySchema.optional(),
    'node-risk': nodeRiskSectionSchema.optional(),
    timeline: timelineSectionSchema.optional(),
    placement: placementSectionSchema.optional(),
    scaling: scalingSectionSchema.optional(),
    evaluation: evaluationSectionSchema.optional(),
    'audit-log': auditLogSchema.optional(),
  })
  .strict();
export type ReportSections = z.infer<typeof reportSectionsSchema>;

export const omittedSectionSchema = z
  .object({ id: reportSectionIdSchema, title: z.string(), reason: z.string() })
  .strict();
export type OmittedSection = z.infer<typeof omittedSectionSchema>;

export const reportDataSchema = z
  .object({
    schemaVersion: z.literal(reportSchemaVersion),
    title: z.string(),
    generatedAt: z.number().describe('Epoch ms.'),
    generator: z.object({ name: z.literal('Foresight'), version: z.string() }).strict(),
    cluster: reportClusterSchema,
    period: reportRangeSchema,
    sections: reportSectionsSchema,
    omitted: z.array(omittedSectionSchema).describe('Sections asked for that are not available yet.'),
  })
  .strict()
  .meta({
    title: 'Foresight report',
    description:
      'A Foresight cluster report: cluster summary and, as features land, risk, timeline, placement, scaling, evaluation and audit sections.',
  });
export type ReportData = z.infer<typeof reportDataSchema>;
