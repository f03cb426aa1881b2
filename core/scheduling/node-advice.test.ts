import { describe, expect, it } from 'vitest';
import type { NodeFailureHistory } from './advisors/signals.ts';
import { adviseNodes, nodeAdviceFrom, type NodeAdvice } from './node-advice.ts';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 0, 10, 12);
const ago = (hours: number) => now - hours * HOUR;

type Case = [
  name: string,
  unschedulable: boolean,
  history: NodeFailureHistory | undefined,
  expected: Pick<NodeAdvice, 'action' | 'since'> | undefined,
];

describe('adviseNodes (2 failures in 6 h)', () => {
  it.each<Case>([
    ['never failed', false, undefined, undefined],
    ['one failure is bad luck', false, { at: [ago(1)], down: false }, undefined],
    [
      'failed twice within 6 h: cordon, since the second failure',
      false,
      { at: [ago(3), ago(1)], down: false },
      { action: 'cordon', since: new Date(ago(1)).toISOString() },
    ],
    [
      'also while it is down, so it is not refilled when it comes back',
      false,
      { at: [ago(2), ago(0.5)], down: true },
      { action: 'cordon', since: new Date(ago(0.5)).toISOString() },
    ],
    [
      'three failures: since the one that made two in the window',
      false,
      { at: [ago(5), ago(3), ago(1)], down: false },
      { action: 'cordon', since: new Date(ago(3)).toISOString() },
    ],
    [
      'twice, but 7 h apart: two bad days, not a bad machine',
      false,
      { at: [ago(8), ago(1)], down: false },
      undefined,
    ],
    [
      'already cordoned while the advice holds: nothing to do',
      true,
      { at: [ago(3), ago(1)], down: false },
      undefined,
    ],
    [
      'cordoned, and healthy for 6 h since the last failure: uncordon, since the lapse',
      true,
      { at: [ago(9), ago(7)], down: false },
      { action: 'uncordon', since: new Date(ago(1)).toISOString() },
    ],
    ['cordoned, last failure 5 h ago: not yet', true, { at: [ago(7), ago(5)], down: false }, undefined],
    [
      'cordoned and still down since its last failure: not yet',
      true,
      { at: [ago(9), ago(7)], down: true },
      undefined,
    ],
    [
      'cordoned, but its failures never made the advice (an operator cordoned it for other reasons)',
      true,
      { at: [ago(30), ago(7)], down: false },
      undefined,
    ],
    ['not cordoned and lapsed: nothing to do', false, { at: [ago(9), ago(7)], down: false }, undefined],
    [
      'failures after now (a clock skew) are not counted',
      false,
      { at: [ago(1), now + HOUR], down: false },
      undefined,
    ],
  ])('%s', (_name, unschedulable, history, expected) => {
    const failures = new Map(history ? [['n1', history]] : []);
    const advice = adviseNodes([{ name: 'n1', unschedulable }], failures, now);
    expect(advice.map((a) => ({ action: a.action, since: a.since }))).toEqual(expected ? [expected] : []);
    for (const a of advice) expect(a.node).toBe('n1');
  });

  it('says why in words: how many failures, the last, when it lapses', () => {
    const [advice] = adviseNodes(
      [{ name: 'n1', unschedulable: false }],
      new Map([['n1', { at: [ago(3), ago(1)], down: false }]]),
      now,
    );
    expect(advice?.reasons).toEqual([
      `its Ready condition left True 2 times in the last 6 h (last at ${new Date(ago(1)).toISOString().slice(0, 19)}Z): a machine that fails again soon is likely to fail a third time`,
      'cordoning keeps new pods off it; the pods it runs stay (drain it to move them)',
      `the advice lapses once it has stayed Ready for 6 h after its last failure (at ${new Date(ago(-5)).toISOString().slice(0, 19)}Z if it does not fail again)`,
    ]);
  });

  it("names a taint someone put on it that already keeps new pods off, but not the lifecycle controller's", () => {
    const [advice] = adviseNodes(
      [
        {
          name: 'n1',
          unschedulable: false,
          taints: [
            { key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' },
            { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
            { key: 'soft', effect: 'PreferNoSchedule' },
          ],
        },
      ],
      new Map([['n1', { at: [ago(3), ago(1)], down: false }]]),
      now,
    );
    expect(advice?.action).toBe('cordon');
    expect(advice?.reasons.filter((r) => r.startsWith('it already carries'))).toEqual([
      'it already carries foresight.io/at-risk=true:NoSchedule, which keeps off new pods that do not tolerate it',
    ]);
  });

  it('takes another policy, and sorts by node', () => {
    const failures = new Map([
      ['b', { at: [ago(20)], down: false }],
      ['a', { at: [ago(10)], down: false }],
    ]);
    const nodes = [
      { name: 'b', unschedulable: false },
      { name: 'a', unschedulable: false },
    ];
    expect(
      adviseNodes(nodes, failures, now, { failures: 1, windowMs: 24 * HOUR }).map((a) => a.node),
    ).toEqual(['a', 'b']);
  });

  it('gives none without a failure history or without the time the signals were read', () => {
    const nodes = [{ name: 'n1', unschedulable: false }];
    const nodeFailures = new Map([['n1', { at: [ago(3), ago(1)], down: false }]]);
    expect(nodeAdviceFrom(nodes, undefined)).toEqual([]);
    expect(nodeAdviceFrom(nodes, { nodeFailures })).toEqual([]);
    expect(nodeAdviceFrom(nodes, { nodeFailures, observedAt: now }).map((a) => a.action)).toEqual(['cordon']);
  });
});
