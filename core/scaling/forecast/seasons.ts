/**
 * The seasonal periods of a regular series, in steps. Operators' load repeats by the day and by
 * the week; a step that does not divide a day leaves the series without seasons (forecasters
 * then fall back to their non-seasonal form).
 */
export interface Seasons {
  readonly stepMs: number;
  /** Steps per day, or 0 when the step does not divide a day. */
  readonly daily: number;
  /** Steps per week, or 0. */
  readonly weekly: number;
}

const DAY_MS = 86_400_000;

export function seasonsFor(stepMs: number): Seasons {
  if (!(stepMs > 0) || DAY_MS % stepMs !== 0 || stepMs > DAY_MS / 2) return { stepMs, daily: 0, weekly: 0 };
  const daily = DAY_MS / stepMs;
  return { stepMs, daily, weekly: daily * 7 };
}
