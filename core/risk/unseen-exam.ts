/**
 * Issue 5's acceptance 1, the unseen-family exam held family by family (`foresight evaluate
 * --unseen each`). The rule, the lead's, written down before any of these exams was run: a family
 * takes its turn as the unseen one when a 10-min lead on it is physically possible, i.e. when the
 * median minutes from its cause's onset (when the simulator started it, visible or not) to the
 * incident's first signal ("lead room", simulator ground truth only, never a score) on the
 * validation seeds is at least twice the lead target.
 * For each such family F the plan trains on every family but F, thresholds on the validation seeds
 * without F, and is graded on the held-out seeds (every family) and on clusters of F alone. The
 * acceptance is met when every one of those exams meets all three targets.
 */
import { SCENARIO_FAMILIES, type ScenarioFamily } from '../sim/index.ts';
import { buildDataset } from './dataset.ts';
import { formatExperiment } from './evaluation-text.ts';
import { runExperiment, type ExperimentPlan, type ExperimentReport, type SideBySide } from './experiment.ts';
import { simulatedCluster } from './simulated-cluster.ts';
import { MIN_LEAD_MINUTES } from './horizon-sweep.ts';
import { familyRoomsOfTruth } from './lead-room.ts';

const MINUTE = 60_000;

/** A family is examined as the unseen one when its median lead room is at least this. */
export const EXAM_ROOM_MINUTES = 2 * MIN_LEAD_MINUTES;

/** The issue's targets: PR-AUC (incidents) ≥ 0.7 and ≥ 2× the rules', lead ≥ 10 min, ≤ 1 false alarm per node-day. */
export const TARGETS = {
  prAuc: 0.7,
  prAucOverRules: 2,
  leadMinutes: MIN_LEAD_MINUTES,
  falseAlarmsPerNodeDay: 1,
};

export interface FamilyLeadRoom {
  family: string;
  incidents: number;
  medianRoomMinutes: number;
}

/** Lead room per family on the plan's validation seeds, simulated with every family. */
export function validationLeadRooms(plan: ExperimentPlan): FamilyLeadRoom[] {
  const clusters = plan.validationSeeds.map((seed) => simulatedCluster(seed, SCENARIO_FAMILIES, plan));
  const data = buildDataset(
    clusters.flatMap((c) => c.nodes),
    { strideMs: plan.strideMinutes * MINUTE, horizonMs: plan.horizonMinutes * MINUTE },
  );
  return familyRoomsOfTruth(
    data,
    clusters.flatMap((c) => c.incidents),
  );
}

/** The rule above: the families (in SCENARIO_FAMILIES order) whose median lead room is ≥ EXAM_ROOM_MINUTES. */
export function examFamilies(rooms: readonly FamilyLeadRoom[]): ScenarioFamily[] {
  return SCENARIO_FAMILIES.filter((family) => {
    const room = rooms.find((r) => r.family === family);
    return room !== undefined && room.medianRoomMinutes >= EXAM_ROOM_MINUTES;
  });
}

export interface TargetCheck {
  prAuc: boolean;
  lead: boolean;
  falseAlarms: boolean;
  met: boolean;
}

/** The model's figures in one exam against the issue's three targets. */
export function checkTargets({ model, baseline }: SideBySide): TargetCheck {
  const auc = model.incidentPr.auc;
  const rules = baseline.incidentPr.auc;
  const prAuc = auc >= TARGETS.prAuc && (!Number.isFinite(rules) || auc >= TARGETS.prAucOverRules * rules);
  const lead = model.alarms.medianLeadMinutes >= TARGETS.leadMinutes;
  const falseAlarms = model.alarms.falseAlarmsPerNodeDay <= TARGETS.falseAlarmsPerNodeDay;
  return { prAuc, lead, falseAlarms, met: prAuc && lead && falseAlarms };
}

export interface UnseenExams {
  rooms: FamilyLeadRoom[];
  families: ScenarioFamily[];
  /** One per examined family, in `families`' order. */
  reports: ExperimentReport[];
}

