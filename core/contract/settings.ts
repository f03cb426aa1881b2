import { z } from 'zod';
import { contextRefSchema } from './contexts.ts';

/** Preferences the user edits in Settings; kept in <dataDir>/settings.json by the backend. */
export const settingsViewSchema = z.object({
  /** Kubeconfig files or folders merged after KUBECONFIG (or ~/.kube/config). */
  extraKubeconfigPaths: z.array(z.string()),
  /** Days of history kept per cluster. */
  retentionDays: z.number(),
  /** Every kubeconfig file read now, in merge order. */
  kubeconfigFiles: z.array(z.string()),
  /** Extra paths that cannot be used, each with why. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const maxRetentionDays = 90;

export const settingsUpdateSchema = z
  .object({
    extraKubeconfigPaths: z.array(z.string().trim().min(1).max(4096)).max(50).optional(),
    retentionDays: z.number().int().min(1).max(maxRetentionDays).optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** The answer to "can I reach this context?", asked per context from the picker. */
export const contextCheckSchema = z.object({
  context: z.string(),
  reachable: z.boolean(),
  version: z.string().optional(),
  message: z.string().optional(),
  tookMs: z.number(),
});
export type ContextCheckResult = z.infer<typeof contextCheckSchema>;

export const settingsMethods = {
  'settings.get': { params: z.object({}).strict(), result: settingsViewSchema },
  /** Changing the retention restarts collection for the connected cluster (no data is lost). */
  'settings.update': { params: settingsUpdateSchema, result: settingsViewSchema },
  /** Connects to one context just to ask its version: only when the user asks. */
  'contexts.check': { params: contextRefSchema, result: contextCheckSchema },
} as const;
