/**
 * Delay before the next attempt after `failures` consecutive failures: doubling from the base,
 * capped, with ±20% jitter so that many clients do not retry in step.
 */
export function backoffDelay(
  failures: number,
  options: { baseMs: number; maxMs: number; random?: () => number },
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  const jitter = 0.8 + 0.4 * (options.random ?? Math.random)();
  return Math.round(Math.min(options.maxMs, exponential * jitter));
}
