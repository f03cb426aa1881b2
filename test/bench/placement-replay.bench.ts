import { FORESIGHT_WEIGHT_SCALE, foresightAdvisors } from '../../core/scheduling/advisors/index.ts';
import { heading } from './format.ts';
import { CAUSES, type Cause } from './placement-replay-causes.ts';
import { ADVICE_GATES } from './placement-replay-gates.ts';
import type { FailureWarnings, SignalWarnings } from './placement-replay-warnings.ts';
import { SHAPED_PLUGINS } from './placement-replay-shapes.ts';
import {
  replayAdvisors,
  runReplay,
  type PluginChoice,
  type ReplayFigures,
  type ReplayOptions,
  type SignalPart,
} from './placement-replay.ts';

/**
 * Ten seeds: one replay's disruptions swing with where a handful of pods happened to be.
 * Seeds 1–10 are the ones the plugins were tuned on; `PLACEMENT_REPLAY_SEEDS=11-20` replays
 * others, as an out-of-sample check (`npm run bench -- placement-replay` reads it).
 */
export function replaySeeds(text: string | undefined): number[] {
  if (text === undefined || text.trim() === '') return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  const seeds = range
    ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
    : text.split(',').map((part) => Number(part.trim()));
  if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s) || s < 0))
    throw new Error(
      `PLACEMENT_REPLAY_SEEDS must be a range like 11-20 or a list like 3,5,8 of whole numbers; got "${text}"`,
    );
  return seeds;
}

const SEEDS = replaySeeds(process.env['PLACEMENT_REPLAY_SEEDS']);
const SEED_TEXT =
  SEEDS.length > 1 && SEEDS.every((s, i) => i === 0 || s === (SEEDS[i - 1] ?? 0) + 1)
    ? `seeds ${SEEDS[0]}–${SEEDS.at(-1)}`
    : `seeds ${SEEDS.join(', ')}`;

/**
 * Foresight's plugin weights scaled by a fraction (`PLACEMENT_REPLAY_WEIGHT_SCALE=2/3`, or 1, 1/3,
 * 0.5 ...): the candidates the weight rule (test/bench/placement-replay.md) chose among. The
 * product's scale by default.
 */
export function weightScale(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return FORESIGHT_WEIGHT_SCALE;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  const scale = match ? Number(match[1]) / Number(match[2] ?? 1) : NaN;
  if (!Number.isFinite(scale))
    throw new Error(`PLACEMENT_REPLAY_WEIGHT_SCALE must be a number or a fraction like 2/3; got "${text}"`);
  return scale;
}

/**
 * Single plugins at a weight of their own (`PLACEMENT_REPLAY_WEIGHTS=LoadAware=0,Stability=2`),
 * the others at the scale: the rule for finding which plugin spreads the pods
 * (test/bench/placement-replay.md).
 */
export function pluginWeights(text: string | undefined): Record<string, number> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const names = new Set(foresightAdvisors({}).map((p) => p.name));
  const weights: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*(\w+)\s*=\s*(\d+)\s*$/.exec(part);
    if (!match?.[1] || !names.has(match[1]))
      throw new Error(
        `PLACEMENT_REPLAY_WEIGHTS must be like LoadAware=0,Stability=2 (plugins: ${[...names].join(', ')}); got "${text}"`,
      );
    weights[match[1]] = Number(match[2]);
  }
  return weights;
}

const WEIGHT_SCALE_TEXT =
  process.env['PLACEMENT_REPLAY_WEIGHT_SCALE']?.trim() || String(FORESIGHT_WEIGHT_SCALE);
/** `PLACEMENT_REPLAY_DO_NO_HARM=Stability`: the plugin in its "do no harm" shape (the spreader rule's (ii)). */
export function shapedPlugins(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => !SHAPED_PLUGINS.includes(n)))
    throw new Error(`PLACEMENT_REPLAY_DO_NO_HARM may name ${SHAPED_PLUGINS.join(', ')}; got "${text}"`);
  return names;
}

/**
 * `PLACEMENT_REPLAY_GATE=alpha|beta|gamma`: the advice departs from kube-scheduler's pick only
 * through that gate (placement-replay-gates.ts; the gate rule in test/bench/placement-replay.md).
 */
export function adviceGate(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const name = text.trim();
  if (!(name in ADVICE_GATES))
    throw new Error(
      `PLACEMENT_REPLAY_GATE must be one of ${Object.keys(ADVICE_GATES).join(', ')}; got "${text}"`,
    );
  return name;
}

