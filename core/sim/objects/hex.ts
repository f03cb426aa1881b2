import { noise3 } from '../random.ts';

/** Deterministic hex of any length, for IDs that only need to look right and stay stable. */
export function hexId(seed: number, stream: number, index: number, length: number): string {
  const words: string[] = [];
  for (let word = 0; word * 8 < length; word++) {
    words.push(
      Math.floor(noise3(seed, 100 + stream, index, word) * 4_294_967_296)
        .toString(16)
        .padStart(8, '0'),
    );
  }
  return words.join('').slice(0, length);
}

/**
 * The same kind of ID at an eighth of the cost: one hash seeds a tiny generator for the rest.
 * Container IDs are made for every pod, so they use this.
 */
export function fastHexId(seed: number, stream: number, index: number, length: number): string {
  let state = Math.floor(noise3(seed, 200 + stream, index, 0) * 4_294_967_296) >>> 0;
  const words: string[] = [];
  for (let n = 0; n * 8 < length; n++) {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    words.push(((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, '0'));
  }
  // Joined into one flat string rather than grown by +=, which leaves a rope per ID.
  return words.join('').slice(0, length);
}
