import { describe, expect, it } from 'vitest';
import { MIN_OUTCOMES, trainOutcomeModel } from './outcome-model.ts';
import type { OutcomeRow } from './outcome-dataset.ts';

/** Placements where a full-memory node means trouble: what the model should pick up. */
function rows(n: number): OutcomeRow[] {
  return Array.from({ length: n }, (_, i) => {
    const memory = (i % 10) / 10;
    return { features: [0.4, memory, 0, 0], disrupted: memory >= 0.8 };
  });
}

describe('trainOutcomeModel', () => {
  it('says when there is too little or one-sided history, and then takes no part', async () => {
    expect(await trainOutcomeModel(rows(MIN_OUTCOMES - 1))).toContain(`only ${MIN_OUTCOMES - 1} placements`);
    const calm = rows(40).map((r) => ({ ...r, disrupted: false }));
    expect(await trainOutcomeModel(calm)).toContain('none of the 40 placements');
  });

  it('learns that placements on full nodes get disrupted', async () => {
    const model = await trainOutcomeModel(rows(200));
    if (typeof model === 'string') throw new Error(model);
    expect(model.rows).toBe(200);
    expect(model.predict([0.4, 0.9, 0, 0])).toBeGreaterThan(0.7);
    expect(model.predict([0.4, 0.2, 0, 0])).toBeLessThan(0.1);
  });
});
