/**
 * Issue 5, acceptance 1, round 5: which fixed component (alarm-components.ts: E30, the exhaustion
 * forecast at the 30-min trend, or E30C, the same or a container towards its own limit) rings with
 * which plan's model ((a) 30 min × 1 network, (b) 60 min × 3), chosen on the validation seeds only
 * by the rule in models/risk/EVALUATION.md ("Round 5"; round 3 chose among none, E, D, E+D and
 * round 4 between E and E30 the same way). For each family F of the acceptance rule: train on seeds 1-6 without F, choose t_m and t_c
 * on seeds 7-8 without F, and judge on (i) seeds 7-8 simulated with every family (F unseen in
 * training) and (ii) seeds 7-8 with F alone (seed + 5000). One training per (F, plan): the
 * components are added at scoring time.
 *
 *   node --import tsx core/risk/component-sweep.ts     (~7 min here: 8 networks)
 */
import { pathToFileURL } from 'node:url';
import { loadTf } from '../../models/tf-backend.ts';
import { SCENARIO_FAMILIES, type ScenarioFamily } from '../sim/index.ts';
import { chooseComponent, type ComponentName, type TcGridName } from './alarm-components.ts';
import { buildDataset } from './dataset.ts';
import { compare, DEFAULT_PLAN, trainOnDatasets, type SideBySide } from './experiment.ts';
import { simulatedCluster } from './simulated-cluster.ts';
import { examFigures, leadShortfall, SWEEP_FAMILIES, SWEEP_PLANS, targetsMet } from './feature-sweep.ts';

const MINUTE = 60_000;
type PlanName = (typeof SWEEP_PLANS)[number]['name'];

export interface ComponentExam {
  family: ScenarioFamily;
  /** (i) `every`: seeds 7-8 with every family, F unseen in training; (ii) `only`: seeds 7-8 with F alone. */
  clusters: 'every' | 'only';
  modelThreshold: number;
  /** t_c; undefined when the component takes no part (or is none). */
  componentThreshold: number | undefined;
  side: SideBySide;
}

export interface ComponentCandidate {
  component: ComponentName;
  plan: PlanName;
  exams: ComponentExam[];
}

/** Each round's candidates, simplest first, and the grid its t_c was chosen on (EVALUATION.md). */
export const SWEEP_ROUNDS = {
  3: { components: ['none', 'E', 'D', 'E+D'], grid: 'round3' },
  4: { components: ['E', 'E30'], grid: 'round4' },
  5: { components: ['E30', 'E30C'], grid: 'round4' },
} as const satisfies Record<number, { components: readonly ComponentName[]; grid: TcGridName }>;
export type SweepRound = keyof typeof SWEEP_ROUNDS;
/** The newest round's candidates. */
export const SWEEP_COMPONENTS = SWEEP_ROUNDS[5].components;

/** Simplest first (the order of `components`, then (a) < (b)): a tie keeps the earlier. */
export function componentCandidates(
  components: readonly ComponentName[] = SWEEP_COMPONENTS,
): ComponentCandidate[] {
  return components.flatMap((component) => SWEEP_PLANS.map((p) => ({ component, plan: p.name, exams: [] })));
}

const warnedShare = (side: SideBySide) =>
  side.model.alarms.incidents > 0 ? side.model.alarms.warned / side.model.alarms.incidents : 0;
const leadOrZero = (side: SideBySide) =>
  Number.isFinite(side.model.alarms.medianLeadMinutes) ? side.model.alarms.medianLeadMinutes : 0;

/** The rule's keys, in order; each compared higher-is-better. */
export function ranking(candidate: ComponentCandidate): number[] {
  const every = candidate.exams.filter((e) => e.clusters === 'every').map((e) => e.side);
  const only = candidate.exams.filter((e) => e.clusters === 'only').map((e) => e.side);
  return [
    Math.min(...every.map(targetsMet)),
    -Math.max(...every.map(leadShortfall)),
    Math.min(...only.map(warnedShare)),
    Math.min(...only.map(leadOrZero)),
  ];
}

function better(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) {
    if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) > (b[k] ?? 0);
  }
  return false;
}

/** The rule: the best ranking; a tie keeps the simpler (earlier) candidate. */
export function pickComponent(candidates: readonly ComponentCandidate[]): ComponentCandidate | undefined {
  return candidates.reduce<ComponentCandidate | undefined>(
    (best, c) => (!best || better(ranking(c), ranking(best)) ? c : best),
    undefined,
  );
}

