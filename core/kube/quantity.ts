/**
 * Kubernetes resource quantities ("250m", "2", "16Gi", "123456789n", "1e3") to numbers.
 * CPU comes back in millicores, everything else in base units (bytes for memory).
 */
const binarySuffixes: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const decimalSuffixes: Record<string, number> = {
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
};

const quantityPattern =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** A quantity in base units, or NaN when the string is not a quantity. */
export function parseQuantity(text: string | undefined | null): number {
  if (text === undefined || text === null) return Number.NaN;
  const match = quantityPattern.exec(text.trim());
  if (!match) return Number.NaN;
  const [, numberPart = '', exponent, suffix = ''] = match;
  const value = Number(numberPart);
  if (exponent) return value * 10 ** Number(exponent.slice(1));
  const multiplier = binarySuffixes[suffix] ?? decimalSuffixes[suffix];
  return multiplier === undefined ? Number.NaN : value * multiplier;
}

export function cpuToMillis(text: string | undefined | null): number {
  return Math.round(parseQuantity(text) * 1000 * 1000) / 1000;
}

export function memoryToBytes(text: string | undefined | null): number {
  return Math.round(parseQuantity(text));
}
