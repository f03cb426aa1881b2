import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../testing/builders.ts';
import { podInfoOf } from '../evaluate.ts';
import { buildNodeInfos } from '../node-info.ts';
import { scoreNodes } from '../testing/run-plugin.ts';
import { FORESIGHT_WEIGHT_SCALE, foresightAdvisors } from './index.ts';
import { loadAware } from './load-aware.ts';
import { networkHealth, nicScore } from './network-health.ts';
import { outcomeAware } from './outcome-aware.ts';
import { riskAware } from './risk-aware.ts';
import { spanText } from './signals.ts';
import { stability } from './stability.ts';

const gi = 2 ** 30;
const pod = makePod().req({ cpu: '1', memory: '1Gi' }).obj();
const nodes = [makeNode('a', 4000, 8 * gi), makeNode('b', 4000, 8 * gi), makeNode('c', 4000, 8 * gi)];

describe('LoadAware', () => {
  it('says when it lacks usage history, and then takes no part', () => {
    expect(loadAware({}).missingData()).toContain('no usage history');
    expect(loadAware({ usage: new Map() }).missingData()).toContain('no usage history');
  });

  it('scores the headroom left on the fuller resource after the pod, memory an hour ahead', () => {
    const plugin = loadAware({
      usage: new Map([
        // cpu (1000 + 1000) / 4000 = 50%, memory (2 + 1) / 8 = 37.5% → 50
        ['a', { cpuMillis: 1000, memoryBytes: 2 * gi }],
        // memory (5 + 1) / 8 = 75% + 10% growth an hour = 85% → 15
        ['b', { cpuMillis: 0, memoryBytes: 5 * gi, memoryGrowthPerHour: 0.1 }],
      ]),
    });
    expect(plugin.missingData()).toBeUndefined();
    // c has no sample: the neutral 50.
    expect(scoreNodes(plugin, pod, nodes)).toEqual([50, 15, 50]);
  });
});

describe('LoadAware with the time of the usage sample', () => {
  const bound = (name: string, iso: string | undefined) => {
    const p = makePod().name(name).node('a').req({ cpu: '2', memory: '2Gi' }).obj();
    const conditions = iso ? [{ type: 'PodScheduled', status: 'True', lastTransitionTime: iso }] : [];
    return { ...p, status: { conditions } } as typeof p;
  };
  const sampledAt = Date.parse('2025-06-02T08:00:00Z');
  const usage = new Map([
    ['a', { cpuMillis: 1000, memoryBytes: 2 * gi, sampledAt }],
    ['b', { cpuMillis: 1000, memoryBytes: 2 * gi, sampledAt }],
  ]);

  it.each<[string, ReturnType<typeof bound>[], number[]]>([
    // cpu (1000 + 1000) / 4000 = 50% on both: the pods were in the sample already.
    ['pods bound before the sample are in it', [bound('old', '2025-06-02T07:59:00Z')], [50, 50, 50]],
    // a: cpu (1000 + 2000 + 1000) / 4000 = 100% → 0; memory (2 + 2 + 1) / 8 = 62.5%.
    ['a pod bound after the sample adds its requests', [bound('new', '2025-06-02T08:00:30Z')], [0, 50, 50]],
    ['so does a pod just bound, with no status yet', [bound('assumed', undefined)], [0, 50, 50]],
  ])('%s', (_name, existing, expected) => {
    expect(scoreNodes(loadAware({ usage }), pod, nodes, existing)).toEqual(expected);
  });
});

describe('Stability', () => {
  it("weighs the node's own failures above its pods' troubles, and says so", () => {
    const signals = {
      disruptions: new Map([
        ['a', { restarts: 0, oomKills: 0, evictions: 0, nodeFailures: 2 }], // 2 × 10 = 20
        ['b', { restarts: 1, oomKills: 0, evictions: 3, nodeFailures: 0 }], // 1 + 9 = 10
      ]),
      disruptionWindowMs: 5 * 3_600_000,
    };
    const plugin = stability(signals);
    expect(scoreNodes(plugin, pod, nodes)).toEqual([0, 50, 100]);
    const [a, , c] = buildNodeInfos(nodes, []);
    expect(plugin.explain?.(podInfoOf(pod), a!, 0)).toBe(
      'in 5 h: it failed (NotReady) 2 time(s); 0 OOMKill(s), 0 eviction(s), 0 restart(s)',
    );
    expect(plugin.explain?.(podInfoOf(pod), c!, 100)).toBe(
      'no node failure, restart, OOMKill or eviction in 5 h of history',
    );
  });

  it('without lifecycle history takes no part; with it, the most troubled node scores 0', () => {
    expect(stability({}).missingData()).toContain('no lifecycle history');
    const plugin = stability({
      disruptions: new Map([
        ['a', { restarts: 2, oomKills: 1, evictions: 1 }], // 2 + 3 + 3 = 8
        ['b', { restarts: 4, oomKills: 0, evictions: 0 }], // 4
      ]),
      disruptionWindowMs: 7 * 24 * 3_600_000,
    });
    expect(plugin.missingData()).toBeUndefined();
    expect(scoreNodes(plugin, pod, nodes)).toEqual([0, 50, 100]);
  });
});

