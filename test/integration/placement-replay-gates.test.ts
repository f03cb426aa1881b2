import { describe, expect, it } from 'vitest';
import type { PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import { podInfoOf } from '../../core/scheduling/evaluate.ts';
import { buildNodeInfos } from '../../core/scheduling/node-info.ts';
import { placeOnNodes } from '../../core/scheduling/place.ts';
import { makeNode, makePod } from '../../core/scheduling/testing/builders.ts';
import type { ScenarioSpec } from '../../core/sim/scenarios/scenario.ts';
import {
  clearLead,
  clearLeadGate,
  concernGateForesightBest,
  concernGateKubeBest,
  linesCrossed,
  type AdviceGate,
} from '../bench/placement-replay-gates.ts';
import { runReplay } from '../bench/placement-replay.ts';

// The gate rule's candidates (test/bench/placement-replay.md): the pod advice departs from
// kube-scheduler's pick only with a reason.

const gi = 2 ** 30;
const pod = makePod().req({ cpu: '1', memory: '1Gi' }).obj();
// a and c are empty, b runs a pod: kube-scheduler ranks a = c above b and picks a (by name).
const nodes = buildNodeInfos(
  ['a', 'b', 'c'].map((n) => makeNode(n, 4000, 8 * gi)),
  [makePod().name('there').node('b').req({ cpu: '1', memory: '1Gi' }).obj()],
);
// b idle, c half busy in use: among b and c Foresight's total prefers b, kube-scheduler's c.
const others = { b: { cpuMillis: 0, memoryBytes: 0 }, c: { cpuMillis: 2000, memoryBytes: 0 } };
const usage = (a?: { cpuMillis: number; memoryBytes: number }) =>
  new Map(Object.entries({ ...others, ...(a ? { a } : {}) }));

function decide(gate: AdviceGate, signals: PlacementSignals) {
  const answer = placeOnNodes(pod, nodes, { signals });
  const context = { pod: podInfoOf(pod), nodes: new Map(nodes.map((n) => [n.name, n])), signals };
  return { answer, context, kube: answer.kubeSchedulerChoice?.node, choice: gate(answer, context) };
}

/** Each line crossed by a alone; the other nodes are past none. */
const crossings: [string, PlacementSignals][] = [
  // (2600 + 1000) / 4000 = 90% cpu after placing.
  ['LoadAware', { usage: usage({ cpuMillis: 2600, memoryBytes: 0 }) }],
  // (6 + 1) / 8 = 88% memory after placing.
  ['LoadAware', { usage: usage({ cpuMillis: 0, memoryBytes: 6 * gi }) }],
  // Two node failures: trouble 20, past one failure's worth (10).
  [
    'Stability',
    {
      usage: usage(),
      disruptions: new Map([['a', { restarts: 0, oomKills: 0, evictions: 0, nodeFailures: 2 }]]),
    },
  ],
  ['NetworkHealth', { usage: usage(), nicErrors: new Map([['a', 12]]) }],
  ['RiskAware', { usage: usage(), risks: new Map([['a', { probability: 0.8, reasons: [] }]]) }],
];

describe('the concern gates: (α) Foresight best, (γ) kube-scheduler best', () => {
  it("agree with kube-scheduler when its pick is past no line, even when Foresight's total is higher elsewhere", () => {
    // a at 50% cpu after placing: under the line, but b's Foresight total is higher.
    const signals = { usage: usage({ cpuMillis: 1000, memoryBytes: 0 }) };
    expect(decide(concernGateForesightBest, signals).answer.advice?.node).toBe('b');
    for (const gate of [concernGateForesightBest, concernGateKubeBest]) {
      const { kube, choice } = decide(gate, signals);
      expect(kube).toBe('a');
      expect(choice).toEqual({ node: 'a', kubeLines: [] });
    }
  });

  it.each(crossings)("depart when kube-scheduler's pick is past %s's line", (plugin, signals) => {
    const alpha = decide(concernGateForesightBest, signals);
    expect(alpha.kube).toBe('a');
    expect(alpha.choice).toEqual({ node: 'b', kubeLines: [plugin] });
    expect(decide(concernGateKubeBest, signals).choice).toEqual({ node: 'c', kubeLines: [plugin] });
  });

  it('just under each line is not past it', () => {
    const under: PlacementSignals = {
      // (2400 + 1000) / 4000 = 85%: at the line, not above it.
      usage: usage({ cpuMillis: 2400, memoryBytes: 0 }),
      disruptions: new Map([['a', { restarts: 0, oomKills: 0, evictions: 0, nodeFailures: 1 }]]),
      nicErrors: new Map([['a', 5]]),
      risks: new Map([['a', { probability: 0.5, reasons: [] }]]),
    };
    expect(decide(concernGateForesightBest, under).choice).toEqual({ node: 'a', kubeLines: [] });
  });

  it("when every feasible node is past a line, the advice as shipped (Foresight's best total)", () => {
    const risks = new Map([
      ['a', { probability: 0.95, reasons: [] }],
      ['b', { probability: 0.6, reasons: [] }],
      ['c', { probability: 0.7, reasons: [] }],
    ]);
    for (const gate of [concernGateForesightBest, concernGateKubeBest]) {
      const { answer, choice } = decide(gate, { risks });
      expect(choice?.node).toBe(answer.advice?.node);
      expect(choice?.kubeLines).toEqual(['RiskAware']);
    }
  });

  it('a plugin with no data draws no line, nor does one for a node it has no reading of', () => {
    // No usage at all: LoadAware takes no part. NIC errors only for b: a has no reading.
    const signals: PlacementSignals = { nicErrors: new Map([['b', 40]]) };
    const { answer, context, choice } = decide(concernGateForesightBest, signals);
    expect(answer.plugins.find((p) => p.name === 'LoadAware')?.active).toBe(false);
    expect(choice).toEqual({ node: 'a', kubeLines: [] });
    expect(linesCrossed(answer, context, 'b')).toEqual(['NetworkHealth']);
    const idleLoad = {
      ...context,
      signals: { ...signals, usage: usage({ cpuMillis: 4000, memoryBytes: 0 }) },
    };
    expect(linesCrossed(answer, idleLoad, 'a')).toEqual([]);
  });
});

describe('the clear-lead gate (β)', () => {
  const leadOf = (d: ReturnType<typeof decide>) =>
    (d.answer.advice?.total ?? 0) - (d.answer.nodes.find((n) => n.name === 'a')?.foresightTotal ?? 0);

  it("stays on kube-scheduler's pick unless Foresight's best leads it by a tenth of the active plugins' largest total", () => {
    // LoadAware alone takes part (×3): a clear lead is 30.
    const slight = decide(clearLeadGate, { usage: usage({ cpuMillis: 500, memoryBytes: 0 }) });
    expect(clearLead(slight.answer)).toBe(30);
    expect(slight.answer.advice?.node).toBe('b');
    expect(leadOf(slight)).toBeGreaterThan(0);
    expect(leadOf(slight)).toBeLessThan(30);
    expect(slight.choice).toEqual({ node: 'a', kubeLines: [] });
    const clear = decide(clearLeadGate, { usage: usage({ cpuMillis: 2000, memoryBytes: 0 }) });
    expect(leadOf(clear)).toBeGreaterThanOrEqual(30);
    expect(clear.choice).toEqual({ node: 'b', kubeLines: [] });
  });
});

describe('the replay with a gate (PLACEMENT_REPLAY_GATE)', () => {
  const MINUTE = 60_000;
  const scenarios: ScenarioSpec[] = [
    { family: 'hardwareFailure', onsetMs: 25 * MINUTE, precursor: 'strong', target: { node: 'node-04' } },
  ];
  const options = { seed: 5, hours: 0.75, streamSize: 16, scenarios };
  const shipped = runReplay('foresight', options);
  const alpha = runReplay('foresight', { ...options, gate: 'alpha' });
  const beta = runReplay('foresight', { ...options, gate: 'beta' });
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

  it('counts where the advice departs from kube-scheduler, and the gates depart less than the advice as shipped', () => {
    expect(shipped.departures).toBeGreaterThan(0);
    expect(shipped.departureLines).toEqual({});
    expect(alpha.departures).toBeLessThan(shipped.departures);
    expect(beta.departures).toBeLessThan(shipped.departures);
  });

  it("a concern gate departs only when kube-scheduler's pick is past a line, and says which", () => {
    expect(total(alpha.departureLines)).toBeGreaterThanOrEqual(alpha.departures);
    expect(beta.departureLines).toEqual({});
  });

  it('kube-scheduler never departs from itself, and an unknown gate is refused', () => {
    expect(runReplay('kube-scheduler', { ...options, gate: 'alpha' }).departures).toBe(0);
    expect(() => runReplay('foresight', { ...options, hours: 0.1, gate: 'delta' })).toThrow(
      'no advice gate "delta"',
    );
  });
});
