import { z } from 'zod';

/**
 * How well the risk model in use predicts, as the Model page shows it: the model beside the rules
 * baseline on each evaluation dataset (areas under the curves, incidents warned, lead time,
 * false alarms), the confusion matrix at the alarm threshold, precision and recall per kind of
 * trouble, the ROC and precision-recall curves, and which features matter most.
 */
const nullableNumber = z.number().nullable();

export const curvePointSchema = z.object({ x: z.number(), y: z.number() }).strict();

export const scorerResultSchema = z
  .object({
    points: z.number().int().describe('Prediction points evaluated.'),
    positives: z.number().int().describe('Of those, points an incident followed within the horizon.'),
    rocAuc: nullableNumber,
    prAuc: nullableNumber.describe('Point-level precision-recall area.'),
    incidentPrAuc: nullableNumber.describe(
      'Incident-level: warned incidents against alarms that one followed.',
    ),
    roc: z.array(curvePointSchema).describe('x: false positive rate, y: true positive rate (thinned).'),
    pr: z.array(curvePointSchema).describe('x: recall, y: precision (thinned).'),
    confusion: z
      .object({
        threshold: z.number(),
        tp: z.number().int(),
        fp: z.number().int(),
        tn: z.number().int(),
        fn: z.number().int(),
      })
      .strict(),
    perKind: z.array(
      z
        .object({
          kind: z.string(),
          precision: z.number(),
          recall: z.number(),
          f1: z.number(),
          support: z.number().int(),
        })
        .strict(),
    ),
    alarms: z
      .object({
        threshold: z.number(),
        incidents: z.number().int(),
        warned: z.number().int(),
        medianLeadMinutes: nullableNumber,
        falseAlarms: z.number().int(),
        nodeDays: z.number(),
        falseAlarmsPerNodeDay: z.number(),
      })
      .strict(),
  })
  .strict();
export type ScorerResult = z.infer<typeof scorerResultSchema>;

export const evaluationRunSchema = z
  .object({
    dataset: z.string().describe('What it was evaluated on, in words.'),
    model: scorerResultSchema,
    baseline: scorerResultSchema.describe('The rules baseline on the same data.'),
  })
  .strict();
export type EvaluationRun = z.infer<typeof evaluationRunSchema>;

export const evaluationSectionSchema = z
  .object({
    origin: z.enum(['default', 'trained']).describe('The shipped model, or one trained on this cluster.'),
    trainedAt: nullableNumber,
    trainedOn: z.string(),
    threshold: z.number().describe('The probability at or above which the model alarms.'),
    featureCount: z.number().int(),
    runs: z.array(evaluationRunSchema),
    importance: z
      .array(z.object({ feature: z.string(), prAucDrop: z.number() }).strict())
      .describe('Permutation importance: how much PR-AUC drops without the feature, largest first.'),
    feedback: z.object({ useful: z.number().int(), falseAlarm: z.number().int() }).strict(),
    decisions: z
      .array(z.object({ at: z.number(), replaced: z.boolean(), reason: z.string() }).strict())
      .describe('Champion/challenger decisions, newest first.'),
  })
  .strict();
export type EvaluationSection = z.infer<typeof evaluationSectionSchema>;
