/**
 * What requests cost. Defaults are AWS Fargate's Linux/x86 on-demand prices in us-east-1
 * (USD 0.04048 per vCPU-hour, 0.004445 per GiB-hour): a public, per-resource price list that
 * prices requests the way Kubernetes reserves them. Override them with your own rates.
 */
export interface Prices {
  readonly vcpuHour: number;
  readonly gibHour: number;
  readonly currency: string;
}

export const DEFAULT_PRICES: Prices = { vcpuHour: 0.04048, gibHour: 0.004445, currency: 'USD' };

/** Hours in an average month (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

const GIB = 1024 ** 3;

export function podHourCost(cpuMillis: number, memoryBytes: number, prices: Prices): number {
  return (cpuMillis / 1000) * prices.vcpuHour + (memoryBytes / GIB) * prices.gibHour;
}

export interface CostComparison {
  readonly currency: string;
  /** Monthly, at today's replicas and requests. */
  readonly today: number;
  /** Monthly, following the schedule with the recommended requests. */
  readonly recommended: number;
  readonly monthlySavings: number;
  /** Monthly with recommended requests: the schedule vs a fixed count sized for the peak. */
  readonly scheduled: number;
  readonly fixedAtPeak: number;
}

export function compareCost(
  today: { replicas: number; cpuMillis: number; memoryBytes: number },
  recommended: {
    cpuMillis: number;
    memoryBytes: number;
    weekdays: readonly number[];
    weekends: readonly number[];
  },
  prices: Prices = DEFAULT_PRICES,
): CostComparison {
  const round = (n: number) => Math.round(n * 100) / 100;
  const todayCost =
    today.replicas * podHourCost(today.cpuMillis, today.memoryBytes, prices) * HOURS_PER_MONTH;
  const perPod = podHourCost(recommended.cpuMillis, recommended.memoryBytes, prices);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  // A week is 5 weekdays and 2 weekend days of 24 hourly slots each.
  const podHoursPerWeek = 5 * sum(recommended.weekdays) + 2 * sum(recommended.weekends);
  const weeksPerMonth = HOURS_PER_MONTH / 168;
  const scheduled = podHoursPerWeek * weeksPerMonth * perPod;
  const peak = Math.max(...recommended.weekdays, ...recommended.weekends);
  const fixedAtPeak = peak * perPod * HOURS_PER_MONTH;
  return {
    currency: prices.currency,
    today: round(todayCost),
    recommended: round(scheduled),
    monthlySavings: round(todayCost - scheduled),
    scheduled: round(scheduled),
    fixedAtPeak: round(fixedAtPeak),
  };
}
