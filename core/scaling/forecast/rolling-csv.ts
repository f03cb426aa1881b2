import type { ForecastCandidate } from './candidate.ts';
import { inferStepMs, SeriesInputError, type CsvRow } from './csv-series.ts';
import { rollingSelect } from './rolling-selection.ts';
import { seasonsFor } from './seasons.ts';

/**
 * `foresight forecast`'s arithmetic: rows are placed on a regular grid at the inferred step
 * (missing slots are gaps), the live-selected forecast is made at each slot, and each row gets
 * the forecast made at its own slot for the slot `horizon` steps later — so with no gaps in the
 * timestamps, the value `horizon` rows later.
 */
export interface ForecastRow {
  readonly raw: string;
  readonly forecast: number;
  readonly lower: number;
  readonly upper: number;
}

export interface RollingCsvResult {
  readonly rows: readonly ForecastRow[];
  readonly stepMs: number;
  /** How many rows each method forecast. */
  readonly usage: Readonly<Record<string, number>>;
}

/** More slots than this means the timestamps span far more time than the step suggests. */
export const MAX_GRID = 2_000_000;

export async function rollingForecastRows(
  rows: readonly CsvRow[],
  horizon: number,
  candidates: readonly ForecastCandidate[],
): Promise<RollingCsvResult> {
  const stepMs = inferStepMs(rows);
  const empty = (raw: string): ForecastRow => ({ raw, forecast: NaN, lower: NaN, upper: NaN });
  if (!(stepMs > 0)) return { rows: rows.map((r) => empty(r.raw)), stepMs: NaN, usage: {} };
  const first = rows.find((r) => !Number.isNaN(r.timeMs))?.timeMs ?? 0;
  const slots: number[] = [];
  let last = -1;
  for (const row of rows) {
    if (Number.isNaN(row.timeMs)) {
      slots.push(-1);
      continue;
    }
    const slot = Math.round((row.timeMs - first) / stepMs);
    // Two rows rounding into one slot: the first keeps it; the later is treated as a duplicate.
    slots.push(slot > last ? slot : -1);
    if (slot > last) last = slot;
  }
  if (last + 1 > MAX_GRID) {
    throw new SeriesInputError(
      `the timestamps span ${last + 1} steps of ${stepMs} ms; at most ${MAX_GRID} are supported — split the file or resample it`,
    );
  }
  const values = new Float64Array(last + 1).fill(NaN);
  rows.forEach((row, i) => {
    const slot = slots[i] ?? -1;
    if (slot >= 0) values[slot] = row.value;
  });
  const result = await rollingSelect(values, horizon, seasonsFor(stepMs), candidates);
  const usage: Record<string, number> = {};
  const out = rows.map((row, i) => {
    const slot = slots[i] ?? -1;
    if (slot < 0) return empty(row.raw);
    const chosen = result.chosen[slot] ?? -1;
    const name = result.candidates[chosen];
    if (name) usage[name] = (usage[name] ?? 0) + 1;
    return {
      raw: row.raw,
      forecast: result.forecast[slot] ?? NaN,
      lower: result.lower[slot] ?? NaN,
      upper: result.upper[slot] ?? NaN,
    };
  });
  return { rows: out, stepMs, usage };
}

function cell(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(8))) : '';
}

export function forecastCsv(rows: readonly ForecastRow[]): string {
  const lines = ['timestamp,forecast,lower,upper'];
  for (const r of rows) lines.push(`${r.raw},${cell(r.forecast)},${cell(r.lower)},${cell(r.upper)}`);
  return lines.join('\n') + '\n';
}
