/**
 * Kubernetes quantities for people: CPU the way kubectl prints it (millicores below one core,
 * cores above), memory in binary units (Ki/Mi/Gi/Ti), because that is how requests and node
 * allocatable are written in manifests.
 */

export const missing = '—';

/** Up to `digits` decimals, without trailing zeros: 1.50 → "1.5", 2.00 → "2". */
function trimmed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

export function formatCpu(millis: number | null): string {
  if (millis === null || !Number.isFinite(millis)) return missing;
  if (Math.abs(millis) < 1000) return `${Math.round(millis)}m`;
  const cores = millis / 1000;
  return trimmed(cores, Math.abs(cores) < 10 ? 2 : 1);
}

const binaryUnits = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'] as const;

export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return missing;
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < binaryUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  if (unit === 0) return `${sign}${Math.round(value)}B`;
  return `${sign}${trimmed(value, value < 10 ? 2 : 1)}${binaryUnits[unit]}`;
}

/** used / total, or null when either is unknown or the total is not positive. */
export function usageFraction(used: number | null, total: number): number | null {
  if (used === null || !Number.isFinite(used) || !(total > 0)) return null;
  return used / total;
}

export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return missing;
  return `${Math.round(fraction * 100)}%`;
}

const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** Which band a utilisation falls in, for colouring bars; thresholds match common alerting. */
export type UsageLevel = 'unknown' | 'ok' | 'warn' | 'critical';

export function usageLevel(fraction: number | null): UsageLevel {
  if (fraction === null) return 'unknown';
  if (fraction >= 0.9) return 'critical';
  if (fraction >= 0.75) return 'warn';
  return 'ok';
}
