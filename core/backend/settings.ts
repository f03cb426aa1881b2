import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextRefSchema, type ContextRef } from '../contract/index.ts';
import { z } from 'zod';

/** What Foresight remembers between runs, in <dataDir>/settings.json. */
const settingsSchema = z.object({
  lastContext: contextRefSchema.optional(),
  extraKubeconfigPaths: z.array(z.string()).optional(),
  retentionDays: z.number().int().positive().optional(),
  /** LLM explanations of scaling advice (the API key is never here: see core/secrets). */
  llmEnabled: z.boolean().optional(),
  llmModel: z.string().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const fileName = 'settings.json';

/** Reads the settings; a missing or damaged file means defaults (it is only preferences). */
export function readSettings(dataDir: string): Settings {
  const path = join(dataDir, fileName);
  if (!existsSync(path)) return {};
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Writes atomically (temp file + rename), so a crash never leaves half a file. */
export function writeSettings(dataDir: string, change: Partial<Settings>): Settings {
  const next = { ...readSettings(dataDir), ...change };
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, fileName);
  writeFileSync(`${path}.tmp`, JSON.stringify(next, null, 2));
  renameSync(`${path}.tmp`, path);
  return next;
}

export function rememberContext(dataDir: string, context: ContextRef): void {
  writeSettings(dataDir, { lastContext: context });
}
