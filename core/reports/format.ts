/**
 * How reports write numbers and times. Quantities follow kubectl (millicores below one core,
 * binary units for memory); times are UTC, because a report travels between time zones and a
 * reader must not have to guess whose clock it was.
 */

export const missing = '—';

function trimmed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

/** kubectl's way: "850m" below one core, "2.5" above (cores). Compact, for tables. */
export function formatCores(millis: number | null): string {
  if (millis === null || !Number.isFinite(millis)) return missing;
  if (Math.abs(millis) < 1000) return `${Math.round(millis)}m`;
  const cores = millis / 1000;
  return trimmed(cores, Math.abs(cores) < 10 ? 2 : 1);
}

/** As formatCores, saying "cores" where a bare number would read as nothing ("2.5 cores"). */
export function formatCpu(millis: number | null): string {
  const compact = formatCores(millis);
  return millis !== null && Math.abs(millis) >= 1000 ? `${compact} cores` : compact;
}

const binaryUnits = ['B', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'] as const;

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

export function fraction(used: number | null, total: number | null): number | null {
  if (used === null || total === null || !Number.isFinite(used) || !(total > 0)) return null;
  return used / total;
}

export function formatPercent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return missing;
  return `${Math.round(value * 100)}%`;
}

export function formatCount(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return missing;
  return new Intl.NumberFormat('en-US').format(Math.round(value));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-03-14 09:26 UTC"; with seconds when the report spans minutes, not hours. */
export function formatTime(ms: number, withSeconds = false): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${withSeconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
  return `${date} ${time} UTC`;
}

/** "45 s", "12 min", "6 h", "3 d 4 h": how long, in the largest units that say it. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  if (hours < 48) return restMinutes && hours < 6 ? `${hours} h ${restMinutes} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

/** A name safe in a file name on every platform, for the suggested download name. */
export function fileNamePart(text: string): string {
  const cleaned = text
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return cleaned || 'cluster';
}

/** "20250314-0926": sortable, and free of the colons some file systems refuse. */
export function fileStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
}

/** "123.45 USD": costs are a month, rounded to the cent as the advisor rounds them. */
export function formatMoney(value: number | null, currency: string | null): string {
  if (value === null || !Number.isFinite(value)) return missing;
  return `${value.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

/** "+12%", "-40%", "0%": a change, with its sign. */
export function formatChange(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return missing;
  const rounded = Math.round(percent);
  return `${rounded > 0 ? '+' : ''}${rounded}%`;
}
