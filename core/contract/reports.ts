import { z } from 'zod';

/**
 * Reports: what the UI (and the CLI, through the same contract) may ask for when exporting a
 * report, and what comes back. The report's own content model lives in core/reports; the
 * contract only carries the finished file.
 */

/** Every section a report can hold, in report order. Sections land with their features. */
export const reportSectionIds = [
  'cluster-summary',
  'node-risk',
  'timeline',
  'placement',
  'scaling',
  'evaluation',
  'audit-log',
] as const;
export const reportSectionIdSchema = z.enum(reportSectionIds);
export type ReportSectionId = z.infer<typeof reportSectionIdSchema>;

export const reportFormats = ['html', 'pdf', 'csv', 'json'] as const;
export const reportFormatSchema = z.enum(reportFormats);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

/** The periods the Reports page offers; the CLI and the contract also take explicit bounds. */
export const reportPeriods = ['1h', '6h', '24h', '7d'] as const;
export const reportPeriodSchema = z.enum(reportPeriods);
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

const hourMs = 60 * 60 * 1000;
export const reportPeriodMs: Record<ReportPeriod, number> = {
  '1h': hourMs,
  '6h': 6 * hourMs,
  '24h': 24 * hourMs,
  '7d': 7 * 24 * hourMs,
};

/** Longest period a report may cover: history is not kept longer than this anyway. */
export const maxReportPeriodMs = 31 * 24 * hourMs;

export const reportsBuildParamsSchema = z
  .object({
    /** Chosen by the caller so it can tell its own `reportProgress` events from others'. */
    jobId: z.string().min(1).max(100).optional(),
    sections: z.array(reportSectionIdSchema).min(1).max(reportSectionIds.length),
    format: reportFormatSchema,
    /** A named period ending now; or `since` (and optionally `until`), epoch ms. Not both. */
    period: reportPeriodSchema.optional(),
    since: z.number().int().nonnegative().optional(),
    until: z.number().int().nonnegative().optional(),
  })
  .strict()
  .superRefine((params, context) => {
    if (params.period !== undefined && (params.since !== undefined || params.until !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'Give either a period or since/until, not both.',
      });
    }
    if (params.until !== undefined && params.since === undefined) {
      context.addIssue({ code: 'custom', path: ['since'], message: 'until needs since.' });
    }
    if (params.since !== undefined && params.until !== undefined) {
      if (params.until <= params.since) {
        context.addIssue({ code: 'custom', path: ['until'], message: 'until must be after since.' });
      } else if (params.until - params.since > maxReportPeriodMs) {
        context.addIssue({ code: 'custom', path: ['since'], message: 'A report covers at most 31 days.' });
      }
    }
    if (new Set(params.sections).size !== params.sections.length) {
      context.addIssue({ code: 'custom', path: ['sections'], message: 'A section is listed twice.' });
    }
  });
export type ReportsBuildParams = z.infer<typeof reportsBuildParamsSchema>;

export const reportsBuildResultSchema = z.object({
  /** A suggested file name, with the right extension (`.zip` for several CSV tables). */
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64: every transport carries JSON text. */
  base64: z.string(),
  bytes: z.number().int().nonnegative(),
  /** The sections the report holds (the requested ones that are available). */
  sections: z.array(reportSectionIdSchema),
  buildMs: z.number().nonnegative(),
});
export type ReportsBuildResult = z.infer<typeof reportsBuildResultSchema>;

export const reportSectionInfoSchema = z.object({
  id: reportSectionIdSchema,
  title: z.string(),
  description: z.string(),
  available: z.boolean(),
  /** Why it is not available yet, e.g. "available when node risk lands". */
  reason: z.string().optional(),
});
export type ReportSectionInfo = z.infer<typeof reportSectionInfoSchema>;

export const reportsCatalogResultSchema = z.object({ sections: z.array(reportSectionInfoSchema) });
export type ReportsCatalogResult = z.infer<typeof reportsCatalogResultSchema>;

/** Pushed while a report builds, so the UI can show a progress bar. */
export const reportProgressSchema = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  /** What it is doing now, in words: "Reading history", "Drawing the PDF". */
  stage: z.string(),
});
export type ReportProgress = z.infer<typeof reportProgressSchema>;
