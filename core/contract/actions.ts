import { z } from 'zod';

/**
 * One-click actions, audit and autopilot (issue 7): the requests and pushed events of this
 * capability. methods.ts and events.ts spread these tables into the contract, so the
 * capability's schemas live in one file of their own.
 */

const name = z.string().min(1).max(253);
const namespace = z.string().min(1).max(63);

export const drainParamsSchema = z
  .object({
    ignoreDaemonSets: z.boolean().optional(),
    deleteEmptyDirData: z.boolean().optional(),
    force: z.boolean().optional(),
    /** -1 = each pod's own terminationGracePeriodSeconds. */
    gracePeriodSeconds: z.number().int().min(-1).max(86_400).optional(),
    /** 0 = no limit. */
    timeoutSeconds: z.number().min(0).max(86_400).optional(),
    disableEviction: z.boolean().optional(),
  })
  .strict();
export type DrainParams = z.infer<typeof drainParamsSchema>;

export const workloadKinds = ['Deployment', 'StatefulSet', 'ReplicaSet'] as const;

/** Every action the pipeline runs (RBAC check → dry-run preview → confirm → execute → audit → undo). */
export const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cordon'), node: name }).strict(),
  z.object({ kind: z.literal('uncordon'), node: name }).strict(),
  z
    .object({
      kind: z.literal('taint'),
      node: name,
      key: z.string().max(317),
      value: z.string().max(63).optional(),
      effect: z.string().max(40),
    })
    .strict(),
  z
    .object({ kind: z.literal('untaint'), node: name, key: z.string().max(317), effect: z.string().max(40) })
    .strict(),
  z.object({ kind: z.literal('drain'), node: name, options: drainParamsSchema.optional() }).strict(),
  z
    .object({
      kind: z.literal('scale'),
      workload: z.object({ kind: z.enum(workloadKinds), namespace, name }).strict(),
      replicas: z.number().int().min(0).max(100_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('hpa-bounds'),
      namespace,
      name,
      minReplicas: z.number().int().min(1).max(100_000),
      maxReplicas: z.number().int().min(1).max(100_000),
    })
    .strict(),
]);
export type Action = z.infer<typeof actionSchema>;
export type ActionKind = Action['kind'];

export const keptPodSchema = z.object({ pod: z.string(), reason: z.string() });

/** Whether the user may run an action: when not, the missing verbs and resources. */
export const actionPermissionSchema = z.object({
  allowed: z.boolean(),
  /** e.g. "patch nodes", "create pods/eviction in namespace shop". */
  missing: z.array(z.string()),
  /** A sentence for a disabled button's tooltip. */
  reason: z.string().optional(),
});
export type ActionPermission = z.infer<typeof actionPermissionSchema>;

/** What an action would do, from a server-side dry run (dryRun=All); nothing is changed. */
export const actionPreviewSchema = z.object({
  action: actionSchema,
  /** "Cordon node node-3", for titles and the audit log. */
  summary: z.string(),
  permission: actionPermissionSchema,
  /** Field changes, e.g. { field: 'spec.unschedulable', from: 'false', to: 'true' }. */
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  /** Drain: pods that would be evicted, kept, or would block. */
  evict: z.array(z.string()),
  skip: z.array(keptPodSchema),
  blocking: z.array(keptPodSchema),
  /** The same thing done with kubectl. */
  kubectl: z.string(),
  /** Why it cannot run (invalid input, refused by the server's dry run); empty when it can. */
  problems: z.array(z.string()),
  /** Whether undo will be offered after it runs. */
  undoable: z.boolean(),
});
export type ActionPreview = z.infer<typeof actionPreviewSchema>;

/** `held`: an autopilot decision a guardrail stopped; `dry-run`: one it only logged (dry-run mode). */
export const actionStatuses = [
  'running',
  'succeeded',
  'failed',
  'interrupted',
  'cancelled',
  'held',
  'dry-run',
] as const;

/** One row of the audit log: who did what to which object, what the dry run said and how it ended. */
export const auditRecordSchema = z.object({
  id: z.number().int(),
  cluster: z.string(),
  user: z.string(),
  /** 'user' for a click or a command, 'autopilot' for its own decisions. */
  origin: z.enum(['user', 'autopilot']),
  action: z.string(),
  target: z.string(),
  params: z.unknown(),
  summary: z.string(),
  dryRun: z.unknown().optional(),
  status: z.enum(actionStatuses),
  outcome: z.string(),
  /** Progress lines as they happened (kept even when the worker dies mid-drain). */
  progress: z.array(z.object({ at: z.number(), message: z.string() })),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  /** The action that undoes this one, when there is one and it has not been used. */
  undo: actionSchema.optional(),
  /** The id of the record this one undid. */
  undoOf: z.number().int().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

const actionParams = z.object({ action: actionSchema }).strict();

/** The autopilot's settings as a request changes them: every field required here, optional there. */
const autopilotSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** Only say what it would do (events and audit), change nothing. */
    dryRun: z.boolean(),
    /** The kill switch: while set, the autopilot does nothing at all, enabled or not. */
    paused: z.boolean(),
    /** A node is at risk at or above this probability… */
    threshold: z.number().min(0).max(1),
    /** …for this many consecutive predictions. */
    consecutive: z.number().int().min(1).max(100),
    /** Remove the taint once the node has been below the threshold this long. */
    healthyMinutes: z.number().min(0).max(10_080),
    /** At least this long between two actions of the autopilot on the same node. */
    cooldownMinutes: z.number().min(0).max(10_080),
    /** At most this share of the nodes tainted by the autopilot at once (0.1 = 10%). */
    maxTaintedFraction: z.number().min(0).max(1),
    taint: z
      .object({
        key: z.string().min(1).max(317),
        value: z.string().max(63),
        effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
      })
      .strict(),
    /** Also drain a tainted node (PDBs respected, DaemonSets ignored, emptyDir data deleted). */
    drain: z.boolean(),
    /**
     * Also taint a node Foresight's node advice says to cordon (its Ready condition left True
     * 2 times in 6 h), and keep the taint until that advice lapses.
     */
    followNodeAdvice: z.boolean(),
  })
  .strict();

