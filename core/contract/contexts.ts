import { z } from 'zod';

/**
 * Contexts the user can connect to: every context of the merged kubeconfig, plus the built-in
 * demo cluster. Only the chosen one is connected (many OIDC contexts would otherwise mean a storm
 * of login prompts at start-up).
 */
export const contextSourceSchema = z.enum(['kubeconfig', 'demo']);
export type ContextSource = z.infer<typeof contextSourceSchema>;

export const contextEntrySchema = z.object({
  source: contextSourceSchema,
  name: z.string(),
  cluster: z.string(),
  user: z.string(),
  namespace: z.string(),
  /** The kubeconfig's current-context. */
  current: z.boolean(),
});
export type ContextEntry = z.infer<typeof contextEntrySchema>;

export const contextRefSchema = z
  .object({ source: contextSourceSchema, name: z.string().min(1).max(253) })
  .strict();
export type ContextRef = z.infer<typeof contextRefSchema>;

export const contextsListSchema = z.object({
  contexts: z.array(contextEntrySchema),
  /** The context Foresight is connected to (or connecting to). */
  selected: contextRefSchema.nullable(),
  /** Kubeconfig files that could not be read, each with why; their contexts are missing. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
  /** The kubeconfig files read, in merge order. */
  files: z.array(z.string()),
});
export type ContextsList = z.infer<typeof contextsListSchema>;

/** The demo cluster's entry in the picker. */
export const demoContextName = 'foresight-demo';
