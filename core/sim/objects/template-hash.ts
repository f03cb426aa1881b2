import { safeEncode } from '../ids.ts';
import { hashString } from '../random.ts';
import type { PodTemplateSpec } from '../kube/types.ts';

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${entries.join(',')}}`;
}

const hashes = new WeakMap<object, string>();

/**
 * The pod-template-hash (controller.ComputeHash): FNV-32a of the template, plus the collision
 * count when there is one, written as SafeEncodeString of the decimal hash, so names come out as
 * real ones do (`nginx-7854ff8877`, only the characters 4-9 and b-f).
 */
export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  if (collisionCount === undefined) {
    const cached = hashes.get(template);
    if (cached) return cached;
  }
  // The hash label itself must not feed the hash, or a ReplicaSet's template would never match.
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  const text = canonicalJson({ ...template, metadata: { ...template.metadata, labels } });
  const hash = safeEncode(String(hashString(collisionCount ? `${text}#${collisionCount}` : text)));
  if (collisionCount === undefined) hashes.set(template, hash);
  return hash;
}
