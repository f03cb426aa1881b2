/** Axis ticks: round numbers for values, round times for the time axis. */

/**
 * Up to about `count` round ticks from 0 to at least `max`; the last tick is the axis top.
 * `unit` makes them round in that unit: 1024³ gives 4Gi, 8Gi… instead of 4.3G-byte steps.
 */
export function valueTicks(max: number, count = 4, unit = 1): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, unit];
  if (unit !== 1) return valueTicks(max / unit, count).map((tick) => tick * unit);
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value < max + step * 0.999; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** The binary unit (Ki, Mi, Gi…) that memory values up to `max` are best counted in. */
export function binaryUnit(max: number): number {
  let unit = 1;
  while (max / unit >= 1024 * 4) unit *= 1024;
  return unit;
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const timeSteps = [
  second,
  2 * second,
  5 * second,
  10 * second,
  15 * second,
  30 * second,
  minute,
  2 * minute,
  5 * minute,
  10 * minute,
  15 * minute,
  30 * minute,
  hour,
  2 * hour,
  3 * hour,
  6 * hour,
  12 * hour,
  day,
  2 * day,
  7 * day,
];

const pad = (n: number) => String(n).padStart(2, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function timeLabel(at: number, step: number): string {
  const d = new Date(at);
  if (step >= day) return `${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return step < minute ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

/** Ticks at round UTC times between `from` and `to`, at most `maxTicks` of them. */
export function timeTicks(from: number, to: number, maxTicks = 6): Array<{ at: number; label: string }> {
  const span = Math.max(1, to - from);
  const step = timeSteps.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / day) * day;
  const ticks: Array<{ at: number; label: string }> = [];
  for (let at = Math.ceil(from / step) * step; at <= to; at += step) {
    ticks.push({ at, label: timeLabel(at, step) });
  }
  return ticks;
}

/** Ticks every 0.2 from 0 to 1, for rates and curves (ROC, precision-recall). */
export function fractionTicks(): Array<{ at: number; label: string }> {
  return [0, 0.2, 0.4, 0.6, 0.8, 1].map((at) => ({
    at,
    label: at === 0 ? '0' : at === 1 ? '1' : at.toFixed(1),
  }));
}
