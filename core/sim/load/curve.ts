import { noise3 } from '../random.ts';
import type { LoadProfile } from './profile.ts';

/**
 * Demand as a pure function of (seed, profile, time): any instant can be evaluated in any order
 * and the same seed always gives the same series.
 *
 * cpu(t)    = base × daily(t) × weekly(t) × trend(t) × (1 + noise × wobble(t)) × burst(t)
 * memory(t) = base × (1 + 0.3 × amplitude × daily) × trend(t)^½ × (1 + 0.25 × noise × wobble(t))
 *
 * daily is a cosine peaking at the profile's hour; weekly dips on Saturday and Sunday (UTC) with
 * smooth edges; trend grows linearly from the epoch; wobble is value noise (a fresh value every
 * 15 s, smoothstep in between); bursts are rare 10-minute bumps of +50% to +150%.
 */

export const DAY_MS = 86_400_000;
export const NOISE_BUCKET_MS = 15_000;
const BURST_BUCKET_MS = 600_000;
const STREAM = { cpu: 61, memory: 62, burst: 63, burstHeight: 64, node: 65 } as const;

export interface Demand {
  cpuMillis: number;
  memoryBytes: number;
}

export function demandAt(seed: number, profile: LoadProfile, tMs: number, epochMs: number): Demand {
  const daily = dailyWave(tMs, profile.peakHour);
  const days = (tMs - epochMs) / DAY_MS;
  const trend = Math.max(0.2, 1 + profile.trendPerDay * days);
  const cpuMillis =
    profile.cpuBaseMillis *
    (1 + profile.dailyAmplitude * daily) *
    weekly(tMs, profile.weekendDip) *
    trend *
    (1 + profile.noise * wobble(seed, STREAM.cpu, profile.entity, tMs)) *
    burst(seed, profile, tMs);
  const memoryBytes =
    profile.memoryBaseBytes *
    (1 + 0.3 * profile.dailyAmplitude * daily) *
    Math.sqrt(trend) *
    (1 + 0.25 * profile.noise * wobble(seed, STREAM.memory, profile.entity, tMs));
  return { cpuMillis: Math.max(0, cpuMillis), memoryBytes: Math.max(0, Math.round(memoryBytes)) };
}

/** −1..1, peaking at `peakHour` (UTC). */
export function dailyWave(tMs: number, peakHour: number): number {
  const hourOfDay = (((tMs % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000;
  return Math.cos((2 * Math.PI * (hourOfDay - peakHour)) / 24);
}

/** 1 on weekdays, 1 − dip on Saturday and Sunday (UTC), with two-hour ramps. */
export function weekly(tMs: number, dip: number): number {
  if (dip === 0) return 1;
  const days = tMs / DAY_MS;
  // 1970-01-01 was a Thursday (4 when Sunday is 0).
  const dayOfWeek = ((Math.floor(days) % 7) + 7 + 4) % 7;
  const hour = (days - Math.floor(days)) * 24;
  const ramp = Math.min(1, hour / 2);
  let depth = 0;
  if (dayOfWeek === 6)
    depth = ramp; // into Saturday
  else if (dayOfWeek === 0) depth = 1;
  else if (dayOfWeek === 1) depth = 1 - ramp; // out of the weekend on Monday morning
  return 1 - dip * depth;
}

function burst(seed: number, profile: LoadProfile, tMs: number): number {
  const bucket = Math.floor(tMs / BURST_BUCKET_MS);
  if (noise3(seed, STREAM.burst, profile.entity, bucket) >= profile.burstChance) return 1;
  const f = (tMs - bucket * BURST_BUCKET_MS) / BURST_BUCKET_MS;
  const height = 0.5 + noise3(seed, STREAM.burstHeight, profile.entity, bucket);
  return 1 + height * Math.sin(Math.PI * f);
}

/** Value noise in [−1, 1): random per 15 s bucket, smoothstep-interpolated between buckets. */
export function wobble(seed: number, stream: number, entity: number, tMs: number): number {
  const position = tMs / NOISE_BUCKET_MS;
  const bucket = Math.floor(position);
  const f = position - bucket;
  const eased = f * f * (3 - 2 * f);
  const a = noise3(seed, stream, entity, bucket);
  const b = noise3(seed, stream, entity, bucket + 1);
  return 2 * (a + (b - a) * eased) - 1;
}

/** A node's own daemons (kubelet, runtime, OS): small and steady. */
export function nodeOverheadAt(seed: number, entity: number, base: Demand, tMs: number): Demand {
  return {
    cpuMillis: base.cpuMillis * (1 + 0.15 * wobble(seed, STREAM.node, entity, tMs)),
    memoryBytes: Math.round(base.memoryBytes * (1 + 0.03 * wobble(seed, STREAM.node + 1, entity, tMs))),
  };
}

/** Round-trip network latency seen from a node, in ms: about a millisecond with jitter. */
export function baseLatencyMs(seed: number, entity: number, tMs: number): number {
  return 0.8 + 0.4 * (1 + wobble(seed, STREAM.node + 2, entity, tMs));
}
