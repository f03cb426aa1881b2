import type Database from 'better-sqlite3';
import {
  autopilotConfigSchema,
  DEFAULT_AUTOPILOT_CONFIG,
  type AutopilotConfig,
} from '../../../contract/actions.ts';

/**
 * The autopilot's settings, kept in the cluster's own history database (the `meta` table), so
 * they are per cluster and survive restarts. Anything unreadable falls back to the defaults,
 * which have the autopilot off.
 */
const KEY = 'autopilot.config';

export function loadAutopilotConfig(db: Database.Database): AutopilotConfig {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_AUTOPILOT_CONFIG;
  try {
    const parsed = autopilotConfigSchema.safeParse({
      ...DEFAULT_AUTOPILOT_CONFIG,
      ...(JSON.parse(row.value) as object),
    });
    return parsed.success ? parsed.data : DEFAULT_AUTOPILOT_CONFIG;
  } catch {
    return DEFAULT_AUTOPILOT_CONFIG;
  }
}

export function saveAutopilotConfig(db: Database.Database, config: AutopilotConfig): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(config));
}