describe('RiskAware', () => {
  it('without predictions takes no part; without a level scores 100 × (1 − probability)', () => {
    expect(riskAware({}).missingData()).toContain('no node risk predictions');
    const plugin = riskAware({
      risks: new Map([
        ['a', { probability: 0.81, reasons: ['memory rising'] }],
        ['b', { probability: 0.1, reasons: [] }],
      ]),
    });
    expect(scoreNodes(plugin, pod, nodes)).toEqual([19, 90, 50]);
  });

  it('shows the level the Risk page shows beside the probability', () => {
    const plugin = riskAware({
      risks: new Map([['a', { probability: 0.95, level: 'caution' as const, reasons: ['memory rising'] }]]),
    });
    expect(scoreNodes(plugin, pod, nodes)).toEqual([5, 50, 50]);
    const [a] = buildNodeInfos(nodes, []);
    expect(plugin.explain?.(podInfoOf(pod), a!, 5)).toBe('risk 0.95 (caution): memory rising');
  });
});

describe('NetworkHealth', () => {
  it('without NIC error rates takes no part', () => {
    expect(networkHealth({}).missingData()).toContain('no NIC error counters');
    expect(networkHealth({ nicErrors: new Map() }).missingData()).toContain('no NIC error counters');
  });

  it.each([
    [0, 100],
    [2, 83],
    [10, 50],
    [90, 10],
    [-3, 100],
  ])('%d errors a minute score %d', (rate, score) => {
    expect(nicScore(rate)).toBe(score);
  });

  it('scores each node by its peak rate, a node without one in the middle, and says why', () => {
    const plugin = networkHealth({
      nicErrors: new Map([
        ['a', 90],
        ['b', 0],
      ]),
      nicErrorWindowMs: 10 * 60_000,
    });
    expect(plugin.missingData()).toBeUndefined();
    expect(scoreNodes(plugin, pod, nodes)).toEqual([10, 100, 50]);
    const [a, b, c] = buildNodeInfos(nodes, []);
    expect(plugin.explain?.(podInfoOf(pod), a!, 10)).toContain('up to 90 a minute in the last 10 min');
    expect(plugin.explain?.(podInfoOf(pod), b!, 100)).toBe('its NIC counted no errors in the last 10 min');
    expect(plugin.explain?.(podInfoOf(pod), c!, 50)).toBe('no recent NIC error counters for this node');
    const slow = networkHealth({ nicErrors: new Map([['a', 0.4]]), nicErrorWindowMs: 10 * 60_000 });
    expect(slow.explain?.(podInfoOf(pod), a!, 96)).toContain('up to 0.4 a minute');
  });
});

describe('LearnedOutcome', () => {
  it('says why there is no model, and then takes no part', () => {
    expect(outcomeAware({}).missingData()).toContain('no learned outcome model yet');
    expect(outcomeAware({ outcomeProblem: 'only 3 placements' }).missingData()).toBe('only 3 placements');
  });

  it('scores 100 × (1 − the learned chance of a disruption)', () => {
    const plugin = outcomeAware({
      outcome: new Map([
        ['a', 0.25],
        ['b', 0.9],
      ]),
    });
    expect(plugin.missingData()).toBeUndefined();
    expect(scoreNodes(plugin, pod, nodes)).toEqual([75, 10, 50]);
  });
});

describe('spanText', () => {
  it.each([
    [30_000, '1 min'],
    [45 * 60_000, '45 min'],
    [5 * 3_600_000, '5 h'],
    [7 * 24 * 3_600_000, '7 days'],
  ])('%d ms → %s', (ms, text) => expect(spanText(ms)).toBe(text));
});

describe("Foresight's plugin weights", () => {
  const weights = (scale?: number) => foresightAdvisors({}, scale).map((p) => [p.name, p.weight]);

  it.each<[string, number, number[]]>([
    ['1', 1, [3, 3, 3, 3, 2]],
    ['2/3', 2 / 3, [2, 2, 2, 2, 1]],
    ['1/3', 1 / 3, [1, 1, 1, 1, 1]],
    ['0', 0, [0, 0, 0, 0, 0]],
  ])('at the scale %s, whole numbers (×3 → 3, 2, 1, 0; ×2 → 2, 1, 1, 0)', (_label, scale, expected) => {
    expect(weights(scale).map(([, w]) => w)).toEqual(expected);
  });

  it("default to the product's scale, in the order they are shown, still scoring and explaining", () => {
    expect(weights()).toEqual(weights(FORESIGHT_WEIGHT_SCALE));
    expect(weights().map(([name]) => name)).toEqual([
      'LoadAware',
      'Stability',
      'NetworkHealth',
      'RiskAware',
      'LearnedOutcome',
    ]);
    const [, , , risk] = foresightAdvisors(
      { risks: new Map([['a', { probability: 0.3, level: 'caution', reasons: [] }]]) },
      1 / 3,
    );
    expect(risk?.missingData()).toBeUndefined();
    expect(risk && scoreNodes(risk, pod, nodes)).toEqual([70, 50, 50]);
  });
});
