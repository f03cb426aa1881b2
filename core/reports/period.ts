import { maxReportPeriodMs, reportPeriodMs, type ReportPeriod } from '../contract/reports.ts';
import { formatDuration, formatTime } from './format.ts';
import type { ReportRange } from './model.ts';

export interface PeriodRequest {
  period?: ReportPeriod;
  since?: number;
  until?: number;
}

/** The default when a request names no period: the last day, what "what happened" usually means. */
export const defaultReportPeriod: ReportPeriod = '24h';

/** Turns a period request into bounds and a label the report prints. */
export function resolvePeriod(request: PeriodRequest, now: number): ReportRange {
  if (request.since !== undefined) {
    const until = request.until ?? now;
    return {
      since: request.since,
      until,
      label:
        request.until === undefined
          ? `last ${formatDuration(until - request.since)}`
          : `${formatTime(request.since)} to ${formatTime(until)}`,
    };
  }
  const period = request.period ?? defaultReportPeriod;
  return {
    since: now - reportPeriodMs[period],
    until: now,
    label: `last ${formatDuration(reportPeriodMs[period])}`,
  };
}

export class DurationError extends Error {}

const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * "90m", "24h", "7d", "1h30m" → milliseconds, for `--since`. Refuses anything else with a
 * message that shows the accepted form, and periods longer than a report may cover.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim().toLowerCase();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*([smhdw])/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (!trimmed || parts.length === 0 || consumed.replace(/\s/g, '') !== trimmed.replace(/\s/g, '')) {
    throw new DurationError(`"${text}" is not a duration: use a number and a unit, like 30m, 6h, 24h or 7d.`);
  }
  const ms = parts.reduce((total, p) => total + Number(p[1]) * (unitMs[p[2] ?? ''] ?? 0), 0);
  if (!(ms >= 1000)) throw new DurationError(`"${text}" is too short: a report covers at least one second.`);
  if (ms > maxReportPeriodMs) {
    throw new DurationError(
      `"${text}" is too long: a report covers at most ${formatDuration(maxReportPeriodMs)}.`,
    );
  }
  return Math.round(ms);
}