/**
 * The autopilot's settings for one cluster. Off unless the user turns it on. Settings saved
 * before followNodeAdvice existed read it as true: an operator who turned the autopilot on
 * expects it to follow the node advice too.
 */
export const autopilotConfigSchema = autopilotSettingsSchema.extend({
  followNodeAdvice: z.boolean().default(true),
});
export type AutopilotConfig = z.infer<typeof autopilotConfigSchema>;

export const DEFAULT_AUTOPILOT_CONFIG: AutopilotConfig = {
  enabled: false,
  dryRun: false,
  paused: false,
  threshold: 0.7,
  consecutive: 3,
  healthyMinutes: 30,
  cooldownMinutes: 60,
  maxTaintedFraction: 0.1,
  taint: { key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' },
  drain: false,
  followNodeAdvice: true,
};

/** One decision of the autopilot, acted on or not, with its reasoning. */
export const autopilotDecisionSchema = z.object({
  at: z.number(),
  node: z.string(),
  /** What it did (or, in dry-run mode, would do); `hold` when a guardrail stopped it. */
  decision: z.enum(['taint', 'drain', 'untaint', 'hold']),
  reason: z.string(),
  dryRun: z.boolean(),
  /** The audit record of the action, when one ran (or was logged in dry-run mode). */
  auditId: z.number().int().optional(),
});
export type AutopilotDecision = z.infer<typeof autopilotDecisionSchema>;

export const autopilotStatusSchema = z.object({
  config: autopilotConfigSchema,
  /** Nodes carrying the autopilot's taint now. */
  tainted: z.array(z.string()),
  /** Consecutive predictions at or above the threshold, per node that has any. */
  streaks: z.array(z.object({ node: z.string(), count: z.number().int() })),
  /** The latest decisions, newest first. */
  decisions: z.array(autopilotDecisionSchema),
});
export type AutopilotStatus = z.infer<typeof autopilotStatusSchema>;

export const actionsMethods = {
  /** RBAC pre-check (SelfSubjectAccessReview) for each action, e.g. for a node row's buttons. */
  'actions.check': {
    params: z.object({ actions: z.array(actionSchema).min(1).max(50) }).strict(),
    result: z.object({ permissions: z.array(actionPermissionSchema) }),
  },
  /** The server-side dry run of one action. */
  'actions.preview': { params: actionParams, result: actionPreviewSchema },
  /** Runs an action; progress arrives as `actionProgress` events, the record as `actionFinished`. */
  'actions.execute': { params: actionParams, result: z.object({ auditId: z.number().int() }) },
  /** Runs the undo of a finished action. */
  'actions.undo': {
    params: z.object({ auditId: z.number().int() }).strict(),
    result: z.object({ auditId: z.number().int() }),
  },
  /** Cancels a running action (a drain stops evicting; the node stays cordoned). */
  'actions.cancel': {
    params: z.object({ auditId: z.number().int() }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  /** The autopilot's settings and what it is doing. */
  'autopilot.status': { params: z.object({}).strict(), result: autopilotStatusSchema },
  /** Changes the autopilot's settings for the connected cluster (kept in its history database). */
  'autopilot.configure': {
    // Without the defaults: a change of one setting must not reset another to its default.
    params: z.object({ config: autopilotSettingsSchema.partial() }).strict(),
    result: autopilotStatusSchema,
  },
  /** The audit log, newest first. */
  'actions.audit': {
    params: z.object({ limit: z.number().int().positive().max(1000).optional() }).strict(),
    result: z.object({ records: z.array(auditRecordSchema) }),
  },
} as const;

export const actionsEvents = {
  /** A step of a running action. */
  actionProgress: z.object({ auditId: z.number().int(), at: z.number(), message: z.string() }),
  /** An action ended (or started): its audit record as it now stands. */
  actionFinished: auditRecordSchema,
  /** A decision of the autopilot, with its reasoning. */
  autopilotDecision: autopilotDecisionSchema,
} as const;
