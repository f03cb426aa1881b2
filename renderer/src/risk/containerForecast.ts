import type { NodeRow } from '../../../core/contract/index.ts';

/** Forecasts further off than this are not news: a container's trend over 30 min says little about tomorrow. */
const SHOWN_WITHIN_HOURS = 24;

function timeLeft(hours: number): string {
  const minutes = Math.round(hours * 60);
  return minutes < 120 ? `~${Math.max(1, minutes)} min` : `~${Math.round(hours)} h`;
}

/**
 * The line the node page shows about the container soonest to reach its memory limit (from the
 * live collection), or undefined when no container's memory is rising towards its limit within a day.
 */
export function containerForecastLine(row: NodeRow | undefined): string | undefined {
  const hours = row?.containerHoursToLimit;
  const name = row?.containerNearestLimit;
  if (hours === null || hours === undefined || !name || hours > SHOWN_WITHIN_HOURS) return undefined;
  if (hours <= 0) return `Container ${name} is at its memory limit and still rising: an OOM kill is next.`;
  return `Nearest its memory limit: container ${name}, ${timeLeft(hours)} left at its 30-min trend.`;
}
