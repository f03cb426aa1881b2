import { z } from 'zod';
import { contextRefSchema } from './contexts.ts';

/** The default model of the optional LLM explanations (a current Claude model id). */
export const defaultLlmModel = 'claude-sonnet-4-5';

/**
 * The optional LLM explanations of scaling advice (Anthropic Messages API), off by default. The
 * API key itself never comes back: only whether one is set, and where it is kept — 'os' for the
 * OS's secure storage (the desktop app), 'session' for memory until Foresight quits.
 */
export const llmSettingsViewSchema = z.object({
  enabled: z.boolean(),
  model: z.string(),
  keySet: z.boolean(),
  keyStorage: z.enum(['os', 'session']),
});
export type LlmSettingsView = z.infer<typeof llmSettingsViewSchema>;

export const llmSettingsUpdateSchema = z
  .object({
    enabled: z.boolean().optional(),
    model: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/, 'a model id such as claude-sonnet-4-5')
      .optional(),
    /** Write-only: stored with the secret store, never echoed. */
    apiKey: z.string().trim().min(1).max(500).optional(),
    clearKey: z.literal(true).optional(),
  })
  .strict();
export type LlmSettingsUpdate = z.infer<typeof llmSettingsUpdateSchema>;

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
  llm: llmSettingsViewSchema,
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const maxRetentionDays = 90;

export const settingsUpdateSchema = z
  .object({
    extraKubeconfigPaths: z.array(z.string().trim().min(1).max(4096)).max(50).optional(),
    retentionDays: z.number().int().min(1).max(maxRetentionDays).optional(),
    llm: llmSettingsUpdateSchema.optional(),
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
