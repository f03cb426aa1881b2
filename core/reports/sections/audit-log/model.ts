import { z } from 'zod';
import { actionStatuses } from '../../../contract/actions.ts';

/**
 * The action audit log over the period: who did what to which object, what the dry run said and
 * how it ended. The cluster's address and the action's raw parameters are left out: the report
 * names its cluster once, and parameters are summarised by the action's own summary.
 */
export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    startedAt: z.number().describe('Epoch ms.'),
    finishedAt: z.number().nullable().describe('Null while it runs.'),
    user: z.string().describe('The kubeconfig user it ran as, or who clicked.'),
    origin: z.enum(['user', 'autopilot']),
    action: z.string().describe('cordon, uncordon, taint, drain, scale, hpa…'),
    target: z.string(),
    summary: z.string(),
    dryRun: z.string().nullable().describe('What the dry run found, in words; null without one.'),
    status: z.enum(actionStatuses),
    outcome: z.string(),
    steps: z.number().int().nonnegative().describe('Progress steps recorded.'),
    undoOf: z.number().int().nullable().describe('The id of the action this one undid.'),
  })
  .strict();
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditLogSchema = z
  .object({
    entries: z.array(auditEntrySchema).describe('Newest first.'),
    byStatus: z.array(z.object({ status: z.enum(actionStatuses), count: z.number().int() }).strict()),
    readLimit: z.number().int().positive().describe('How many of the most recent actions were read.'),
    truncated: z
      .boolean()
      .describe('True when the read reached its limit inside the period: older actions may be missing.'),
  })
  .strict();
export type AuditLogSection = z.infer<typeof auditLogSchema>;
