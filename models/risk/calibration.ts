/**
 * Platt scaling: maps the classifier's raw incident probability to one that means what it says.
 * Training weighs the rare positives up (up to 20×), so raw scores crowd near 1 and a healthy
 * node can read 0.9; placement (RiskAware) and the autopilot compare probabilities with fixed
 * numbers, so they need calibrated ones. A logistic fit on logit(raw), on data with the true base
 * rate: monotone, so rankings (ROC, PR) are unchanged.
 */
export interface PlattScaling {
  slope: number;
  intercept: number;
}

const EPSILON = 1e-7;

function logit(p: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
}

export function applyPlatt(raw: number, scaling: PlattScaling | undefined): number {
  if (!scaling) return raw;
  return 1 / (1 + Math.exp(-(scaling.slope * logit(raw) + scaling.intercept)));
}

/**
 * Fits slope and intercept by Newton's method on the log loss, with Platt's smoothed targets
 * ((N₊+1)/(N₊+2) and 1/(N₋+2)) so a perfectly separated set does not fit an infinite slope.
 * Deterministic; with no positives or no negatives there is nothing to fit (identity).
 */
export function fitPlatt(raw: ArrayLike<number>, labels: ArrayLike<number>): PlattScaling {
  const n = Math.min(raw.length, labels.length);
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i]) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return { slope: 1, intercept: 0 };
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const z = Float64Array.from({ length: n }, (_, i) => logit(raw[i] ?? 0));
  const target = (i: number) => (labels[i] ? high : low);
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const m = a * (z[i] ?? 0) + b;
      // log(1 + e^m) − t·m, written to stay finite for large |m|.
      sum += (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - target(i) * m;
    }
    return sum;
  };
  let slope = 1;
  let intercept = 0;
  let current = loss(slope, intercept);
  for (let iteration = 0; iteration < 100; iteration++) {
    // Gradient and Hessian of the log loss in (slope, intercept).
    let gs = 0;
    let gi = 0;
    let hss = 1e-9;
    let hsi = 0;
    let hii = 1e-9;
    for (let i = 0; i < n; i++) {
      const zi = z[i] ?? 0;
      const p = 1 / (1 + Math.exp(-(slope * zi + intercept)));
      const d = p - target(i);
      const w = p * (1 - p);
      gs += d * zi;
      gi += d;
      hss += w * zi * zi;
      hsi += w * zi;
      hii += w;
    }
    const det = hss * hii - hsi * hsi;
    if (!(Math.abs(det) > 1e-12)) break;
    const stepS = (hii * gs - hsi * gi) / det;
    const stepI = (hss * gi - hsi * gs) / det;
    // Newton's step, halved until the loss goes down (a full step can overshoot and oscillate).
    let scale = 1;
    let next = loss(slope - stepS, intercept - stepI);
    while (next > current && scale > 1e-6) {
      scale /= 2;
      next = loss(slope - scale * stepS, intercept - scale * stepI);
    }
    if (next > current) break;
    slope -= scale * stepS;
    intercept -= scale * stepI;
    const improved = current - next;
    current = next;
    if (improved < 1e-10 * Math.max(1, Math.abs(current))) break;
  }
  return { slope, intercept };
}
