import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTOPILOT_CONFIG,
  type AutopilotConfig,
  type NodeAdviceInfo,
  type NodeRisk,
} from '../../../contract/index.ts';
import {
  decide,
  emptyMemory,
  noteRisks,
  type AutopilotMemory,
  type NodeFacts,
  type RoundInput,
} from './decide.ts';

const MINUTE = 60_000;
const on: AutopilotConfig = { ...DEFAULT_AUTOPILOT_CONFIG, enabled: true };

const facts = (name: string, extra: Partial<NodeFacts> = {}): NodeFacts => ({
  name,
  controlPlane: false,
  schedulable: true,
  cordoned: false,
  ready: true,
  autopilotTainted: false,
  ...extra,
});
const workers = (n: number) => Array.from({ length: n }, (_, i) => facts(`w${i + 1}`));
const risk = (node: string, probability: number, at: number): NodeRisk => ({
  node,
  at,
  level: probability >= 0.7 ? 'at-risk' : 'healthy',
  probability,
  reasons: ['memory climbing 4%/min'],
  source: 'rules',
});

/** Feeds `rounds` predictions at `probability` for the nodes, one minute apart. */
function memoryAfter(nodes: string[], probability: number, rounds = 3, config = on) {
  const memory = emptyMemory();
  for (let i = 1; i <= rounds; i++)
    noteRisks(memory, new Map(nodes.map((n) => [n, risk(n, probability, i * MINUTE)])), config, i * MINUTE);
  return memory;
}

const risks = (nodes: string[], probability = 0.9) =>
  new Map(nodes.map((n) => [n, risk(n, probability, 3 * MINUTE)]));

