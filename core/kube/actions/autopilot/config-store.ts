import type Database from 'better-sqlite3';
import {
  autopilotConfigSchema,
  DEFAULT_AUTOPILOT_CONFIG,
  type AutopilotConfig,
} from '../../../contract/actions.ts';
import { readMetaJson, writeMetaJson } from './meta-json.ts';

/**
 * The autopilot's settings, kept in the cluster's own history database (the `meta` table), so
 * they are per cluster and survive restarts. Anything unreadable falls back to the defaults,
 * which have the autopilot off.
 */
const KEY = 'autopilot.config';

export function loadAutopilotConfig(db: Database.Database): AutopilotConfig {
  const saved = readMetaJson(db, KEY);
  if (typeof saved !== 'object' || saved === null) return DEFAULT_AUTOPILOT_CONFIG;
  const parsed = autopilotConfigSchema.safeParse({ ...DEFAULT_AUTOPILOT_CONFIG, ...saved });
  return parsed.success ? parsed.data : DEFAULT_AUTOPILOT_CONFIG;
}

export function saveAutopilotConfig(db: Database.Database, config: AutopilotConfig): void {
  writeMetaJson(db, KEY, config);
}