const GATE = adviceGate(process.env['PLACEMENT_REPLAY_GATE']);
const WEIGHTS: PluginChoice = {
  weightScale: weightScale(WEIGHT_SCALE_TEXT),
  weights: pluginWeights(process.env['PLACEMENT_REPLAY_WEIGHTS']),
  doNoHarm: shapedPlugins(process.env['PLACEMENT_REPLAY_DO_NO_HARM']),
  ...(GATE ? { gate: GATE } : {}),
};
const WEIGHTS_TEXT = `Foresight's weights ×${WEIGHT_SCALE_TEXT}${WEIGHTS.weights ? ' with overrides' : ''}${WEIGHTS.doNoHarm ? ` (do no harm: ${WEIGHTS.doNoHarm.join(', ')})` : ''}${GATE ? `, gate ${GATE}` : ''}: ${replayAdvisors(
  {},
  WEIGHTS,
)
  .map((p) => `${p.name} ${p.weight}`)
  .join(', ')}`;

function row(name: string, a: number, b: number, digits = 0): string {
  const change = a === 0 ? (b === 0 ? '0%' : 'n/a') : `${Math.round(((b - a) / a) * 100)}%`;
  return `${name.padEnd(28)} ${a.toFixed(digits).padStart(14)} ${b.toFixed(digits).padStart(14)} ${change.padStart(8)}`;
}

function seedRow(seed: number, k: ReplayFigures, f: ReplayFigures): string {
  const pair = (a: string, b: string, width: number) => `${a} / ${b}`.padStart(width);
  return [
    String(seed).padEnd(6),
    pair(String(k.disruptions), String(f.disruptions), 14),
    pair(k.nodesInUse.toFixed(2), f.nodesInUse.toFixed(2), 14),
    pair(String(k.hotspotMinutes), String(f.hotspotMinutes), 12),
    pair(String(k.pendingPodMinutes), String(f.pendingPodMinutes), 12),
  ].join(' ');
}

function table(title: string, k: ReplayFigures, f: ReplayFigures): void {
  heading(title);
  console.log(
    `${''.padEnd(28)} ${'kube-scheduler'.padStart(14)} ${'Foresight'.padStart(14)} ${'change'.padStart(8)}`,
  );
  console.log(row('disruptions', k.disruptions, f.disruptions));
  console.log(row('  OOMKills', k.oomKills, f.oomKills));
  console.log(row('  evictions', k.evictions, f.evictions));
  console.log(row('  restarts', k.restarts, f.restarts));
  console.log(row('hotspot node-minutes', k.hotspotMinutes, f.hotspotMinutes));
  console.log(row('nodes in use (mean)', k.nodesInUse, f.nodesInUse, 2));
  console.log(row('stream pods placed', k.placed, f.placed));
  console.log(row('pending pod-minutes (no room)', k.pendingPodMinutes, f.pendingPodMinutes));
  console.log(row('placed where only one node fit', k.placedWithoutChoice, f.placedWithoutChoice));
  const lines = Object.entries(f.departureLines).map(([plugin, n]) => `${plugin} ${n}`);
  console.log(
    `Foresight's advice departed from kube-scheduler's pick for ${f.departures} of ${f.placed} placements (${((f.departures / Math.max(1, f.placed)) * 100).toFixed(1)}%)${lines.length > 0 ? `; kube-scheduler's pick past the concern line of ${lines.join(', ')}` : ''}`,
  );
  console.log('disruptions by cause (from the ground truth, after the run):');
  for (const cause of CAUSES) console.log(row(`  ${cause}`, k.causes[cause], f.causes[cause]));
  // Of these causes a repeat failure shows beforehand (the node failed before), and a first
  // failure's NIC errors for ten minutes; a leak starts after its pod is placed, a failure without
  // warning has none. Placement can only spare pods it would have bound there after the errors began.
  const repeat = k.causes['repeat failure of a node'];
  console.log(
    `kube-scheduler's disruptions from repeat failures (the node failed before): ${repeat} of ${k.disruptions} (${Math.round((repeat / Math.max(1, k.disruptions)) * 100)}%)`,
  );
  console.log(
    `repeat failures' disruptions of pods bound where only that node fit: ${k.repeatWithoutChoice} / ${f.repeatWithoutChoice} (of ${repeat} / ${f.causes['repeat failure of a node']})`,
  );
  console.log(
    `first failures with NIC errors: disruptions of pods bound after the errors began ${k.boundDuringNicErrors} / ${f.boundDuringNicErrors} (of ${k.causes['first failure, NIC errors']} / ${f.causes['first failure, NIC errors']}; the rest were there before)`,
  );
  const w = f.warnings;
  if (w) {
    const share = (s: SignalWarnings) => ((s.otherFlagged / Math.max(1, s.otherRounds)) * 100).toFixed(1);
    console.log(
      `first failures flagged during their 10 min of NIC errors (of ${w.failures}): risk model at risk ${w.risk.warned}, other nodes in ${share(w.risk)}% of those rounds; NIC errors ${w.nic.warned}, other nodes in ${share(w.nic)}%`,
    );
  }
}

