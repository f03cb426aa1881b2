import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { autopilotConfigSchema, DEFAULT_AUTOPILOT_CONFIG, methods } from '../../../contract/index.ts';
import { migrate } from '../../../history/migrations.ts';
import { loadAutopilotConfig, saveAutopilotConfig } from './config-store.ts';

function database() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

describe('the autopilot config store', () => {
  it('reads a config saved before followNodeAdvice existed as following the advice', () => {
    const db = database();
    const { followNodeAdvice: _dropped, ...before } = { ...DEFAULT_AUTOPILOT_CONFIG, enabled: true };
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('autopilot.config', JSON.stringify(before));
    expect(loadAutopilotConfig(db)).toEqual({ ...before, followNodeAdvice: true });
    expect(autopilotConfigSchema.parse(before).followNodeAdvice).toBe(true);
  });

  it('keeps followNodeAdvice off once saved off', () => {
    const db = database();
    saveAutopilotConfig(db, { ...DEFAULT_AUTOPILOT_CONFIG, followNodeAdvice: false });
    expect(loadAutopilotConfig(db).followNodeAdvice).toBe(false);
  });

  it('a change of one setting does not bring the others back to their defaults', () => {
    const params = methods['autopilot.configure'].params.parse({ config: { dryRun: true } });
    expect(params).toEqual({ config: { dryRun: true } });
  });
});
