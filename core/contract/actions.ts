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

export const actionStatuses = ['running', 'succeeded', 'failed', 'interrupted', 'cancelled'] as const;

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
} as const;
