import type { ConditionStatus } from './types.ts';

interface AnyCondition {
  type: string;
  status: ConditionStatus;
  lastTransitionTime?: string;
}

/**
 * Sets a condition the way controllers do: lastTransitionTime moves only when the status
 * changes, so a condition that holds keeps the time it became true. Returns a new array.
 */
export function setCondition<C extends AnyCondition>(
  conditions: readonly C[] | undefined,
  next: Omit<C, 'lastTransitionTime'> & { status: ConditionStatus },
  nowIso: string,
): C[] {
  const list = [...(conditions ?? [])];
  const at = list.findIndex((c) => c.type === next.type);
  const previous = at >= 0 ? list[at] : undefined;
  const lastTransitionTime =
    previous && previous.status === next.status && previous.lastTransitionTime
      ? previous.lastTransitionTime
      : nowIso;
  const merged = { ...next, lastTransitionTime } as C;
  if (at >= 0) list[at] = merged;
  else list.push(merged);
  return list;
}

export function findCondition<C extends { type: string }>(
  conditions: readonly C[] | undefined,
  type: string,
): C | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Structural equality for JSON values, so controllers write only what changed. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameJson(ra[k], rb[k])) return false;
  return true;
}
