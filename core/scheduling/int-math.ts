/** Go's int64 division (truncates toward zero), exact for operands below 2^53. */
export function intDiv(numerator: number, denominator: number): number {
  let q = Math.trunc(numerator / denominator);
  // Float division can round a quotient just below an integer up to it; step back when it did.
  if (numerator >= 0 && denominator > 0) {
    if (q * denominator > numerator) q--;
    else if ((q + 1) * denominator <= numerator) q++;
  }
  return q;
}
