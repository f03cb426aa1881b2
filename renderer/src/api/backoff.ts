/**
 * Delay before reconnect attempt number `failures` (1-based): doubling from `baseMs`, capped.
 * No jitter: each renderer talks to its own local host, so there is no herd to spread out, and a
 * deterministic schedule keeps the tests simple.
 */
export function reconnectDelay(failures: number, baseMs = 500, maxMs = 10_000): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 20);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}
