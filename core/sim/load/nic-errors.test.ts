import { describe, expect, it } from 'vitest';
import { cumulativeNicErrors, nicErrorTotals } from './nic-errors.ts';

const STEP = 10_000;
/** One rx error per step and one tx error every second step, from t = 0. */
const counter = () =>
  cumulativeNicErrors(0, STEP, (t) => ({ rx: 1, tx: (t / STEP) % 2 === 0 ? 1 : 0 }), 10 * STEP);

describe('cumulativeNicErrors', () => {
  it.each([
    ['before the start', -STEP, { rx: 0, tx: 0 }],
    ['inside the first step', STEP - 1, { rx: 0, tx: 0 }],
    ['after three whole steps', 3 * STEP, { rx: 3, tx: 2 }],
    ['at the end', 10 * STEP, { rx: 10, tx: 5 }],
    ['long after the end: held still', 100 * STEP, { rx: 10, tx: 5 }],
  ])('%s', (_what, t, expected) => {
    expect(counter()(t)).toEqual(expected);
  });

  it('gives the same counts whatever the order of reads', () => {
    const c = counter();
    const forward = [2, 5, 9].map((k) => c(k * STEP));
    expect([9, 2, 5].map((k) => c(k * STEP))).toEqual([forward[2], forward[0], forward[1]]);
  });
});

describe('nicErrorTotals', () => {
  it.each([
    ['a node no incident touches', undefined, { rx: 0, tx: 0 }],
    [
      'the sum of every running incident',
      [() => ({ rx: 3, tx: 1 }), () => ({ rx: 4, tx: 0 })],
      { rx: 7, tx: 1 },
    ],
  ])('%s', (_what, effects, expected) => {
    expect(nicErrorTotals(effects, 0)).toEqual(expected);
  });
});
