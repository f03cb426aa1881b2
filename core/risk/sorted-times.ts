/** Searches and trims of ascending time arrays: samples' and events' times in a feature series. */

/** First index with a[index] >= x. */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[index] > x. */
export function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function upperBoundBy(a: readonly { at: number }[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid]?.at ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events in (from, to]. */
export function countIn(times: readonly number[], from: number, to: number): number {
  return upperBound(times, to) - upperBound(times, from);
}

/** Removes the values before `at` from the front of an ascending array. */
export function dropSortedBefore(times: number[], at: number): void {
  const k = lowerBound(times, at);
  if (k > 0) times.splice(0, k);
}
