/**
 * Durations as kubectl's flags take and print them (Go's time.ParseDuration and Duration.String),
 * so `--timeout 90s` means what it means to kubectl and messages read "global timeout reached: 1m30s".
 */

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Seconds in a Go duration ("30s", "5m", "1h30m", "1.5s", "0"), or an Error saying what is accepted. */
export function parseGoDuration(text: string): number | Error {
  const input = text.trim();
  if (input === '0') return 0;
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let seconds = 0;
  let consumed = 0;
  for (let match = part.exec(input); match; match = part.exec(input)) {
    seconds += Number(match[1]) * (UNIT_SECONDS[match[2] ?? 's'] ?? 1);
    consumed = part.lastIndex;
  }
  if (input === '' || consumed !== input.length) {
    return new Error(
      `"${text}" is not a duration: use a number with a unit, such as 30s, 5m, 1h30m (or 0 for none)`,
    );
  }
  return seconds;
}

/** Go's Duration.String for whole and fractional seconds: 8s, 1m30s, 5m0s, 1h0m0s, 1.5s. */
export function formatGoDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = Math.round((seconds % 60) * 1000) / 1000;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  if (minutes > 0) return `${minutes}m${rest}s`;
  return `${rest}s`;
}
