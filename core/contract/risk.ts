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

/**
 * A risk's figure for people: the model's probability, or which alarm raised the level when
 * the rules (something plainly wrong now) or the streaming detector (a node too new for the
 * model) did — a percentage beside "at risk" would then be another scorer's and contradict it.
 */
export function riskFigure(risk: Pick<NodeRisk, 'probability' | 'source'>): string {
  if (risk.source === 'model') return `${Math.round(risk.probability * 100)}%`;
  return risk.source === 'rules' ? 'flagged by the rules' : 'flagged by the streaming detector';
}

/** Something the risk domain noticed, for the live event stream, with its reasoning. */
export const riskEventTypes = [
  'risk-detected',
  'risk-cleared',
  'incident-observed',
  'node-recovering',
  'action-taken',
] as const;

export const riskEventSchema = z.object({
  at: z.number(),
  node: z.string(),
  type: z.enum(riskEventTypes),
  level: z.enum(riskLevels).optional(),
  probability: z.number().min(0).max(1).optional(),
  kind: z.enum(riskKinds).optional(),
  /** One line for the stream. */
  message: z.string(),
  /** Why, in plain words. */
  reasons: z.array(z.string()),
});
export type RiskEvent = z.infer<typeof riskEventSchema>;

/** Areas are null where undefined (no positives in the data). */
const curveSchema = z.object({
  points: z.array(z.object({ x: z.number(), y: z.number(), threshold: z.number() })),
  auc: z.number().nullable(),
});

/** How one scorer (the model or the rules) did on one dataset. */
export const scorerEvaluationSchema = z.object({
  points: z.number(),
  positives: z.number(),
  roc: curveSchema,
  /** Point-level: each prediction point against "an incident within the horizon". */
  pr: curveSchema,
  /** Incident-level: warned incidents against alarms that an incident followed (absent in old models). */
  incidentPr: curveSchema.optional(),
  confusion: z.object({
    threshold: z.number(),
    tp: z.number(),
    fp: z.number(),
    tn: z.number(),
    fn: z.number(),
  }),
  perClass: z.array(
    z.object({
      label: z.string(),
      precision: z.number(),
      recall: z.number(),
      f1: z.number(),
      support: z.number(),
    }),
  ),
  calibration: z.array(
    z.object({
      from: z.number(),
      to: z.number(),
      count: z.number(),
      meanPredicted: z.number(),
      observedRate: z.number(),
    }),
  ),
  alarms: z.object({
    threshold: z.number(),
    incidents: z.number(),
    warned: z.number(),
    leadMinutes: z.array(z.number()),
    medianLeadMinutes: z.number().nullable(),
    trueAlarms: z.number().optional(),
    falseAlarms: z.number(),
    nodeDays: z.number(),
    falseAlarmsPerNodeDay: z.number(),
  }),
});
export type ScorerEvaluationData = z.infer<typeof scorerEvaluationSchema>;

export const modelEvaluationSchema = z.object({
  /** What it was evaluated on, in words ("held-out simulator seeds 101,102, every family"). */
  dataset: z.string(),
  model: scorerEvaluationSchema,
  baseline: scorerEvaluationSchema,
});
export type ModelEvaluation = z.infer<typeof modelEvaluationSchema>;

/** The model in use: where it came from, when it was trained and on what, and how well it does. */
export const riskModelInfoSchema = z.object({
  /** 'default' is the model shipped with the app; 'trained' one trained on this cluster. */
  origin: z.enum(['default', 'trained', 'none']),
  /** Epoch ms; null for the shipped model (its training data is described instead). */
  trainedAt: z.number().nullable(),
  trainedOn: z.string(),
  threshold: z.number(),
  featureNames: z.array(z.string()),
  evaluations: z.array(modelEvaluationSchema),
  importance: z.array(z.object({ feature: z.string(), prAucDrop: z.number() })),
  /** Feedback given so far, by verdict. */
  feedback: z.object({ useful: z.number(), falseAlarm: z.number() }),
  /** Champion/challenger decisions, newest first. */
  decisions: z.array(z.object({ at: z.number(), replaced: z.boolean(), reason: z.string() })),
});
export type RiskModelInfo = z.infer<typeof riskModelInfoSchema>;

export const riskPointSchema = z.object({
  at: z.number(),
  probability: z.number().min(0).max(1),
  level: z.enum(riskLevels),
});

export const riskIncidentSchema = z.object({
  startMs: z.number(),
  lastMs: z.number(),
  kind: z.enum(riskKinds),
  what: z.string(),
});
export type RiskIncident = z.infer<typeof riskIncidentSchema>;

const nodeName = z.string().min(1).max(253);

export const riskMethods = {
  /** The latest risk of every node. */
  'risk.nodes': {
    params: z.object({}).strict(),
    result: z.object({ at: z.number().nullable(), risks: z.array(nodeRiskSchema) }),
  },
  /** One node's risk now and over time, with its incidents, for the node page. */
  'risk.node': {
    params: z.object({ node: nodeName, since: z.number().int().nonnegative().optional() }).strict(),
    result: z.object({
      node: z.string(),
      risk: nodeRiskSchema.nullable(),
      points: z.array(riskPointSchema),
      incidents: z.array(riskIncidentSchema),
      events: z.array(riskEventSchema),
    }),
  },
  /** Recent events of the stream, newest last. */
  'risk.events': {
    params: z.object({ limit: z.number().int().positive().max(1000).optional() }).strict(),
    result: z.object({ events: z.array(riskEventSchema) }),
  },
  'risk.model': {
    params: z.object({}).strict(),
    result: riskModelInfoSchema,
  },
  /** An operator's verdict on an alert; stored and used by the next training. */
  'risk.feedback': {
    params: z
      .object({
        node: nodeName,
        /** Epoch ms of the alert (the prediction) the verdict is about. */
        at: z.number().int().nonnegative(),
        verdict: z.enum(['useful', 'false-alarm']),
        note: z.string().max(500).optional(),
      })
      .strict(),
    result: z.object({ stored: z.boolean(), useful: z.number(), falseAlarm: z.number() }),
  },
  /** Trains a challenger on this cluster's history; it replaces the model only if it does better. */
  'risk.train': {
    params: z.object({}).strict(),
    result: z.object({
      replaced: z.boolean(),
      reason: z.string(),
      championPrAuc: z.number().nullable(),
      challengerPrAuc: z.number().nullable(),
    }),
  },
} as const;

export const riskEvents = {
  /** Every node's risk after each prediction round. */
  nodeRisks: z.object({ at: z.number(), risks: z.array(nodeRiskSchema) }),
  /** One entry of the live event stream. */
  riskEvent: riskEventSchema,
} as const;