/** Each examined family held out in turn; the rest of the plan as given. */
export async function runUnseenExams(
  plan: ExperimentPlan,
  progress: (line: string) => void = () => {},
): Promise<UnseenExams> {
  progress(`lead room per family on validation seeds ${plan.validationSeeds.join(',')}…`);
  const rooms = validationLeadRooms(plan);
  const families = examFamilies(rooms);
  progress(`examined as unseen (median lead room ≥ ${EXAM_ROOM_MINUTES} min): ${families.join(', ')}`);
  const reports: ExperimentReport[] = [];
  for (const family of families) {
    const exam = await runExperiment({ ...plan, unseenFamilies: [family] }, (line) =>
      progress(`[${family} unseen] ${line}`),
    );
    progress(`[${family} unseen] ${summaryRows(exam).join(' | ')}`);
    reports.push(exam);
  }
  return { rooms, families, reports };
}

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function summaryRow(name: string, side: SideBySide): string {
  const { model, baseline } = side;
  const check = checkTargets(side);
  const missed = [
    check.prAuc ? '' : 'PR-AUC',
    check.lead ? '' : 'lead',
    check.falseAlarms ? '' : 'false alarms',
  ].filter(Boolean);
  return (
    `  ${name.padEnd(34)}${`${fixed(model.incidentPr.auc, 3)} (${fixed(baseline.incidentPr.auc, 3)})`.padEnd(17)}` +
    `${`${model.alarms.warned}/${model.alarms.incidents}`.padEnd(9)}${`${fixed(model.alarms.medianLeadMinutes, 1)} min`.padEnd(13)}` +
    `${fixed(model.alarms.falseAlarmsPerNodeDay, 2).padEnd(10)}${check.met ? 'met' : `not met: ${missed.join(', ')}`}`
  );
}

function summaryRows(report: ExperimentReport): string[] {
  const family = report.plan.unseenFamilies.join(', ');
  return [
    summaryRow(`held-out, ${family} unseen`, report.heldOut),
    summaryRow(`unseen ${family} only`, report.unseen),
  ];
}

/** Whether every exam (held-out and unseen, each family) met all three targets. */
export function acceptanceMet(exams: UnseenExams): boolean {
  return (
    exams.reports.length > 0 &&
    exams.reports.every((r) => checkTargets(r.heldOut).met && checkTargets(r.unseen).met)
  );
}

/** The literal reading: every pooled held-out exam (every family on the held-out seeds, F unseen) meets all three. */
export function literalAcceptanceMet(exams: UnseenExams): boolean {
  return exams.reports.length > 0 && exams.reports.every((r) => checkTargets(r.heldOut).met);
}

/** The lead rooms, each family's full evaluation, then one summary and the verdict. */
export function formatUnseenExams(exams: UnseenExams, plan: ExperimentPlan): string {
  const roomLines = exams.rooms.map(
    (r) =>
      `  ${r.family.padEnd(22)}${String(r.incidents).padEnd(11)}${fixed(r.medianRoomMinutes, 1).padEnd(10)}` +
      (exams.families.includes(r.family as ScenarioFamily) ? 'examined' : ''),
  );
  return [
    `Lead room per family of the cause, validation seeds ${plan.validationSeeds.join(',')} (every family; simulator ground truth):`,
    `  ${'family'.padEnd(22)}${'incidents'.padEnd(11)}${'median cause to incident (min)'}`,
    ...roomLines,
    `Examined as the unseen family (median lead room ≥ ${EXAM_ROOM_MINUTES} min): ${exams.families.join(', ') || 'none'}.`,
    '',
    ...exams.reports.flatMap((report) => [
      `===== ${report.plan.unseenFamilies.join(', ')} unseen =====`,
      formatExperiment(report),
      '',
    ]),
    `Summary (the alarm: ${plan.component === 'none' ? 'the model alone' : `model OR ${plan.component}, t_c per exam above`}; judged at ${plan.horizonMinutes} min; targets: PR-AUC ≥ ${TARGETS.prAuc} and ≥ ${TARGETS.prAucOverRules}× the rules', median lead ≥ ${TARGETS.leadMinutes} min, ≤ ${TARGETS.falseAlarmsPerNodeDay} false alarm per node-day):`,
    `  ${'exam'.padEnd(34)}${'PR-AUC (rules)'.padEnd(17)}${'warned'.padEnd(9)}${'median lead'.padEnd(13)}${'FA/n-d'.padEnd(10)}targets`,
    ...exams.reports.flatMap(summaryRows),
    `Acceptance 1, literal reading (every pooled held-out exam meets all three): ${literalAcceptanceMet(exams) ? 'MET' : 'NOT MET'}.`,
    `Acceptance 1, round-1 rule (also every unseen-family exam): ${acceptanceMet(exams) ? 'MET' : 'NOT MET'}.`,
  ].join('\n');
}