export async function componentSweep(
  progress: (line: string) => void = () => {},
  round: SweepRound = 5,
): Promise<ComponentCandidate[]> {
  const plan = DEFAULT_PLAN;
  const { components, grid } = SWEEP_ROUNDS[round];
  const candidates = componentCandidates(components);
  for (const family of SWEEP_FAMILIES) {
    progress(`[${family} unseen] simulating…`);
    const others = SCENARIO_FAMILIES.filter((f) => f !== family);
    const trainNodes = plan.trainSeeds.flatMap((seed) => simulatedCluster(seed, others, plan).nodes);
    const thresholdClusters = plan.validationSeeds.map((seed) => simulatedCluster(seed, others, plan));
    const every = plan.validationSeeds.map((seed) => simulatedCluster(seed, SCENARIO_FAMILIES, plan));
    const only = plan.validationSeeds.map((seed) => simulatedCluster(seed + 5000, [family], plan));
    for (const p of SWEEP_PLANS) {
      const options = { strideMs: plan.strideMinutes * MINUTE, horizonMs: p.horizonMinutes * MINUTE };
      const data = (clusters: typeof every) =>
        buildDataset(
          clusters.flatMap((c) => c.nodes),
          options,
        );
      const thresholdData = data(thresholdClusters);
      const exams = [
        { clusters: 'every' as const, data: data(every), incidents: every.flatMap((c) => c.incidents) },
        { clusters: 'only' as const, data: data(only), incidents: only.flatMap((c) => c.incidents) },
      ];
      progress(`[${family} unseen] plan (${p.name}): training…`);
      const trained = await trainOnDatasets(buildDataset(trainNodes, options), thresholdData, {
        epochs: plan.epochs,
        falseAlarmBudget: plan.falseAlarmBudget,
        ensembleSize: p.ensembleSize,
      });
      for (const candidate of candidates.filter((c) => c.plan === p.name)) {
        const component = chooseComponent(
          trained,
          thresholdData,
          candidate.component,
          plan.falseAlarmBudget,
          grid,
        );
        for (const exam of exams) {
          const judged: ComponentExam = {
            family,
            clusters: exam.clusters,
            modelThreshold: trained.threshold,
            componentThreshold: component.threshold,
            side: compare({ ...trained, component }, exam.data, exam.incidents),
          };
          candidate.exams.push(judged);
          progress(formatExamRow(candidate, judged));
        }
      }
    }
  }
  return candidates;
}

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

export function formatExamRow(candidate: ComponentCandidate, exam: ComponentExam): string {
  const where = exam.clusters === 'only' ? `(ii) ${exam.family} only` : `(i) every, ${exam.family} unseen`;
  const thresholds = `${fixed(exam.modelThreshold, 2)}/${exam.componentThreshold === undefined ? '-' : fixed(exam.componentThreshold, 2)}`;
  return (
    `(${candidate.plan}) ${candidate.component.padEnd(5)}${where.padEnd(30)}${thresholds.padEnd(11)}` +
    examFigures(exam.side)
  );
}

export function formatComponentSweep(candidates: readonly ComponentCandidate[]): string {
  const pick = pickComponent(candidates);
  return [
    'Validation seeds 7-8 (t_m/t_c chosen on seeds 7-8 without F; PR-AUC incidents (rules), warned, median lead, false alarms per node-day, targets met):',
    ...candidates.flatMap((c) => c.exams.map((e) => formatExamRow(c, e))),
    'Ranking (worse (i) targets met; worst (i) lead shortfall; worse (ii) warned share; worse (ii) median lead):',
    ...candidates.map((c) => {
      const [met = 0, shortfall = 0, share = 0, lead = 0] = ranking(c);
      return `(${c.plan}) ${c.component.padEnd(5)}${met}/3; ${fixed(-shortfall, 1)} min; ${fixed(share, 3)}; ${fixed(lead, 2)} min`;
    }),
    `Pick: plan (${pick?.plan}), component ${pick?.component}.`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await loadTf();
  const began = performance.now();
  const progress = (line: string) => process.stderr.write(line + '\n');
  // `--round 3|4` reruns that round's candidates on its grid; the newest round by default.
  const round = process.argv.includes('--round')
    ? Number(process.argv[process.argv.indexOf('--round') + 1])
    : 5;
  if (!(round in SWEEP_ROUNDS))
    throw new Error(`--round needs one of ${Object.keys(SWEEP_ROUNDS).join(', ')}`);
  process.stdout.write(formatComponentSweep(await componentSweep(progress, round as SweepRound)) + '\n');
  process.stderr.write(`took ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
}