function sumSignal(all: readonly SignalWarnings[]): SignalWarnings {
  const total = (pick: (s: SignalWarnings) => number) => all.reduce((sum, s) => sum + pick(s), 0);
  return {
    warned: total((s) => s.warned),
    otherRounds: total((s) => s.otherRounds),
    otherFlagged: total((s) => s.otherFlagged),
  };
}

function sumWarnings(runs: readonly ReplayFigures[]): FailureWarnings | undefined {
  const all = runs.flatMap((f) => (f.warnings ? [f.warnings] : []));
  if (all.length === 0) return undefined;
  return {
    failures: all.reduce((s, w) => s + w.failures, 0),
    risk: sumSignal(all.map((w) => w.risk)),
    nic: sumSignal(all.map((w) => w.nic)),
  };
}

function sumCounts(all: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const counts of all) for (const [k, n] of Object.entries(counts)) total[k] = (total[k] ?? 0) + n;
  return total;
}

function sumCauses(runs: readonly ReplayFigures[]): Record<Cause, number> {
  const total = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
  for (const f of runs) for (const c of CAUSES) total[c] += f.causes[c];
  return total;
}

function sum(all: ReplayFigures[], policy: ReplayFigures['policy']): ReplayFigures {
  const mine = all.filter((f) => f.policy === policy);
  const warnings = sumWarnings(mine);
  const total = (pick: (f: ReplayFigures) => number) => mine.reduce((s, f) => s + pick(f), 0);
  return {
    policy,
    placed: total((f) => f.placed),
    oomKills: total((f) => f.oomKills),
    evictions: total((f) => f.evictions),
    restarts: total((f) => f.restarts),
    disruptions: total((f) => f.disruptions),
    hotspotMinutes: total((f) => f.hotspotMinutes),
    nodesInUse: total((f) => f.nodesInUse) / mine.length,
    pendingPodMinutes: total((f) => f.pendingPodMinutes),
    placedWithoutChoice: total((f) => f.placedWithoutChoice),
    departures: total((f) => f.departures),
    departureLines: sumCounts(mine.map((f) => f.departureLines)),
    repeatWithoutChoice: total((f) => f.repeatWithoutChoice),
    created: [],
    incidents: [],
    disrupted: mine.flatMap((f) => f.disrupted),
    causes: sumCauses(mine),
    boundDuringNicErrors: total((f) => f.boundDuringNicErrors),
    nodeActions: mine.flatMap((f) => f.nodeActions),
    ...(warnings ? { warnings } : {}),
  };
}

/**
 * Two clusters of the same 12 nodes: one with headroom (the cluster's own workloads request
 * about 46% of worker CPU, the stream of 30 pods takes it to about 60% at its peak), where a
 * node failure can be absorbed and placement is a real choice; and the simulator's default
 * preset (77% before the stream), where pods wait for room and there is little to choose.
 */
const ALL_CLUSTERS: { key: string; name: string; options: ReplayOptions; perSeed: boolean }[] = [
  {
    key: 'spare',
    name: 'headroom (2 pods/node + a stream of 30)',
    options: { podsPerNode: 2, streamSize: 30 },
    perSeed: true,
  },
  {
    key: 'near-full',
    name: 'tight (default preset + a stream of 24)',
    options: { streamSize: 24 },
    perSeed: false,
  },
];

/**
 * `PLACEMENT_REPLAY_CLUSTERS=near-full` (or `spare`) replays one cluster, and
 * `PLACEMENT_REPLAY_ABLATION=off` leaves out the one-signal-at-a-time tables: a rule that asks for
 * one row needs only that row.
 */
