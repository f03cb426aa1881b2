import { quantile } from '../forecast/quantile.ts';

/** Finite values of a series, for percentiles that skip gaps. */
export function finite(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

export function percentile(values: ArrayLike<number>, q: number): number {
  return quantile(finite(values), q);
}

export function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isFinite(v) && v > max) max = v;
  }
  return max;
}

/** How much history backs a recommendation: a week sees both weekdays and a weekend. */
export function confidenceFor(observedMs: number): 'low' | 'medium' | 'high' {
  const days = observedMs / 86_400_000;
  return days >= 7 ? 'high' : days >= 1 ? 'medium' : 'low';
}
