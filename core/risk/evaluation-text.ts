import { describeComponent } from './alarm-components.ts';
import { YARDSTICK_HORIZON_MS } from './dataset.ts';
import type { ExperimentReport, SideBySide } from './experiment.ts';
import { LONG_ROOM_MINUTES, type FamilyRoom, type LeadRoom } from './lead-room.ts';

function fixed(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

const line = (name: string, m: string, b: string) => `  ${name.padEnd(36)}${m.padStart(18)}${b.padStart(18)}`;

function rows(title: string, side: SideBySide, horizonMinutes: number): string[] {
  const { model, baseline } = side;
  const recall = (s: typeof model) =>
    s.alarms.incidents > 0 ? s.alarms.warned / s.alarms.incidents : Number.NaN;
  const out = [
    `${title} (${model.points} prediction points, ${model.positives} before an incident, ${model.alarms.incidents} incidents)`,
    line('', 'model', 'rules'),
    line(
      'PR-AUC, incidents (warned / true alarms)',
      fixed(model.incidentPr.auc),
      fixed(baseline.incidentPr.auc),
    ),
    line(`PR-AUC, points (${horizonMinutes}-min horizon)`, fixed(model.pr.auc), fixed(baseline.pr.auc)),
    line('ROC-AUC', fixed(model.roc.auc), fixed(baseline.roc.auc)),
    line('alarm threshold', fixed(model.confusion.threshold, 2), fixed(baseline.confusion.threshold, 2)),
    line(
      'incidents warned before they began',
      `${model.alarms.warned}/${model.alarms.incidents}`,
      `${baseline.alarms.warned}/${baseline.alarms.incidents}`,
    ),
    line('share of incidents warned', fixed(recall(model), 2), fixed(recall(baseline), 2)),
    line(
      'median lead time (simulated min)',
      fixed(model.alarms.medianLeadMinutes, 1),
      fixed(baseline.alarms.medianLeadMinutes, 1),
    ),
    line(
      'false alarms per node-day',
      fixed(model.alarms.falseAlarmsPerNodeDay, 2),
      fixed(baseline.alarms.falseAlarmsPerNodeDay, 2),
    ),
    line(
      'confusion tp/fp/tn/fn (points)',
      `${model.confusion.tp}/${model.confusion.fp}/${model.confusion.tn}/${model.confusion.fn}`,
      `${baseline.confusion.tp}/${baseline.confusion.fp}/${baseline.confusion.tn}/${baseline.confusion.fn}`,
    ),
  ];
  if (side.room) out.push(...roomRows(side.room));
  for (const [i, c] of model.perClass.entries()) {
    const b = baseline.perClass[i];
    out.push(
      line(
        `P/R/F1 ${c.label} (${c.support})`,
        `${fixed(c.precision, 2)}/${fixed(c.recall, 2)}/${fixed(c.f1, 2)}`,
        b ? `${fixed(b.precision, 2)}/${fixed(b.recall, 2)}/${fixed(b.f1, 2)}` : '',
      ),
    );
  }
  return out;
}

/** What the incidents allowed (cause to first visible signal) and what each scorer used of it. */
function roomRows({ model, baseline }: NonNullable<SideBySide['room']>): string[] {
  const warned = (r: LeadRoom) =>
    `${r.longRoomWarned}/${r.longRoom}, ${fixed(r.longRoomMedianLeadMinutes, 1)} min`;
  const count = (r: LeadRoom) => `${r.longRoom}/${r.incidents}`;
  return [
    line(
      'cause to incident (median min)',
      fixed(model.medianRoomMinutes, 1),
      fixed(baseline.medianRoomMinutes, 1),
    ),
    line(`incidents with cause ≥ ${LONG_ROOM_MINUTES} min before`, count(model), count(baseline)),
    line('  of those: warned, median lead', warned(model), warned(baseline)),
    '  per family of the cause: incidents warned, median lead, median cause to incident (min)',
    ...model.families.map((f) => {
      const rules = baseline.families.find((b) => b.family === f.family);
      return line(`  ${f.family}`, familyCell(f), rules ? familyCell(rules) : '');
    }),
  ];
}

function familyCell(f: FamilyRoom): string {
  return `${f.warned}/${f.incidents}, ${fixed(f.medianLeadMinutes, 1)}, ${fixed(f.medianRoomMinutes, 1)}`;
}

/** The same model and alarms judged at the former 30-min horizon (earlier alarms count as false). */
function yardstickRows(yardstick: NonNullable<ExperimentReport['yardstick']>, unseen: string[]): string[] {
  const minutes = YARDSTICK_HORIZON_MS / 60_000;
  return [
    `Judged at the former ${minutes}-min horizon (an alarm more than ${minutes} min before its incident is false):`,
    '',
    ...rows('Held-out seeds, all families', yardstick.heldOut, minutes),
    '',
    ...rows(`Held-out seeds, unseen family only (${unseen.join(', ')})`, yardstick.unseen, minutes),
    '',
  ];
}

/** With a component: the alarm is the model OR the component, and the "model" column judges that alarm. */
function componentLines(report: ExperimentReport): string[] {
  if (!report.component || report.component.name === 'none') return [];
  const active = report.component.threshold !== undefined;
  return [
    `The alarm: ${describeComponent(report.component)} (model threshold ${fixed(report.threshold, 2)}).`,
    ...(active
      ? ['The "model" column judges that one alarm, scored max(p / t_m, c / t_c), which rings at 1.00.']
      : []),
  ];
}

/** `foresight evaluate`'s printout: the model and the rules baseline side by side. */
export function formatExperiment(report: ExperimentReport): string {
  const { plan } = report;
  return [
    `Trained on seeds ${plan.trainSeeds.join(',')} (${report.trainedFamilies.join(', ')}): ${report.trainPoints} points, ${report.trainPositives} positive;`,
    `tested on held-out seeds ${plan.testSeeds.join(',')}; unseen in training: ${plan.unseenFamilies.join(', ')}.`,
    `Clusters of ${plan.nodes} nodes, ${plan.hours} simulated hours each, ${plan.incidentsPerDay} incidents per day, severity ${plan.severity[0]}–${plan.severity[1]},`,
    plan.timescales === 'realistic'
      ? 'realistic timescales: each leak, disk fill, runaway CPU, crash loop or surge takes minutes to hours to show.'
      : "short timescales: each family's severity-tied timing, 4-30 min from cause to incident.",
    plan.ensembleSize > 1
      ? `The model: the mean of ${plan.ensembleSize} networks trained with seeds 1–${plan.ensembleSize}, calibrated once.`
      : 'The model: one network (seed 1).',
    '',
    `Horizon ${plan.horizonMinutes} min: an alarm is true when an incident follows within it; threshold chosen on seeds ${plan.validationSeeds.join(',')} for at most ${plan.falseAlarmBudget} false alarms per node-day.`,
    ...componentLines(report),
    '',
    ...rows('Held-out seeds, all families', report.heldOut, plan.horizonMinutes),
    '',
    ...rows(
      `Held-out seeds, unseen family only (${plan.unseenFamilies.join(', ')})`,
      report.unseen,
      plan.horizonMinutes,
    ),
    '',
    ...(report.yardstick ? yardstickRows(report.yardstick, plan.unseenFamilies) : []),
    'Permutation importance (PR-AUC drop when shuffled, held-out seeds):',
    ...report.importance.slice(0, 10).map((f) => `  ${f.feature.padEnd(24)}${fixed(f.prAucDrop, 4)}`),
    '',
    `Took ${fixed(report.seconds.simulate, 1)} s simulating, ${fixed(report.seconds.train, 1)} s training, ${fixed(report.seconds.evaluate, 1)} s evaluating.`,
  ].join('\n');
}
