/**
 * Kubernetes quantities (k8s.io/apimachinery resource.Quantity): parsing what users write in pod
 * specs ("250m", "1.5Gi", "2", "1e3") and formatting what the API server writes back, in the
 * canonical form: the largest suffix that represents the value exactly.
 */

const SUFFIX_SCALE: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

/** The value in base units (cores, bytes, count); NaN for a malformed quantity. */
export function parseQuantity(value: string | number | undefined): number {
  if (value === undefined) return NaN;
  if (typeof value === 'number') return value;
  const match = QUANTITY.exec(value.trim());
  if (!match) return NaN;
  const mantissa = Number(match[1]);
  const exponent = match[2] === undefined ? 0 : Number(match[2]);
  return mantissa * 10 ** exponent * (SUFFIX_SCALE[match[3] ?? ''] ?? NaN);
}

/** CPU in millicores, rounded up as the API server rounds sub-millicore requests; 0 when unset or bad. */
export function cpuMillis(value: string | number | undefined): number {
  const cores = parseQuantity(value);
  return Number.isFinite(cores) ? Math.ceil(Math.round(cores * 1e9) / 1e6) : 0;
}

/** Memory or storage in bytes; 0 when unset or bad. */
export function bytes(value: string | number | undefined): number {
  const amount = parseQuantity(value);
  return Number.isFinite(amount) ? Math.ceil(amount) : 0;
}

const BINARY_SUFFIXES: readonly (readonly [suffix: string, bytes: number])[] = [
  ['Ei', 1024 ** 6],
  ['Pi', 1024 ** 5],
  ['Ti', 1024 ** 4],
  ['Gi', 1024 ** 3],
  ['Mi', 1024 ** 2],
  ['Ki', 1024],
];

/** Memory and storage: "16Gi", "15155Mi", "12345Ki", or plain bytes when not a whole KiB. */
export function formatBytes(value: number): string {
  const whole = Math.round(value);
  if (whole === 0) return '0';
  for (const [suffix, size] of BINARY_SUFFIXES) {
    if (whole % size === 0) return `${whole / size}${suffix}`;
  }
  return String(whole);
}

/** Memory as metrics-server reports it: rounded to whole KiB, then canonical ("12345Ki", "2Gi"). */
export function formatMetricsBytes(value: number): string {
  return formatBytes(Math.round(value / 1024) * 1024);
}

/** CPU from millicores: "4", "3920m", "250m"; fractions of a millicore become "u"/"n". */
export function formatCpuMillis(millis: number): string {
  return formatCpuNanocores(Math.round(millis * 1_000_000));
}

/** CPU as metrics-server reports it: "123456789n", or shorter when exact ("250m", "2"). */
export function formatCpuNanocores(nanocores: number): string {
  const n = Math.round(nanocores);
  if (n === 0) return '0';
  if (n % 1_000_000_000 === 0) return String(n / 1_000_000_000);
  if (n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n % 1000 === 0) return `${n / 1000}u`;
  return `${n}n`;
}

/** An integer count: "110". */
export function formatCount(count: number): string {
  return String(Math.round(count));
}

/**
 * An int-or-percent field (maxSurge, minAvailable…) against a total, as
 * intstr.GetScaledValueFromIntOrPercent computes it: percentages round up or down as asked.
 */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value);
  if (!percent) {
    const asNumber = Number(value);
    return Number.isInteger(asNumber) ? asNumber : 0;
  }
  const scaled = (Number(percent[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