describe('the autopilot decides with every guardrail', () => {
  it('taints a node whose risk stayed at or above the threshold for N consecutive predictions', () => {
    const d = decide(memoryAfter(['w1'], 0.9), {
      config: on,
      nodes: workers(10),
      risks: risks(['w1']),
      now: 4 * MINUTE,
      busy: false,
    });
    expect(d).toEqual([
      {
        node: 'w1',
        decision: 'taint',
        reason: expect.stringContaining('risk 0.90 ≥ 0.7 for 3 consecutive predictions'),
      },
    ]);
  });

  it('N-1 predictions are not enough, and one prediction is never counted twice', () => {
    const memory = memoryAfter(['w1'], 0.9, 2);
    noteRisks(memory, new Map([['w1', risk('w1', 0.9, 2 * MINUTE)]]), on, 5 * MINUTE);
    expect(
      decide(memory, { config: on, nodes: workers(10), risks: risks(['w1']), now: 5 * MINUTE, busy: false }),
    ).toEqual([]);
  });

  it('predictions of every 15 s collection count once a minute, as the samples they come from', () => {
    const memory = emptyMemory();
    for (let s = 0; s <= 120; s += 15)
      noteRisks(memory, new Map([['w1', risk('w1', 0.9, MINUTE + s * 1000)]]), on, MINUTE + s * 1000);
    // Predictions at 1:00 … 3:00: counted at 1:00, 2:00 and 3:00.
    expect(memory.streaks.get('w1')).toBe(3);
    noteRisks(memory, new Map([['w1', risk('w1', 0.9, 3 * MINUTE + 45_000)]]), on, 3 * MINUTE + 45_000);
    expect(memory.streaks.get('w1')).toBe(3);
  });

  it("the risk domain's own at-risk level counts even while the model's probability is low", () => {
    const memory = emptyMemory();
    for (let i = 1; i <= 3; i++)
      noteRisks(
        memory,
        new Map([['w1', { ...risk('w1', 0.01, i * MINUTE), level: 'at-risk' as const }]]),
        on,
        i * MINUTE,
      );
    const riskMap = new Map([['w1', { ...risk('w1', 0.01, 3 * MINUTE), level: 'at-risk' as const }]]);
    const d = decide(memory, {
      config: on,
      nodes: workers(10),
      risks: riskMap,
      now: 4 * MINUTE,
      busy: false,
    });
    expect(d).toEqual([
      {
        node: 'w1',
        decision: 'taint',
        reason: expect.stringContaining('at-risk (risk 0.01) for 3 consecutive predictions'),
      },
    ]);
  });

  it('a dip below the threshold resets the streak', () => {
    const memory = memoryAfter(['w1'], 0.9, 2);
    noteRisks(memory, new Map([['w1', risk('w1', 0.3, 10 * MINUTE)]]), on, 10 * MINUTE);
    noteRisks(memory, new Map([['w1', risk('w1', 0.9, 11 * MINUTE)]]), on, 11 * MINUTE);
    expect(memory.streaks.get('w1')).toBe(1);
  });

  it.each<[string, Partial<AutopilotConfig>]>([
    ['off by default', { enabled: false }],
    ['the kill switch', { paused: true }],
  ])('%s: no decisions at all', (_name, change) => {
    const config = { ...on, ...change };
    expect(
      decide(memoryAfter(['w1'], 0.9), {
        config,
        nodes: workers(10),
        risks: risks(['w1']),
        now: 4 * MINUTE,
        busy: false,
      }),
    ).toEqual([]);
  });

  const holds: [string, () => Parameters<typeof decide>, RegExp][] = [
    [
      'never a control-plane node',
      () => [
        memoryAfter(['cp'], 0.9),
        {
          config: on,
          nodes: [facts('cp', { controlPlane: true }), ...workers(10)],
          risks: risks(['cp']),
          now: 4 * MINUTE,
          busy: false,
        },
      ],
      /control-plane/,
    ],
    [
      'one node at a time (an action is running)',
      () => [
        memoryAfter(['w1'], 0.9),
        { config: on, nodes: workers(10), risks: risks(['w1']), now: 4 * MINUTE, busy: true },
      ],
      /one node at a time/,
    ],
    [
      'at most 10% of the nodes tainted',
      () => [
        memoryAfter(['w2'], 0.9),
        {
          config: on,
          nodes: [facts('w1', { autopilotTainted: true }), ...workers(10).slice(1)],
          risks: risks(['w2']),
          now: 4 * MINUTE,
          busy: false,
        },
      ],
      /at most 10% of the nodes \(1 of 10\) .* 1 already do/,
    ],
    [
      'never the last schedulable node',
      () => [
        memoryAfter(['w1'], 0.9),
        {
          config: { ...on, maxTaintedFraction: 1 },
          nodes: [facts('w1'), facts('w2', { schedulable: false }), facts('w3', { ready: false })],
          risks: risks(['w1']),
          now: 4 * MINUTE,
          busy: false,
        },
      ],
      /last schedulable node/,
    ],
    [
      'a cooldown per node',
      () => {
        const memory = memoryAfter(['w1'], 0.9);
        memory.lastActionAt.set('w1', 0);
        return [
          memory,
          { config: on, nodes: workers(10), risks: risks(['w1']), now: 4 * MINUTE, busy: false },
        ];
      },
      /cooldown: its last autopilot action was 4 min ago \(cooldown 60 min\)/,
    ],
  ];
  it.each(holds)('%s', (_name, input, reason) => {
    const decisions = decide(...input());
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.decision).toBe('hold');
    expect(decisions[0]?.reason).toMatch(reason);
  });

  it('of two at-risk nodes only the riskier is tainted; the other waits its turn', () => {
    const memory = memoryAfter(['w1', 'w2'], 0.9);
    const riskMap = new Map([
      ['w1', risk('w1', 0.8, 3 * MINUTE)],
      ['w2', risk('w2', 0.95, 3 * MINUTE)],
    ]);
    const d = decide(memory, {
      config: { ...on, maxTaintedFraction: 0.5 },
      nodes: workers(10),
      risks: riskMap,
      now: 4 * MINUTE,
      busy: false,
    });
    expect(d.map((x) => [x.node, x.decision])).toEqual([
      ['w2', 'taint'],
      ['w1', 'hold'],
    ]);
  });

  it('removes its taint once the node stayed healthy for M minutes, not before', () => {
    const memory = emptyMemory();
    noteRisks(memory, new Map([['w1', risk('w1', 0.2, MINUTE)]]), on, MINUTE);
    const nodes = [facts('w1', { autopilotTainted: true }), ...workers(10).slice(1)];
    const at = (minutes: number) =>
      decide(memory, { config: on, nodes, risks: new Map(), now: (1 + minutes) * MINUTE, busy: false });
    expect(at(29)).toEqual([]);
    expect(at(30)).toEqual([
      {
        node: 'w1',
        decision: 'untaint',
        reason: 'recovered: below 0.7 and not at risk for 30 min (≥ 30 min)',
      },
    ]);
  });
});

