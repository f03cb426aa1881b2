import { describe, expect, it } from 'vitest';
import { formatExperiment } from '../../core/risk/evaluation-text.ts';
import { DEFAULT_PLAN, runExperiment } from '../../core/risk/experiment.ts';

// `foresight evaluate`'s whole pipeline on a small plan (the default one takes minutes): the
// model and the rules side by side, on held-out seeds and on a family never trained on, with how
// much warning the incidents allowed from the simulator's ground truth.
describe('foresight evaluate', () => {
  it('prints the model and the rules side by side, with the lead the incidents allowed', async () => {
    const report = await runExperiment({
      ...DEFAULT_PLAN,
      trainSeeds: [1],
      validationSeeds: [7],
      testSeeds: [101],
      nodes: 6,
      hours: 8,
      epochs: 2,
    });
    for (const side of [report.heldOut, report.unseen]) {
      const room = side.room;
      expect(room).toBeDefined();
      if (!room) continue;
      // The room is the data's, not the scorer's: the same for both columns.
      expect(room.model.incidents).toBe(room.baseline.incidents);
      expect(room.model.longRoom).toBe(room.baseline.longRoom);
      expect(room.model.incidents).toBeGreaterThan(0);
      expect(room.model.incidents).toBeLessThanOrEqual(side.model.alarms.incidents);
      expect(room.model.longRoomWarned).toBeLessThanOrEqual(room.model.longRoom);
      expect(room.model.medianRoomMinutes).toBeGreaterThan(0);
    }
    const text = formatExperiment(report);
    expect(text).toMatch(/Held-out seeds, all families/);
    expect(text).toMatch(/unseen family only \(kubeletCrashLoop\)/);
    expect(text).toMatch(/PR-AUC, incidents .*\d\.\d{3} +\d\.\d{3}/);
    expect(text).toMatch(/incidents with cause ≥ 10 min before +\d+\/\d+ +\d+\/\d+/);
    expect(text).toMatch(/false alarms per node-day +\d+\.\d\d +\d+\.\d\d/);
  }, 180_000);
});