function chosenClusters(text: string | undefined): typeof ALL_CLUSTERS {
  if (text === undefined || text.trim() === '') return ALL_CLUSTERS;
  const keys = text.split(',').map((k) => k.trim());
  const chosen = ALL_CLUSTERS.filter((c) => keys.includes(c.key));
  if (chosen.length !== keys.length)
    throw new Error(`PLACEMENT_REPLAY_CLUSTERS must name spare and/or near-full; got "${text}"`);
  return chosen;
}
const CLUSTERS = chosenClusters(process.env['PLACEMENT_REPLAY_CLUSTERS']);
const ABLATION = process.env['PLACEMENT_REPLAY_ABLATION']?.trim() !== 'off';

/**
 * Issue 6, acceptance 2: the same stream and incidents placed by kube-scheduler's default
 * scoring and by Foresight's advice, 5 simulated hours per seed (target: at least 40% fewer
 * disruptions with at most 5% more nodes in use). The figures are what they are; see
 * placement-replay.ts for what each side sees.
 */
export async function benchPlacementReplay(): Promise<void> {
  for (const cluster of CLUSTERS) {
    const all: ReplayFigures[] = [];
    let incidents = 0;
    const perSeed: string[] = [];
    const actions: string[] = [];
    for (const seed of SEEDS) {
      const k = runReplay('kube-scheduler', { ...cluster.options, seed });
      const f = runReplay('foresight', { ...cluster.options, seed, ...WEIGHTS });
      all.push(k, f);
      incidents = k.incidents.length;
      if (cluster.perSeed) perSeed.push(seedRow(seed, k, f));
      actions.push(
        ...f.nodeActions.map((a) => `seed ${seed}, minute ${a.round}: ${a.action} ${a.node} (${a.reason})`),
      );
    }
    if (perSeed.length > 0) {
      heading(`placement replay, ${cluster.name}: per seed (kube-scheduler / Foresight)`);
      console.log(
        `${'seed'.padEnd(6)} ${'disruptions'.padStart(14)} ${'nodes in use'.padStart(14)} ${'hotspot min'.padStart(12)} ${'pending min'.padStart(12)}`,
      );
      for (const line of perSeed) console.log(line);
    }
    table(
      `placement replay, ${cluster.name}: ${SEED_TEXT} together, 5 h each, ${incidents} incidents each (nodes in use: mean); ${WEIGHTS_TEXT}`,
      sum(all, 'kube-scheduler'),
      sum(all, 'foresight'),
    );
    console.log(`node advice the Foresight run's operator followed (${actions.length}):`);
    for (const line of actions) console.log(`  ${line}`);
    await Promise.resolve();
  }
  if (ABLATION) for (const cluster of CLUSTERS) ablation(cluster);
}

/** Which of Foresight's signals the gain (and the cost in nodes and waiting) comes from. */
function ablation(cluster: (typeof CLUSTERS)[number]): void {
  heading(
    `placement replay, ${cluster.name}: Foresight with one signal at a time, ${SEED_TEXT} together; ${WEIGHTS_TEXT}`,
  );
  console.log(
    `${'signals'.padEnd(28)} ${'disruptions'.padStart(14)} ${'nodes in use'.padStart(14)} ${'hotspot min'.padStart(12)} ${'pending min'.padStart(12)}`,
  );
  // Single signals without the node advice, to see what placement alone does with each.
  const variants: [string, SignalPart[] | undefined, boolean][] = [
    ['none (= kube-scheduler)', [], false],
    ['usage (LoadAware)', ['usage'], false],
    ['disruptions (Stability)', ['disruptions'], false],
    ['risks (RiskAware)', ['risks'], false],
    ['NIC errors (NetworkHealth)', ['nic'], false],
    ['node advice (cordon) only', [], true],
    ['all but node advice', undefined, false],
    ['all', undefined, true],
  ];
  for (const [name, parts, nodeAdvice] of variants) {
    const runs = SEEDS.map((seed) =>
      runReplay('foresight', {
        ...cluster.options,
        seed,
        nodeAdvice,
        ...WEIGHTS,
        ...(parts ? { foresightSignals: parts } : {}),
      }),
    );
    const s = sum(runs, 'foresight');
    console.log(
      `${name.padEnd(28)} ${String(s.disruptions).padStart(14)} ${s.nodesInUse.toFixed(2).padStart(14)} ${String(s.hotspotMinutes).padStart(12)} ${String(s.pendingPodMinutes).padStart(12)}`,
    );
  }
}