describe("the autopilot follows Foresight's node advice", () => {
  const cordon = (node: string): NodeAdviceInfo => ({
    node,
    action: 'cordon',
    reasons: [
      'its Ready condition left True 2 times in the last 6 h (last at 2026-01-05T08:40:00Z): a machine that fails again soon is likely to fail a third time',
      'cordoning keeps new pods off it',
    ],
    since: '2026-01-05T08:40:00.000Z',
  });
  const quiet = (nodes: string[]) => memoryAfter(nodes, 0.1);
  const round = (memory: AutopilotMemory, change: Partial<RoundInput> = {}) =>
    decide(memory, {
      config: on,
      nodes: workers(10),
      risks: risks(['w1'], 0.1),
      advice: [cordon('w1')],
      now: 4 * MINUTE,
      busy: false,
      ...change,
    });

  it('taints a node with cordon advice at once, with no streak, and says why', () => {
    expect(round(quiet(['w1']))).toEqual([
      {
        node: 'w1',
        decision: 'taint',
        reason:
          'node advice: its Ready condition left True 2 times in the last 6 h (last at 2026-01-05T08:40:00Z): a machine that fails again soon is likely to fail a third time',
      },
    ]);
  });

  it('a node both advised and at risk is tainted once, with both reasons; advice goes before risk', () => {
    const memory = memoryAfter(['w1', 'w2'], 0.9);
    const d = round(memory, {
      config: { ...on, maxTaintedFraction: 0.5 },
      risks: new Map([
        ['w1', risk('w1', 0.8, 3 * MINUTE)],
        ['w2', risk('w2', 0.95, 3 * MINUTE)],
      ]),
    });
    expect(d.map((x) => [x.node, x.decision])).toEqual([
      ['w1', 'taint'],
      ['w2', 'hold'],
    ]);
    expect(d[0]?.reason).toMatch(/^node advice: .*; and risk 0\.80 ≥ 0\.7 for 3 consecutive predictions/);
  });

  it.each<[string, () => Partial<RoundInput>, AutopilotMemory, RegExp]>([
    [
      'never a control-plane node',
      () => ({ nodes: [facts('w1', { controlPlane: true }), ...workers(10).slice(1)] }),
      quiet(['w1']),
      /control-plane/,
    ],
    ['one node at a time', () => ({ busy: true }), quiet(['w1']), /one node at a time/],
    [
      'at most 10% of the nodes tainted',
      () => ({ nodes: [...workers(10).slice(0, 9), facts('w10', { autopilotTainted: true })] }),
      quiet(['w1']),
      /at most 10% of the nodes/,
    ],
    [
      'never the last schedulable node',
      () => ({
        config: { ...on, maxTaintedFraction: 1 },
        nodes: [facts('w1'), facts('w2', { schedulable: false })],
      }),
      quiet(['w1']),
      /last schedulable node/,
    ],
    [
      'a cooldown per node',
      () => ({}),
      (() => {
        const memory = quiet(['w1']);
        memory.lastActionAt.set('w1', 0);
        return memory;
      })(),
      /cooldown/,
    ],
  ])('the guardrails still hold it back: %s', (_name, change, memory, reason) => {
    const decisions = round(memory, change());
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ node: 'w1', decision: 'hold' });
    expect(decisions[0]?.reason).toMatch(reason);
  });

  it.each<[string, Partial<AutopilotConfig>]>([
    ['off', { enabled: false }],
    ['the kill switch', { paused: true }],
  ])('%s: the advice changes nothing either', (_name, change) => {
    expect(round(quiet(['w1']), { config: { ...on, ...change } })).toEqual([]);
  });

  it('keeps the taint while the advice holds, and removes it once the advice lapsed and the risk recovered', () => {
    const memory = emptyMemory();
    noteRisks(memory, new Map([['w1', risk('w1', 0.2, MINUTE)]]), on, MINUTE);
    const nodes = [facts('w1', { autopilotTainted: true }), ...workers(10).slice(1)];
    const at = (minutes: number, advice: NodeAdviceInfo[]) =>
      round(memory, { nodes, risks: new Map(), advice, now: (1 + minutes) * MINUTE });
    expect(at(30, [cordon('w1')])).toEqual([
      {
        node: 'w1',
        decision: 'hold',
        reason: expect.stringMatching(
          /^its risk recovered, but node advice still says to keep it cordoned: its Ready condition left True 2 times/,
        ),
      },
    ]);
    // The advice lapsed, but the risk has not been healthy long enough: still nothing.
    noteRisks(memory, new Map([['w1', risk('w1', 0.9, 40 * MINUTE)]]), on, 40 * MINUTE);
    noteRisks(memory, new Map([['w1', risk('w1', 0.2, 41 * MINUTE)]]), on, 41 * MINUTE);
    expect(at(50, [])).toEqual([]);
    expect(at(70, [])).toEqual([expect.objectContaining({ node: 'w1', decision: 'untaint' })]);
  });

  it('uncordon advice is no reason to taint', () => {
    expect(round(quiet(['w1']), { advice: [{ ...cordon('w1'), action: 'uncordon' }] })).toEqual([]);
  });

  it('with followNodeAdvice off the advice is ignored: no taint, and recovery does not wait for it', () => {
    const config = { ...on, followNodeAdvice: false };
    expect(round(quiet(['w1']), { config })).toEqual([]);
    const memory = emptyMemory();
    noteRisks(memory, new Map([['w1', risk('w1', 0.2, MINUTE)]]), config, MINUTE);
    const nodes = [facts('w1', { autopilotTainted: true }), ...workers(10).slice(1)];
    expect(round(memory, { config, nodes, now: 31 * MINUTE })).toEqual([
      expect.objectContaining({ node: 'w1', decision: 'untaint' }),
    ]);
  });
});
