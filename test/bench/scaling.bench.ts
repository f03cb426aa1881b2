import { ALL_CANDIDATES } from '../../core/scaling/forecast/candidates.ts';
import { parseSeriesCsv } from '../../core/scaling/forecast/csv-series.ts';
import { rollingForecastRows } from '../../core/scaling/forecast/rolling-csv.ts';
import { meanAbsoluteError, seasonalNaiveScale } from '../../core/scaling/forecast/mase.ts';
import { rollingSelect } from '../../core/scaling/forecast/rolling-selection.ts';
import { seasonsFor } from '../../core/scaling/forecast/seasons.ts';
import { compareAutoscalers } from '../../core/scaling/replay/compare.ts';
import { simulatorWorkloadSeries } from '../../core/scaling/sim-workloads.ts';
import { figure, heading, timed } from './format.ts';

/**
 * Scaling: (1) a rolling backtest of every forecaster on the simulator's workloads (4 weeks of
 * CPU at 15-minute steps, forecasting 1 hour ahead, scored on the last week by MASE against the
 * daily seasonal-naive in-sample error), and (2) the upstream HPA algorithm vs predictive
 * replicas replayed on 3 weeks of 1-minute load (the last week scored), for five seeds.
 */
async function backtest(): Promise<void> {
  heading('scaling: rolling backtest, 1 h ahead, last of 4 weeks (MASE; lower is better)');
  const series = simulatorWorkloadSeries({ seed: 1, days: 28, stepMs: 900_000 });
  const seasons = seasonsFor(900_000);
  const horizon = 4;
  const names = ALL_CANDIDATES.map((c) => c.name);
  console.log(`${'workload'.padEnd(28)} ${[...names, 'selected'].map((n) => n.padStart(22)).join('')}`);
  let beatsNaive = 0;
  let belowOne = 0;
  const { ms } = await timed(async () => {
    for (const s of series) {
      const result = await rollingSelect(s.cpuMillis, horizon, seasons, ALL_CANDIDATES);
      const n = s.cpuMillis.length;
      const from = n - seasons.weekly;
      const scale = seasonalNaiveScale(s.cpuMillis, from, seasons.daily);
      const mase = [...result.byCandidate, result.forecast].map(
        (f) => meanAbsoluteError(s.cpuMillis, f, horizon, from, n) / scale,
      );
      const selected = mase.at(-1) ?? NaN;
      if (selected < Math.min(mase[0] ?? NaN, mase[1] ?? NaN)) beatsNaive++;
      if (selected < 1) belowOne++;
      console.log(`${s.workload.padEnd(28)} ${mase.map((m) => m.toFixed(3).padStart(22)).join('')}`);
    }
  });
  figure('workloads', series.length, 'count');
  figure('selected MASE below 1', belowOne, 'workloads');
  figure('selected beats both seasonal-naive', beatsNaive, 'workloads');
  figure('backtest time', ms / 1000, 's');
}

async function replays(seed: number): Promise<void> {
  heading(`scaling: upstream HPA vs predictive replicas, seed ${seed}, last of 3 weeks at 1-minute load`);
  const series = simulatorWorkloadSeries({ seed, days: 21, stepMs: 60_000 });
  const { value: rows, ms } = await timed(() => compareAutoscalers(series, 14));
  console.log(
    `${'workload'.padEnd(28)} ${['HPA under pod-min', 'HPA under min', 'HPA pod-h', 'pred under pod-min', 'pred under min', 'pred pod-h'].map((h) => h.padStart(19)).join('')}`,
  );
  const total = { upMin: 0, upPodMin: 0, upHours: 0, prMin: 0, prPodMin: 0, prHours: 0 };
  for (const r of rows) {
    total.upPodMin += r.upstream.underProvisionedPodMinutes;
    total.upMin += r.upstream.underProvisionedMinutes;
    total.upHours += r.upstream.podHours;
    total.prPodMin += r.predictive.underProvisionedPodMinutes;
    total.prMin += r.predictive.underProvisionedMinutes;
    total.prHours += r.predictive.podHours;
    const cells = [
      r.upstream.underProvisionedPodMinutes,
      r.upstream.underProvisionedMinutes,
      r.upstream.podHours,
      r.predictive.underProvisionedPodMinutes,
      r.predictive.underProvisionedMinutes,
      r.predictive.podHours,
    ];
    console.log(`${r.workload.padEnd(28)} ${cells.map((c) => c.toFixed(1).padStart(19)).join('')}`);
  }
  figure('HPA: under-provisioned pod-minutes', total.upPodMin, 'pod-min');
  figure('predictive: under-provisioned pod-minutes', total.prPodMin, 'pod-min');
  figure('HPA: under-provisioned minutes', total.upMin, 'min');
  figure('predictive: under-provisioned minutes', total.prMin, 'min');
  figure('HPA: pod-hours', total.upHours, 'pod-h');
  figure('predictive: pod-hours', total.prHours, 'pod-h');
  figure('fewer under-provisioned minutes', 100 * (1 - total.prMin / total.upMin), '%');
  figure('pod-hours, predictive vs HPA', 100 * (total.prHours / total.upHours - 1), '%');
  figure('replay time', ms / 1000, 's');
}

/** What `foresight forecast` costs on four weeks of one-minute data, every method included. */
async function forecastCli(): Promise<void> {
  heading('scaling: foresight forecast on 4 weeks of 1-minute rows, 5 steps ahead');
  const [series] = simulatorWorkloadSeries({ seed: 1, days: 28, stepMs: 60_000 });
  if (!series) return;
  const lines = ['timestamp,value'];
  for (let i = 0; i < series.cpuMillis.length; i++) {
    lines.push(
      `${new Date(series.startMs + i * 60_000).toISOString()},${(series.cpuMillis[i] ?? 0).toFixed(2)}`,
    );
  }
  const { value, ms } = await timed(async () =>
    rollingForecastRows(parseSeriesCsv(lines.join('\n')).rows, 5, ALL_CANDIDATES),
  );
  figure('rows', value.rows.length, 'rows');
  figure('parse + forecast time', ms / 1000, 's');
  figure('rows per second', value.rows.length / (ms / 1000), 'rows/s');
}

export async function benchScaling(): Promise<void> {
  await forecastCli();
  await backtest();
  // Seed 1 is where the predictive settings were chosen; seeds 2 to 5 are out of sample.
  for (const seed of [1, 2, 3, 4, 5]) await replays(seed);
}
