import { hashString, noise3, type Rng } from './random.ts';

/**
 * The alphabet Kubernetes uses for generated name parts (k8s.io/apimachinery/pkg/util/rand):
 * no vowels, so random suffixes never spell words, and no look-alike characters.
 */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A random name part like the `7c9d8` in `cart-6b8f9c7d4d-7c9d8`. */
export function nameSuffix(rng: Rng, length: number): string {
  return suffixFrom(() => rng.next(), length);
}

/**
 * The generated part of a name (`generateName`), from a stateless hash: the same seed, owner and
 * attempt always give the same suffix, whatever else the simulation did.
 */
export function generatedSuffix(seed: number, owner: string, attempt: number, length = 5): string {
  const salt = hashString(owner);
  let word = 0;
  return suffixFrom(() => noise3(seed, salt, attempt, word++), length);
}

/** Kubernetes' SafeEncodeString: a number's decimal digits mapped into the name alphabet. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += NAME_ALPHABET[text.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

function suffixFrom(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_ALPHABET[Math.floor(next() * NAME_ALPHABET.length)];
  return out;
}

/** Object kinds, as the first component of a stable UID, so a node and a pod never share one. */
export const UID_KIND = {
  node: 1,
  pod: 2,
  namespace: 3,
  workload: 4,
  replicaSet: 5,
  daemonSet: 6,
  statefulSet: 7,
  job: 8,
  podDisruptionBudget: 9,
  horizontalPodAutoscaler: 10,
  /** Objects created while the simulation runs, numbered in creation order. */
  runtime: 11,
  service: 12,
} as const;
export type UidKind = keyof typeof UID_KIND;

/**
 * A UUID (version 4 layout) that is a pure function of (seed, kind, index), so the same seed
 * always gives objects the same UIDs without storing 150,000 strings.
 */
export function stableUid(seed: number, kind: UidKind, index: number): string {
  const k = UID_KIND[kind];
  const words: string[] = [];
  for (let word = 0; word < 4; word++) {
    words.push(
      Math.floor(noise3(seed, k, index, word) * 4_294_967_296)
        .toString(16)
        .padStart(8, '0'),
    );
  }
  const hex = words.join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  // Joined, not concatenated: a template literal leaves a rope of string pieces per uid.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
