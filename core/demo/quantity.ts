/**
 * Kubernetes quantity strings in their canonical form (k8s.io/apimachinery resource.Quantity):
 * the largest suffix that represents the value exactly, so 1000m is "1", 1048576 bytes is "1Mi",
 * and a value that fits no suffix keeps the smallest one ("123456789n", "12345Ki").
 */

const BINARY_SUFFIXES: readonly (readonly [suffix: string, bytes: number])[] = [
  ['Ei', 1024 ** 6],
  ['Pi', 1024 ** 5],
  ['Ti', 1024 ** 4],
  ['Gi', 1024 ** 3],
  ['Mi', 1024 ** 2],
  ['Ki', 1024],
];

/** Memory and storage: "16Gi", "15155Mi", "12345Ki", or plain bytes when not a whole KiB. */
export function formatBytes(bytes: number): string {
  const whole = Math.round(bytes);
  if (whole === 0) return '0';
  for (const [suffix, size] of BINARY_SUFFIXES) {
    if (whole % size === 0) return `${whole / size}${suffix}`;
  }
  return String(whole);
}

/** Memory as metrics-server reports it: rounded to whole KiB, then canonical ("12345Ki", "2Gi"). */
export function formatMetricsBytes(bytes: number): string {
  return formatBytes(Math.round(bytes / 1024) * 1024);
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

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const SUFFIX_FACTORS: Readonly<Record<string, number>> = {
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** A resource.Quantity ("250m", "1.5", "128Mi", "1e3") in base units; undefined when malformed. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = match[2];
  if (suffix === undefined) return number;
  if (suffix[0] === 'e' || suffix[0] === 'E') return number * 10 ** Number(suffix.slice(1));
  return number * (SUFFIX_FACTORS[suffix] ?? 1);
}
