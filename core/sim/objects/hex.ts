import { noise3 } from '../random.ts';

/** Deterministic hex of any length, for IDs that only need to look right and stay stable. */
export function hexId(seed: number, stream: number, index: number, length: number): string {
  let out = '';
  for (let word = 0; out.length < length; word++) {
    out += Math.floor(noise3(seed, 100 + stream, index, word) * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}
