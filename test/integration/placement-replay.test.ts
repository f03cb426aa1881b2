import { describe, expect, it } from 'vitest';
import { foresightAdvisors } from '../../core/scheduling/advisors/index.ts';
import type { PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import { STABILITY } from '../../core/scheduling/advisors/stability.ts';
import { makeNode, makePod } from '../../core/scheduling/testing/builders.ts';
import { scoreNodes } from '../../core/scheduling/testing/run-plugin.ts';
import type { IncidentRecord, ScenarioSpec } from '../../core/sim/scenarios/scenario.ts';
import { createSimulation } from '../../core/sim/simulation.ts';
import {
  boundDuringNicErrors,
  causeOf,
  tallyCauses,
  type Disruption,
} from '../bench/placement-replay-causes.ts';
import { ForesightView } from '../bench/placement-replay-view.ts';
import { failureWarnings, type RiskRound } from '../bench/placement-replay-warnings.ts';
import { doNoHarmTroubleScore } from '../bench/placement-replay-shapes.ts';
import {
  replayAdvisors,
  runReplay,
  type PluginChoice,
  type ReplayFigures,
} from '../bench/placement-replay.ts';

const MINUTE = 60_000;

/** A short replay: a node fails 25 min in (after a 10-minute warning), another leaks memory. */
const scenarios: ScenarioSpec[] = [
  { family: 'hardwareFailure', onsetMs: 25 * MINUTE, precursor: 'strong', target: { node: 'node-04' } },
  {
    family: 'noisyNeighbour',
    onsetMs: 10 * MINUTE,
    severity: 0.8,
    target: { node: 'node-07' },
    durationMs: 20 * MINUTE,
  },
];
const options = { seed: 5, hours: 0.75, streamSize: 16, scenarios };

/** First-generation pods arrive on the stream's own schedule, whatever either policy did. */
const arrivals = (f: ReplayFigures) => f.created.filter((c) => /-1@/.test(c));

describe('placement replay harness', () => {
  const kube = runReplay('kube-scheduler', options);
  const foresight = runReplay('foresight', options);

  it('gives both policies the same stream and the same incidents', () => {
    expect(arrivals(kube).length).toBeGreaterThan(5);
    expect(arrivals(foresight)).toEqual(arrivals(kube));
    expect(kube.incidents).toEqual(['noisyNeighbour@node-07@10', 'hardwareFailure@node-04@25']);
    expect(foresight.incidents).toEqual(kube.incidents);
  });

  it('places every arriving pod under both policies and counts the same figures', () => {
    for (const f of [kube, foresight]) {
      expect(f.placed).toBeGreaterThanOrEqual(arrivals(f).length);
      expect(f.disruptions).toBe(f.oomKills + f.evictions + f.restarts);
      expect(Object.values(f.causes).reduce((a, b) => a + b, 0)).toBe(f.disruptions);
      expect(f.nodesInUse).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same seed gives the same figures', () => {
    expect(runReplay('foresight', options)).toEqual(foresight);
  });

  it('Foresight with none of its signals places exactly as kube-scheduler does', () => {
    const bare = runReplay('foresight', { ...options, foresightSignals: [], nodeAdvice: false });
    expect({ ...bare, policy: 'kube-scheduler' }).toEqual(kube);
  });

  it("Foresight's plugins weighed at 0 leave kube-scheduler's ranking: the same placements, all signals in", () => {
    const unweighed = runReplay('foresight', { ...options, weightScale: 0, nodeAdvice: false });
    expect(unweighed.warnings).toBeDefined();
    expect({ ...unweighed, policy: 'kube-scheduler', warnings: undefined }).toEqual(kube);
    const weighed = runReplay('foresight', { ...options, nodeAdvice: false });
    expect({ ...weighed, policy: 'kube-scheduler', warnings: undefined }).not.toEqual(kube);
  });
});

describe("the Foresight run's operator follows the node advice", () => {
  // node-04 fails twice, 20 min apart, and is repaired 10 min after each failure.
  const twice: ScenarioSpec[] = [10, 30].map((onsetMin) => ({
    family: 'hardwareFailure',
    onsetMs: onsetMin * MINUTE,
    precursor: 'none',
    target: { node: 'node-04' },
    durationMs: 10 * MINUTE,
  }));
  const run = { seed: 5, hours: 1.25, streamSize: 16, scenarios: twice };

  it('cordons the node after its second failure and uncordons it once healthy for the window', () => {
    const f = runReplay('foresight', { ...run, nodeAdvicePolicy: { failures: 2, windowMs: 30 * MINUTE } });
    expect(f.nodeActions.map((a) => [a.node, a.action])).toEqual([
      ['node-04', 'cordon'],
      ['node-04', 'uncordon'],
    ]);
    const [cordon, uncordon] = f.nodeActions;
    expect(cordon?.round).toBeGreaterThanOrEqual(30);
    expect(cordon?.round).toBeLessThan(35);
    expect(cordon?.reason).toContain('left True 2 times in the last 30 min');
    // Healthy for 30 min after the second failure (Ready lost at about minute 30, back at 40).
    expect(uncordon?.round).toBeGreaterThanOrEqual(60);
    expect(uncordon?.round).toBeLessThan(65);
  });

  it('with the default window the node stays cordoned; kube-scheduler has no operator', () => {
    expect(runReplay('foresight', run).nodeActions.map((a) => a.action)).toEqual(['cordon']);
    expect(runReplay('kube-scheduler', run).nodeActions).toEqual([]);
    expect(runReplay('foresight', { ...run, nodeAdvice: false }).nodeActions).toEqual([]);
  });
});

describe("the replay's view of the cluster (what a live Foresight sees)", () => {
  it('counts pods deleted from a failed node as evictions there for the figures and core/risk, and the failure once for Stability', () => {
    const startMs = Date.UTC(2025, 5, 2, 8);
    const sim = createSimulation({
      seed: 3,
      preset: 'default',
      scenarios: [
        { family: 'hardwareFailure', onsetMs: MINUTE, precursor: 'none', target: { node: 'node-02' } },
      ],
      startMs,
      tickMs: 5000,
    });
    const view = new ForesightView(sim, startMs);
    for (let t = 0; t < 8; t++) {
      sim.advance(MINUTE);
      view.sample();
    }
    const evicted = view.events.filter((e) => e.kind === 'PodEvicted' && e.node === 'node-02');
    const signals = view.signals();
    view.close();
    sim.close();
    expect(evicted.length).toBeGreaterThan(0);
    expect(evicted[0]?.detail).toBe('DeletionByTaintManager');
    // The node's own failure counts once, however many pods it took down: Stability does not
    // count its deletions again as evictions (history, which the worker reads, holds none).
    expect(signals.disruptions?.get('node-02')).toMatchObject({ evictions: 0, nodeFailures: 1 });
    // Usage is stamped with the collection it came from, so pods bound since count as assumed.
    expect(signals.usage?.get('node-01')?.sampledAt).toBe(startMs + 8 * MINUTE);
    expect(view.events.some((e) => e.kind === 'NodeCondition' && e.node === 'node-02')).toBe(true);
    // Warning Events reach it too, on the node they concern, as the collector records them.
    expect(
      view.events.some(
        (e) => e.kind === 'Warning' && e.node === 'node-02' && e.detail.startsWith('NodeNotReady'),
      ),
    ).toBe(true);
    // core/risk's LiveRisk judges every node from the same samples and events.
    expect([...(signals.risks?.keys() ?? [])].sort()).toEqual(
      [...(signals.usage?.keys() ?? []), 'node-02'].sort(),
    );
  });
});

describe('what caused a disruption (ground truth, read after the run)', () => {
  const at = (min: number) => min * MINUTE;
  const incident = (
    family: IncidentRecord['family'],
    node: string,
    onsetMin: number,
    more: Partial<IncidentRecord> = {},
  ): IncidentRecord => ({
    id: `${family}-${node}-${onsetMin}`,
    family,
    target:
      family === 'memoryLeak'
        ? { kind: 'Pod', namespace: 'default', name: 'stream-2-1' }
        : { kind: 'Node', name: node },
    node,
    onsetMs: at(onsetMin),
    severity: 0.5,
    precursor: 'strong',
    description: '',
    ...more,
  });
  const incidents: IncidentRecord[] = [
    incident('hardwareFailure', 'node-03', 50, { endMs: at(100) }),
    incident('hardwareFailure', 'node-03', 130, { endMs: at(180) }),
    incident('hardwareFailure', 'node-10', 170, { precursor: 'none' }),
    incident('memoryLeak', 'node-06', 70),
    incident('noisyNeighbour', 'node-07', 90, { endMs: at(180) }),
  ];
  const d = (kind: Disruption['kind'], node: string, min: number, pod = 'stream-9-1'): Disruption => ({
    kind,
    node,
    pod,
    at: at(min),
  });
  it.each<[string, Disruption, string]>([
    ['the leaking pod, wherever it was', d('PodEvicted', 'node-06', 84, 'stream-2-1'), 'leaking pod itself'],
    [
      'the pod that will leak, taken by a failure before its leak began',
      d('PodEvicted', 'node-03', 66, 'stream-2-1'),
      'first failure, NIC errors',
    ],
    ['another pod on the leaking node', d('PodEvicted', 'node-06', 84), 'leak on its node'],
    ['a node failure the node never had before', d('PodEvicted', 'node-03', 66), 'first failure, NIC errors'],
    ['the same node failing again', d('PodEvicted', 'node-03', 146), 'repeat failure of a node'],
    ['a failure with no warning', d('PodEvicted', 'node-10', 176), 'first failure, no warning'],
    ['a restart beside a noisy neighbour', d('PodRestarted', 'node-07', 120), 'noisy neighbour'],
    ['after the repair and its aftermath: no incident', d('PodRestarted', 'node-03', 125), 'other'],
    ['on a node with no incident', d('PodOOMKilled', 'node-01', 60), 'other'],
  ])('%s', (_name, disruption, cause) => {
    expect(causeOf(disruption, incidents)).toBe(cause);
  });
  it('tallies every cause, zero when none', () => {
    const tally = tallyCauses([d('PodEvicted', 'node-03', 66), d('PodEvicted', 'node-03', 67)], incidents);
    expect(tally['first failure, NIC errors']).toBe(2);
    expect(tally['repeat failure of a node']).toBe(0);
    expect(Object.keys(tally)).toHaveLength(7);
  });

  it('counts the first-failure disruptions of pods bound after the NIC errors began', () => {
    const bound = new Map([
      ['stream-1-1', at(55)], // during node-03's NIC errors (50-60): placement could have spared it
      ['stream-2-2', at(30)], // there before the errors began
      ['stream-3-1', at(135)], // a repeat failure's, not a first one's
    ]);
    const taken = [
      d('PodEvicted', 'node-03', 66, 'stream-1-1'),
      d('PodEvicted', 'node-03', 66, 'stream-2-2'),
      d('PodEvicted', 'node-03', 146, 'stream-3-1'),
    ];
    expect(boundDuringNicErrors(taken, incidents, bound)).toBe(1);
  });
});

describe("whether the advice's signals saw first failures coming (ground truth, after the run)", () => {
  const at = (min: number) => min * MINUTE;
  const failure = (
    node: string,
    onsetMin: number,
    precursor: IncidentRecord['precursor'],
  ): IncidentRecord => ({
    id: `hw-${node}-${onsetMin}`,
    family: 'hardwareFailure',
    target: { kind: 'Node', name: node },
    node,
    onsetMs: at(onsetMin),
    severity: 0.6,
    precursor,
    description: '',
  });
  const round = (min: number, atRisk: string[], erring: string[] = []): RiskRound => ({
    at: at(min),
    nicErrors: new Map(['node-01', 'node-02', 'node-03'].map((n) => [n, erring.includes(n) ? 40 : 0])),
    risks: new Map(
      ['node-01', 'node-02', 'node-03'].map((n) => [
        n,
        {
          probability: atRisk.includes(n) ? 0.6 : 0.02,
          level: atRisk.includes(n) ? 'at-risk' : 'healthy',
          reasons: [],
        },
      ]),
    ),
  });
  // node-01 fails at 50 after NIC errors from 40; rounds at 38 (too early), 45 and 48 (inside).
  it.each<[string, IncidentRecord[], RiskRound[], ReturnType<typeof failureWarnings>]>([
    [
      'at risk inside the NIC-error minutes: warned; a false flag elsewhere counts against it',
      [failure('node-01', 40, 'strong')],
      [round(38, []), round(45, ['node-01', 'node-02']), round(48, [], ['node-01'])],
      {
        failures: 1,
        risk: { warned: 1, otherRounds: 4, otherFlagged: 1 },
        nic: { warned: 1, otherRounds: 4, otherFlagged: 0 },
      },
    ],
    [
      'flagged only before the NIC errors began: not warned',
      [failure('node-01', 40, 'strong')],
      [round(38, ['node-01'], ['node-01']), round(45, [], ['node-02'])],
      {
        failures: 1,
        risk: { warned: 0, otherRounds: 2, otherFlagged: 0 },
        nic: { warned: 0, otherRounds: 2, otherFlagged: 1 },
      },
    ],
    [
      'a failure without a precursor, and a repeat, are not first failures with NIC errors',
      [failure('node-01', 40, 'strong'), failure('node-01', 100, 'strong'), failure('node-03', 60, 'none')],
      [round(45, []), round(105, ['node-01'], ['node-01']), round(65, ['node-03'], ['node-03'])],
      {
        failures: 1,
        risk: { warned: 0, otherRounds: 2, otherFlagged: 0 },
        nic: { warned: 0, otherRounds: 2, otherFlagged: 0 },
      },
    ],
  ])('%s', (_name, incidents, rounds, expected) => {
    expect(failureWarnings(rounds, incidents)).toEqual(expected);
  });
});

describe("the replay's plugin choice (the spreader rule, test/bench/placement-replay.md)", () => {
  const gi = 2 ** 30;
  const pod = makePod().req({ cpu: '1', memory: '1Gi' }).obj();
  const nodes = ['quiet', 'restarts', 'failed', 'failedTwice'].map((n) => makeNode(n, 4000, 8 * gi));
  const signals: PlacementSignals = {
    disruptions: new Map([
      ['restarts', { restarts: 4, oomKills: 0, evictions: 1, nodeFailures: 0 }], // trouble 7
      ['failed', { restarts: 2, oomKills: 0, evictions: 1, nodeFailures: 1 }], // 15
      ['failedTwice', { restarts: 0, oomKills: 1, evictions: 0, nodeFailures: 2 }], // 23
    ]),
  };
  const stabilityOf = (choice: PluginChoice) =>
    replayAdvisors(signals, choice).find((p) => p.name === STABILITY);

  it.each([
    [0, 100],
    [10, 100],
    [15, 75],
    [20, 50],
    [29, 5],
    [30, 0],
    [45, 0],
  ])('"do no harm" Stability: trouble %d scores %d', (trouble, score) => {
    expect(doNoHarmTroubleScore(trouble)).toBe(score);
  });

  it('sets only the named plugin weights, the others at the scale', () => {
    const weights = (choice: PluginChoice) => replayAdvisors(signals, choice).map((p) => [p.name, p.weight]);
    expect(weights({ weights: { Stability: 0 } })).toEqual([
      ['LoadAware', 3],
      ['Stability', 0],
      ['NetworkHealth', 3],
      ['RiskAware', 3],
      ['LearnedOutcome', 2],
    ]);
    expect(weights({ weightScale: 1 / 3, weights: { LoadAware: 2 } })[0]).toEqual(['LoadAware', 2]);
    expect(weights({})).toEqual(foresightAdvisors(signals).map((p) => [p.name, p.weight]));
  });

  it('shapes Stability to tell only clearly troubled nodes apart, its weight kept', () => {
    const shipped = stabilityOf({});
    const shaped = stabilityOf({ doNoHarm: [STABILITY] });
    // Relative to the worst node: a node with a few restarts already loses points.
    expect(scoreNodes(shipped!, pod, nodes)).toEqual([100, 70, 35, 0]);
    expect(scoreNodes(shaped!, pod, nodes)).toEqual([100, 100, 75, 35]);
    expect(shaped?.weight).toBe(shipped?.weight);
  });
});
